import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { london, makeBookable } from "~test/booking-factories";
import { callerFor } from "~test/caller";
import { setupTestDatabase, testDbKind } from "~test/db";
import { createTestStudio } from "~test/factories";
import { openPostgres, type Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { jobs, outbox } from "@/server/db/schema";
import { runDueJobs } from "@/server/jobs/service";
import { jobHandlers } from "@/server/jobs/worker";
import { REMINDER_JOB, sendBookingReminder } from "./emails";
import { bookSession, cancelBooking, rescheduleBooking } from "./service";

// The worker's reminder handler only: on PostgreSQL the test files share one database, and a
// clock in 2027 would otherwise run other files' jobs (their push jobs, with their own keys).
const reminderJobs = { [REMINDER_JOB]: jobHandlers[REMINDER_JOB]! };

const t = setupTestDatabase();
const NOW = london("2027-04-01T09:00");
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

/** A second app instance: its own connection pool to the same PostgreSQL (PGlite has one process, so the same instance). */
function secondInstance() {
  const url = t.url;
  if (!url) return t.db;
  const database = openPostgres(url, { max: 5 });
  opened.push(database);
  return database.db;
}

async function reminders(studioId: string) {
  return t.db.select().from(outbox).where(and(eq(outbox.studioId, studioId), eq(outbox.kind, "booking_reminder")));
}

async function confirmation(studioId: string) {
  const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.studioId, studioId), eq(outbox.kind, "booking_confirmed")));
  return mail!.text;
}

describe("booking reminders", () => {
  it("sends one reminder a day before, even with two app instances running the queue at once", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-05T10:00"), now: NOW, actor });
    const [job] = await t.db.select().from(jobs).where(eq(jobs.key, `booking-reminder:${booking.id}:v0`));
    expect(job!.runAt.toISOString()).toBe(london("2027-04-04T10:00").toISOString());

    // Two days early: nothing is due yet.
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-03T10:00"));
    expect(await reminders(s.studioId)).toHaveLength(0);

    const other = secondInstance();
    const dueNow = () => london("2027-04-04T10:01");
    await Promise.all([
      ...Array.from({ length: 4 }, () => runDueJobs(t.db, reminderJobs, dueNow)),
      ...Array.from({ length: 4 }, () => runDueJobs(other, reminderJobs, dueNow)),
    ]);
    const sent = await reminders(s.studioId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toEmail).toBe(s.clientA.email);
    expect(sent[0]!.text).toContain("10:00");
  });

  it("sends none for a booking cancelled first, and follows a move to its new time", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const cancelled = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-06T10:00"), now: NOW, actor });
    await cancelBooking(t.db, { studioId: s.studioId, bookingId: cancelled.id, actor, now: NOW });
    const moved = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-06T12:00"), now: NOW, actor });
    await rescheduleBooking(t.db, { studioId: s.studioId, bookingId: moved.id, start: london("2027-04-08T15:00"), actor, now: NOW });

    await runDueJobs(t.db, reminderJobs, () => london("2027-04-05T12:30"));
    expect(await reminders(s.studioId)).toHaveLength(0);
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-07T15:00"));
    const sent = await reminders(s.studioId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("15:00");
  });

  it("reminds a booking made 3 hours ahead an hour before, and says so; its confirmation says it is inside the cancellation window", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-01T12:00"), now: NOW, actor });
    const [job] = await t.db.select().from(jobs).where(eq(jobs.key, `booking-reminder:${booking.id}:v0`));
    expect(job!.runAt.toISOString()).toBe(london("2027-04-01T11:00").toISOString());
    const text = await confirmation(s.studioId);
    expect(text).toContain("It is less than 24 hours away, so it is already inside the cancellation window: cancelling it uses up your credit, and it can no longer be moved.");
    expect(text).toContain("We will send you a reminder at 11:00 on Thu 1 April.");
    expect(text).not.toContain("free until");

    await runDueJobs(t.db, reminderJobs, () => london("2027-04-01T10:59"));
    expect(await reminders(s.studioId)).toHaveLength(0);
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-01T11:00"));
    expect(await reminders(s.studioId)).toHaveLength(1);
  });

  it("sends no reminder for a booking made 90 minutes ahead, and the confirmation says it is the reminder", async () => {
    const s = await createTestStudio(t.db);
    const { moneyType } = await makeBookable(t.db, s);
    const actor = { by: "trainer" as const, memberId: s.trainer.memberId };
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: moneyType.id, clientId: s.clientA.clientId, start: london("2027-04-01T10:30"), now: NOW, actor });
    expect(await t.db.select().from(jobs).where(eq(jobs.key, `booking-reminder:${booking.id}:v0`))).toEqual([]);
    const text = await confirmation(s.studioId);
    expect(text).toContain("cancelling it costs £40.00");
    expect(text).toContain("It starts in 1 hour 30 minutes, so this email is your reminder.");
  });

  it("a booking made a week ahead is free to cancel until a day before, and reminded the day before", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-08T09:00"), now: NOW, actor });
    const text = await confirmation(s.studioId);
    expect(text).toContain("You can cancel or move it for free until 09:00 on Wed 7 April.");
    expect(text).toContain("We will send you a reminder at 09:00 on Wed 7 April.");
  });

  it("a client who deleted their account gets no reminder of the bookings the deletion cancelled", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-05T10:00"), now: NOW, actor });
    await callerFor(t.db, s.clientA.userId, { now: () => NOW }).account.deleteMine({ confirmName: s.clientA.name });
    await runDueJobs(t.db, reminderJobs, () => london("2027-04-04T10:01"));
    expect(await reminders(s.studioId)).toEqual([]);
  });

  // PostgreSQL only: the race needs two connections at once (the reminder's and the deletion's);
  // PGlite runs one, so there the deletion simply comes after, as the test above shows.
  it.runIf(testDbKind === "postgres")("a reminder being written while the client deletes their account is removed with their other mail, never left to send", async () => {
    const s = await createTestStudio(t.db);
    const { creditType } = await makeBookable(t.db, s);
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    const booking = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-04-05T10:00"), now: NOW, actor });
    const dueAt = london("2027-04-04T10:01");
    let deleting: Promise<unknown> | undefined;
    let isDeletionDone = false;
    // The reminder job's transaction has written its email and not yet committed when the deletion starts.
    await t.db.transaction(async (tx) => {
      await sendBookingReminder(tx, { bookingId: booking.id, version: booking.version }, dueAt);
      deleting = callerFor(t.db, s.clientA.userId, { now: () => dueAt })
        .account.deleteMine({ confirmName: s.clientA.name })
        .finally(() => (isDeletionDone = true));
      for (let waited = 0; !isDeletionDone; waited += 20) {
        const [row] = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%from "bookings"%for update%'`);
        if ((row?.n ?? 0) > 0) break;
        if (waited > 10_000) throw new Error("the deletion neither finished nor waited");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await deleting;
    expect(await reminders(s.studioId)).toEqual([]);
    expect(await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientA.email))).toEqual([]);
  });
});
