import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, like, lte, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkinResponses, checkinSchedules, jobs, notifications, users } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { builtInForm, scheduleCheckin } from "~test/checkin-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { freshInvitedClient, freshProgram } from "~test/drill-fixtures";
import { acceptInvite } from "@/server/clients/service";
import { CHECKIN_REMIND_JOB, CHECKIN_SWEEP_JOB, checkinReminderJob, checkinSweepJob, startCheckinReminders, sweepJob } from "./reminders";

const t = setupTestDatabase();

// Berlin's clocks go forward on the night of 27 to 28 March 2027 (02:00 → 03:00).

async function berlinStudio(): Promise<TestStudio> {
  const studio = await createTestStudio(t.db, "reminders");
  await t.db.update(users).set({ timeZone: "Europe/Berlin" }).where(inArray(users.id, [studio.clientA.userId, studio.clientB.userId]));
  return studio;
}

/** One sweep of the slot starting at `from`, run at `now`, as the worker runs a job (in a transaction). */
const sweep = (from: string, now: string) => t.db.transaction((tx) => checkinSweepJob(tx, { from }, new Date(now)));

/** The reminder jobs queued for these schedules: [due day, due instant], in order. */
async function remindersOf(scheduleIds: string[]) {
  const rows = await t.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, CHECKIN_REMIND_JOB), inArray(sql`${jobs.payload}->>'scheduleId'`, scheduleIds)))
    .orderBy(asc(jobs.runAt));
  return rows;
}

/** Runs this studio's due reminder jobs at `now`, each once, as the worker would (other studios' are left alone). */
async function runReminders(studioId: string, now: string) {
  const due = await t.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, CHECKIN_REMIND_JOB), isNull(jobs.doneAt), lte(jobs.runAt, new Date(now)), sql`${jobs.payload}->>'studioId' = ${studioId}::text`));
  for (const job of due) {
    await t.db.transaction(async (tx) => {
      await checkinReminderJob(tx, job.payload, new Date(now));
      await tx.update(jobs).set({ doneAt: new Date(now) }).where(eq(jobs.id, job.id));
    });
  }
}

const remindedOf = (userId: string) => t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "checkin_due")));

describe("check-in reminders", () => {
  it("queues each check-in's reminder at the instant it opens, across the spring-forward night", async () => {
    const studio = await berlinStudio();
    const morning = await scheduleCheckin(t.db, studio, { atTime: "07:00", startsOn: "2027-03-26" });
    // 02:30 does not happen on the 28th: that day it opens when the clocks jump, at 03:00.
    const night = await scheduleCheckin(t.db, studio, { clientId: studio.clientB.clientId, atTime: "02:30", startsOn: "2027-03-26" });
    // The workers were off from the 27th: the late sweep covers everything up to the slot after now.
    await sweep("2027-03-27T00:00:00.000Z", "2027-03-28T23:55:00.000Z");
    const queued = await remindersOf([morning.schedule.id, night.schedule.id]);
    expect(queued.map((j) => [j.payload.scheduleId === morning.schedule.id ? "07:00" : "02:30", j.payload.dueOn, j.runAt.toISOString()])).toEqual([
      ["02:30", "2027-03-27", "2027-03-27T01:30:00.000Z"],
      ["07:00", "2027-03-27", "2027-03-27T06:00:00.000Z"],
      ["02:30", "2027-03-28", "2027-03-28T01:00:00.000Z"],
      ["07:00", "2027-03-28", "2027-03-28T05:00:00.000Z"],
    ]);
    // The next sweep takes over at the next slot.
    const [next] = await t.db.select().from(jobs).where(eq(jobs.key, "checkin-sweep:2027-03-29T00:00:00.000Z"));
    expect(next).toMatchObject({ kind: CHECKIN_SWEEP_JOB, runAt: new Date("2027-03-29T00:00:00.000Z"), payload: { from: "2027-03-29T00:00:00.000Z" } });
  });

  it("sends once per check-in and day, not again when a slot is swept twice, and not for one already answered", async () => {
    const studio = await berlinStudio();
    const a = await scheduleCheckin(t.db, studio, { atTime: "07:00", startsOn: "2027-03-01" });
    const b = await scheduleCheckin(t.db, studio, { clientId: studio.clientB.clientId, atTime: "07:00", startsOn: "2027-03-01" });
    // Client B answered the 10 March check-in before its reminder ran.
    await t.db.insert(checkinResponses).values({ id: randomUUID(), studioId: studio.studioId, clientId: studio.clientB.clientId, formId: b.form.id, kind: "checkin", scheduleId: b.schedule.id, dueOn: "2027-03-10", localDate: "2027-03-10" });

    // 07:00 in Berlin on 10 March is 06:00 UTC: the sweep of the 06:00 slot queues it.
    await sweep("2027-03-10T06:00:00.000Z", "2027-03-10T06:00:02.000Z");
    await sweep("2027-03-10T06:00:00.000Z", "2027-03-10T06:00:09.000Z");
    expect((await remindersOf([a.schedule.id, b.schedule.id])).map((j) => j.key)).toEqual(
      expect.arrayContaining([`checkin-remind:${a.schedule.id}:${studio.clientA.clientId}:2027-03-10`, `checkin-remind:${b.schedule.id}:${studio.clientB.clientId}:2027-03-10`]),
    );
    expect(await remindersOf([a.schedule.id, b.schedule.id])).toHaveLength(2);

    // Not yet due a second before it opens.
    await runReminders(studio.studioId, "2027-03-10T05:59:59.000Z");
    expect(await remindedOf(studio.clientA.userId)).toHaveLength(0);
    await runReminders(studio.studioId, "2027-03-10T06:00:05.000Z");
    await runReminders(studio.studioId, "2027-03-10T06:05:00.000Z");
    const sent = await remindedOf(studio.clientA.userId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ studioId: studio.studioId, kind: "checkin_due", title: "Morning check-in", url: "/portal" });
    expect(await remindedOf(studio.clientB.userId)).toHaveLength(0);

    // Swept again (a replay of the slot): nothing new is queued or sent.
    await sweep("2027-03-10T06:00:00.000Z", "2027-03-10T06:07:00.000Z");
    await runReminders(studio.studioId, "2027-03-10T06:08:00.000Z");
    expect(await remindedOf(studio.clientA.userId)).toHaveLength(1);
    expect(await remindedOf(studio.clientB.userId)).toHaveLength(0);
  });

  it("does not remind a schedule stopped before it opened, nor a check-in past answering", async () => {
    const studio = await berlinStudio();
    const stopped = await scheduleCheckin(t.db, studio, { atTime: "07:00", startsOn: "2027-03-01" });
    const late = await scheduleCheckin(t.db, studio, { clientId: studio.clientB.clientId, atTime: "07:00", startsOn: "2027-03-01" });
    await sweep("2027-03-10T06:00:00.000Z", "2027-03-10T06:00:01.000Z");
    expect(await remindersOf([stopped.schedule.id, late.schedule.id])).toHaveLength(2);
    await t.db.update(checkinSchedules).set({ endedAt: new Date("2027-03-10T05:30:00.000Z") }).where(eq(checkinSchedules.id, stopped.schedule.id));
    // The workers come back the next day: a daily check-in of yesterday is no longer answered.
    await runReminders(studio.studioId, "2027-03-11T08:00:00.000Z");
    expect(await remindedOf(studio.clientA.userId)).toHaveLength(0);
    expect(await remindedOf(studio.clientB.userId)).toHaveLength(0);
  });

  it("queues the reminder of a check-in scheduled after its slot was swept", async () => {
    const studio = await berlinStudio();
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    // 06:03 UTC on 10 March: this slot's sweep ran at 06:00; 07:05 in Berlin is 06:05 UTC.
    const now = new Date("2027-03-10T06:03:00.000Z");
    const { schedule } = await callerFor(t.db, studio.trainer.userId, { now: () => now }).checkinSchedule.scheduleForClient({ clientId: studio.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "07:05", startsOn: null });
    expect((await remindersOf([schedule.id])).map((j) => [j.payload.dueOn, j.runAt.toISOString()])).toEqual([["2027-03-10", "2027-03-10T06:05:00.000Z"]]);
    await runReminders(studio.studioId, "2027-03-10T06:05:01.000Z");
    expect(await remindedOf(studio.clientA.userId)).toHaveLength(1);
  });

  // The sweep of the 05:50 UTC slot (06:50 in Berlin) ran at 05:50 and covered up to 06:00; a
  // check-in at 06:58 that starts asking a client at 06:55 is reminded only if queued then.
  // (One at 07:00 is the next sweep's, whatever happens at 06:55.)
  const DAY_BEFORE = new Date("2027-03-09T12:00:00.000Z");
  const AT_0655 = new Date("2027-03-10T05:55:00.000Z");

  async function programAskingMorningAt(studio: TestStudio, atTime: string) {
    const program = await freshProgram(t.db, studio);
    const { form } = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const { schedule } = await callerFor(t.db, studio.trainer.userId, { now: () => DAY_BEFORE }).checkinSchedule.scheduleForProgram({ programId: program.id, formId: form.id, cadence: "daily", weekday: null, atTime, startsOn: null });
    return { program, schedule };
  }

  it("queues the reminder of a programme's check-in when the programme is applied after its slot was swept", async () => {
    const studio = await berlinStudio();
    const { program, schedule } = await programAskingMorningAt(studio, "06:58");
    // Nobody has the programme yet: nothing to remind.
    expect(await remindersOf([schedule.id])).toEqual([]);
    await callerFor(t.db, studio.trainer.userId, { now: () => AT_0655 }).program.applyTo({ programId: program.id, clientIds: [studio.clientA.clientId], startDate: null });
    const queued = await remindersOf([schedule.id]);
    expect(queued.map((j) => [j.payload.clientId, j.payload.dueOn, j.runAt.toISOString()])).toEqual([[studio.clientA.clientId, "2027-03-10", "2027-03-10T05:58:00.000Z"]]);
    await runReminders(studio.studioId, "2027-03-10T05:58:01.000Z");
    expect(await remindedOf(studio.clientA.userId)).toHaveLength(1);
    // Applied again (nothing new to assign): nothing more is queued.
    await callerFor(t.db, studio.trainer.userId, { now: () => new Date("2027-03-10T05:56:00.000Z") }).program.applyTo({ programId: program.id, clientIds: [studio.clientA.clientId], startDate: null });
    expect(await remindersOf([schedule.id])).toHaveLength(1);
  });

  it("queues the reminder of a programme's check-in when a client put on it while invited accepts after the slot was swept", async () => {
    const studio = await berlinStudio();
    const { program, schedule } = await programAskingMorningAt(studio, "06:58");
    const invited = await freshInvitedClient(t.db, studio, DAY_BEFORE);
    await callerFor(t.db, studio.trainer.userId, { now: () => DAY_BEFORE }).program.applyTo({ programId: program.id, clientIds: [invited.id], startDate: null });
    expect(await remindersOf([schedule.id])).toEqual([]);
    const token = /token=([\w-]+)/.exec(invited.inviteLink ?? "")?.[1];
    expect(token).toBeTruthy();
    await acceptInvite(t.db, { token: token!, password: "a long password", timeZone: "Europe/Berlin", now: AT_0655 });
    const queued = await remindersOf([schedule.id]);
    expect(queued.map((j) => [j.payload.clientId, j.payload.dueOn, j.runAt.toISOString()])).toEqual([[invited.id, "2027-03-10", "2027-03-10T05:58:00.000Z"]]);
  });

  it("queues the reminder of a check-in when an archived client is restored after the slot was swept", async () => {
    const studio = await berlinStudio();
    const { schedule } = await scheduleCheckin(t.db, studio, { atTime: "06:58", startsOn: "2027-03-01" });
    const trainer = (now: Date) => callerFor(t.db, studio.trainer.userId, { now: () => now }).client;
    await trainer(DAY_BEFORE).archive({ clientId: studio.clientA.clientId });
    await trainer(AT_0655).restore({ clientId: studio.clientA.clientId });
    expect((await remindersOf([schedule.id])).map((j) => [j.payload.dueOn, j.runAt.toISOString()])).toEqual([["2027-03-10", "2027-03-10T05:58:00.000Z"]]);
  });

  it("starts one sweep per slot however often the workers start", async () => {
    const now = new Date("2030-01-01T08:07:00.000Z");
    await startCheckinReminders(t.db, now);
    await startCheckinReminders(t.db, new Date("2030-01-01T08:09:59.000Z"));
    const started = await t.db.select().from(jobs).where(like(jobs.key, "checkin-sweep:2030-01-01T08:%"));
    expect(started.map((j) => [j.key, j.runAt.toISOString()])).toEqual([["checkin-sweep:2030-01-01T08:00:00.000Z", "2030-01-01T08:00:00.000Z"]]);
    expect(sweepJob(new Date("2030-01-01T08:00:00.000Z")).key).toBe(started[0]!.key);
  });

  it("offers clients, not trainers, the switch for check-in reminders in their settings", async () => {
    const studio = await createTestStudio(t.db, "settings");
    const kindsOf = async (userId: string) => (await callerFor(t.db, userId).push.preferences()).map((p) => p.kind);
    expect(await kindsOf(studio.clientA.userId)).toContain("checkin_due");
    expect(await kindsOf(studio.trainer.userId)).not.toContain("checkin_due");
    const after = await callerFor(t.db, studio.clientA.userId).push.setPreference({ kind: "checkin_due", pushEnabled: false });
    expect(after.find((p) => p.kind === "checkin_due")).toEqual({ kind: "checkin_due", label: "A check-in to answer", pushEnabled: false });
  });
});
