import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients, practiceEntries, practiceSessions, runs, sessionReviews } from "@/server/db/schema";
import { dailyBestsFor } from "@/server/drills/daily-bests";
import { addDays, localDateIn } from "@/lib/local-date";
import { computeDailyAdherence } from "@/server/progression/adherence";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { freshSession, sampleSession, withFoundation } from "~test/training-fixtures";
import { sessionMessages } from "@/lib/session-input";
import { writeSession } from "./service";

const t = setupTestDatabase();

async function countSessions(id: string) {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(practiceSessions).where(eq(practiceSessions.id, id));
  return row!.n;
}
async function countEntries(sessionId: string) {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(practiceEntries).where(eq(practiceEntries.sessionId, sessionId));
  return row!.n;
}
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError & { cause?: { field?: string } };
}

describe("logging a session", () => {
  it("stores a session and its entries with the client's local date and the prescription in force", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const now = new Date("2026-03-10T23:30:00Z");
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => now });
    const session = sampleSession(drills, now, { performedAt: new Date("2026-03-10T23:15:00Z") });
    const saved = await caller.session.log(session);
    expect(saved).toEqual({ id: session.id, isDuplicate: false });
    const [row] = await t.db.select().from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(row!.localDate).toBe("2026-03-10"); // Europe/London is UTC in March
    const entries = await t.db.select().from(practiceEntries).where(eq(practiceEntries.sessionId, session.id));
    expect(entries).toHaveLength(4);
    expect(entries.every((e) => e.clientId === studio.clientA.clientId && e.localDate === "2026-03-10")).toBe(true);
    const history = await caller.session.history();
    expect(history.sessions[0]!.entries.map((e) => e.value)).toEqual(expect.arrayContaining([32.5, 28, 18, 17]));
    expect(history.sessions[0]!.canChange).toBe(true);
  });

  it("stores the same session once when it is submitted 5 times at once", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const caller = callerFor(t.db, studio.clientA.userId);
    const session = sampleSession(drills);
    const results = await Promise.all(Array.from({ length: 5 }, () => caller.session.log(session)));
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(1);
    expect(await countSessions(session.id)).toBe(1);
    expect(await countEntries(session.id)).toBe(4);
    // A retry later (an offline sync) changes nothing either, and does not move created_at.
    const [before] = await t.db.select({ createdAt: practiceSessions.createdAt }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(await caller.session.log({ ...session, note: "sent again" })).toEqual({ id: session.id, isDuplicate: true });
    const [after] = await t.db.select({ createdAt: practiceSessions.createdAt, note: practiceSessions.note }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(after).toEqual({ createdAt: before!.createdAt, note: "Felt steady." });
  });

  it("rolls back the whole session when an entry fails", async () => {
    const studio = await createTestStudio(t.db);
    const { session, drills } = await freshSession(t.db, studio);
    const [entry] = await t.db.select().from(practiceEntries).where(eq(practiceEntries.sessionId, session.id));
    const id = randomUUID();
    const write = writeSession(t.db, {
      session: { id, studioId: studio.studioId, clientId: studio.clientA.clientId, performedAt: new Date(), localDate: "2026-03-10" },
      entries: [
        { ...entry!, id: undefined, sessionId: id, value: 20 },
        { ...entry!, id: undefined, sessionId: id, drillId: drills.backRotations, value: -3 },
      ],
    });
    await expect(write).rejects.toThrow();
    expect(await countSessions(id)).toBe(0);
    expect(await countEntries(id)).toBe(0);
  });

  it.each([
    ["negative seconds", (d: Awaited<ReturnType<typeof withFoundation>>) => ({ entries: [{ drillId: d.kneeDrive, setNumber: 1, side: "left" as const, value: -5 }] }), /Enter a hold between 0.1 and/],
    ["500 reps", (d: Awaited<ReturnType<typeof withFoundation>>) => ({ entries: [{ drillId: d.backRotations, setNumber: 1, side: "left" as const, value: 500 }] }), /500 reps is more than we can record/],
    ["a date beyond tomorrow", () => ({ performedAt: new Date(Date.now() + 3 * 86_400_000) }), /more than a day from now/],
  ])("refuses %s with a clear message and stores nothing", async (_label, change, message) => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const session = sampleSession(drills, new Date(), change(drills));
    const error = await refusal(callerFor(t.db, studio.clientA.userId).session.log(session));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(await countSessions(session.id)).toBe(0);
  });

  it("refuses a drill that is not assigned to this client, and a locked one", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio, "clientB");
    const notMine = sampleSession(drills);
    const error = await refusal(callerFor(t.db, studio.clientA.userId).session.log(notMine));
    expect(error.message).toBe(sessionMessages.notAssigned);
    expect(await countSessions(notMine.id)).toBe(0);
    const locked = sampleSession(drills, new Date(), { entries: [{ drillId: drills.hopping, setNumber: 1, side: "left", value: 20, contactFeel: "short" }] });
    const lockedError = await refusal(callerFor(t.db, studio.clientB.userId).session.log(locked));
    expect(lockedError.message).toMatch(/Hopping is still locked/);
    expect(await countSessions(locked.id)).toBe(0);
  });

  it("moves the client toward unlocking Hopping: daily bests come from the logged entries", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const now = new Date();
    const caller = callerFor(t.db, studio.clientA.userId);
    await caller.session.log(sampleSession(drills, now, { entries: [{ drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 31 }, { drillId: drills.kneeDrive, setNumber: 1, side: "right", value: 35 }] }));
    await caller.session.log(sampleSession(drills, now, { entries: [{ drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 40 }] }));
    const bests = await dailyBestsFor(t.db, studio.studioId, studio.clientA.clientId, [drills.kneeDrive]);
    expect(bests.get(drills.kneeDrive)).toEqual([{ localDate: localDateIn(new Date(now.getTime() - 3_600_000), "Europe/London"), left: 40, right: 35 }]);
    const today = await caller.portal.today();
    const hopping = today.drills.find((d) => d.drill.id === drills.hopping)!;
    expect(hopping.lock.progress[0]!.evaluation.qualifyingDays).toBe(1);
  });
});

describe("runs and warm-ups", () => {
  it("logs a run once, links a warm-up to it, and refuses a run of 0 minutes", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const caller = callerFor(t.db, studio.clientA.userId);
    const run = { id: randomUUID(), startedAt: new Date(), distance: { value: 5, unit: "km" as const }, durationSeconds: 1500, effort: 7, hasPain: false, painWhere: null, note: null };
    await Promise.all([caller.run.log(run), caller.run.log(run), caller.run.log(run)]);
    const stored = await t.db.select().from(runs).where(eq(runs.id, run.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.distanceM).toBe(5000);
    const warmup = sampleSession(drills, new Date(), { context: "warmup_before_run", runId: run.id });
    await caller.session.log(warmup);
    const [row] = await t.db.select({ runId: practiceSessions.runId }).from(practiceSessions).where(eq(practiceSessions.id, warmup.id));
    expect(row!.runId).toBe(run.id);

    const zero = { ...run, id: randomUUID(), durationSeconds: 0 };
    const error = await refusal(caller.run.log(zero));
    expect(error.message).toContain(sessionMessages.duration);
    expect(await t.db.select().from(runs).where(eq(runs.id, zero.id))).toHaveLength(0);

    // Client B cannot hang a warm-up on client A's run.
    const drillsB = await withFoundation(t.db, studio, "clientB");
    const stolen = sampleSession(drillsB, new Date(), { context: "warmup_before_run", runId: run.id });
    await refusal(callerFor(t.db, studio.clientB.userId).session.log(stolen));
    expect(await countSessions(stolen.id)).toBe(0);
  });
});

describe("editing within 24 hours", () => {
  it("lets the client edit and delete for 24 hours, then refuses with a clear message", async () => {
    const studio = await createTestStudio(t.db);
    const { session } = await freshSession(t.db, studio);
    const [stored] = await t.db.select({ createdAt: practiceSessions.createdAt }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    const at = (hours: number) => callerFor(t.db, studio.clientA.userId, { now: () => new Date(stored!.createdAt.getTime() + hours * 3_600_000) });

    await at(23).session.update({ ...session, note: "Edited", entries: session.entries!.slice(0, 2) });
    expect(await countEntries(session.id)).toBe(2);

    const late = await refusal(at(25).session.update({ ...session, note: "Too late" }));
    expect(late.code).toBe("PRECONDITION_FAILED");
    expect(late.message).toMatch(/^This session can no longer be edited: sessions are fixed 24 hours after saving/);
    const lateDelete = await refusal(at(25).session.delete({ sessionId: session.id }));
    expect(lateDelete.message).toMatch(/can no longer be deleted/);
    const [row] = await t.db.select({ note: practiceSessions.note }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(row!.note).toBe("Edited");

    // Another client of the same coach cannot touch it, even inside the window.
    const other = await refusal(callerFor(t.db, studio.clientB.userId).session.delete({ sessionId: session.id }));
    expect(other.code).toBe("NOT_FOUND");

    await at(1).session.delete({ sessionId: session.id });
    expect(await countSessions(session.id)).toBe(0);
  });
});

describe("trainer review and the attention queue", () => {
  it("queues unreviewed sessions and pain, takes feedback, and the client sees it", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const { sessionId, drills } = await freshSession(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const painful = sampleSession(drills, new Date(), { hasPain: true, painWhere: "left knee" });
    await client.session.log(painful);
    await client.run.log({ id: randomUUID(), startedAt: new Date(), distance: { value: 10, unit: "km" }, durationSeconds: 3300, effort: 8, hasPain: true, painWhere: "right shin", note: null });

    const trainer = callerFor(t.db, studio.trainer.userId);
    const queue = await trainer.review.attention();
    expect(queue.map((i) => i.key)).toEqual(expect.arrayContaining([`unreviewed_session:${sessionId}`, `pain:${painful.id}`]));
    expect(queue[0]!.kind).toBe("pain");
    expect(queue.some((i) => i.summary.includes("right shin"))).toBe(true);

    // Another studio's trainer sees none of it, and cannot open or review the session.
    expect(await callerFor(t.db, other.trainer.userId).review.attention()).toEqual([]);
    expect((await refusal(callerFor(t.db, other.trainer.userId).review.session({ sessionId }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(t.db, other.trainer.userId).review.save({ sessionId, feedback: "x" }))).code).toBe("NOT_FOUND");

    const detail = await trainer.review.session({ sessionId });
    expect(detail.entries[0]!.prescribed?.version).toBe(1);
    await trainer.review.save({ sessionId, feedback: "Good hold on the left; match it on the right." });
    expect((await trainer.review.attention()).some((i) => i.key === `unreviewed_session:${sessionId}`)).toBe(false);
    const history = await client.session.history();
    expect(history.sessions.find((s) => s.id === sessionId)!.review?.feedback).toBe("Good hold on the left; match it on the right.");
    const [review] = await t.db.select().from(sessionReviews).where(and(eq(sessionReviews.sessionId, sessionId)));
    expect(review!.studioId).toBe(studio.studioId);
  });

  it("a trainer's queue holds the clients they coach; the whole studio on request, and by default for the owner", async () => {
    const studio = await createTestStudio(t.db);
    // Client B is coached by the owner; client A by the trainer.
    await t.db.update(clients).set({ coachId: studio.owner.memberId }).where(eq(clients.id, studio.clientB.clientId));
    const drills = await withFoundation(t.db, studio, "clientA");
    await withFoundation(t.db, studio, "clientB");
    const logged: Record<string, string> = {};
    for (const who of ["clientA", "clientB"] as const) {
      const session = sampleSession(drills);
      await callerFor(t.db, studio[who].userId).session.log(session);
      logged[who] = `unreviewed_session:${session.id}`;
    }
    const keys = async (userId: string, view?: "mine" | "studio") =>
      (await callerFor(t.db, userId).review.attention(view ? { view } : undefined)).map((i) => i.key).filter((k) => k.startsWith("unreviewed_session:")).sort();
    expect(await keys(studio.trainer.userId)).toEqual([logged.clientA]);
    expect(await keys(studio.trainer.userId, "studio")).toEqual([logged.clientA, logged.clientB].sort());
    expect(await keys(studio.owner.userId)).toEqual([logged.clientA, logged.clientB].sort());
    expect(await keys(studio.owner.userId, "mine")).toEqual([logged.clientB]);
  });

  it("lists a client who missed their prescribed days, counted on their own calendar", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date("2026-03-10T12:00:00Z");
    const drills = await withFoundation(t.db, studio, "clientA", now);
    await withFoundation(t.db, studio, "clientB", now);
    // Client B logs Back Rotations every day of the last week: nothing missed.
    const clientB = (day: number) => callerFor(t.db, studio.clientB.userId, { now: () => new Date(now.getTime() - day * 86_400_000) });
    for (let day = 1; day <= 7; day++) {
      await clientB(day).session.log(sampleSession(drills, new Date(now.getTime() - day * 86_400_000), { entries: [{ drillId: drills.backRotations, setNumber: 1, side: "left", value: 16 }] }));
    }
    // Client A logs on 2 of the last 7 days: 5 missed.
    for (const day of [1, 3]) {
      await callerFor(t.db, studio.clientA.userId, { now: () => new Date(now.getTime() - day * 86_400_000) }).session.log(
        sampleSession(drills, new Date(now.getTime() - day * 86_400_000), { entries: [{ drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 20 }] }),
      );
    }
    const queue = await callerFor(t.db, studio.trainer.userId, { now: () => now }).review.attention();
    const missed = queue.filter((i) => i.kind === "missed_days");
    expect(missed.map((i) => i.clientId)).toEqual([studio.clientA.clientId]);
    expect(missed[0]!.summary).toBe("Missed the daily drills on 5 of the last 7 prescribed days.");

    // The SQL agrees with the pure reference rule over the same facts.
    const today = localDateIn(now, "Europe/London");
    const daily = { daily: true, beforeRun: false };
    const reference = computeDailyAdherence({
      assignments: [drills.kneeDrive, drills.backRotations].map((drillId) => ({ drillId, prescription: { schedule: daily, startDate: addDays(today, -30), endDate: null }, pauses: [] })),
      sessions: [1, 3].map((day) => ({ localDate: addDays(today, -day), performedAt: new Date(now.getTime() - day * 86_400_000), runId: null, drillIds: [drills.kneeDrive] })),
      runs: [],
      from: addDays(today, -7),
      to: addDays(today, -1),
    });
    expect(reference.filter((d) => d.status === "missed")).toHaveLength(5);
  });
});
