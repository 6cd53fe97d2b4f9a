import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, runs, runTracks } from "@/server/db/schema";
import { FILE_RUN_FIGURES_MESSAGE } from "@/lib/session-input";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { freshRun } from "~test/training-fixtures";
import { sampleFileRunFigures, sampleRunTrack } from "~test/run-track";

// Issue 19, part 5: a run's page for the client and their trainer, with the track read from
// the watch's file, and the client's edit of a run within the sessions' 24 hours.

const t = setupTestDatabase();

/** An 8 km run of client A read from a FIT file (the rows the import writes), started `ago` ms before `now`. */
async function fileRun(studio: TestStudio, now = new Date(), ago = 7_200_000) {
  const id = randomUUID();
  const track = sampleRunTrack();
  const startedAt = new Date(now.getTime() - ago);
  await t.db.insert(runs).values({ id, studioId: studio.studioId, clientId: studio.clientA.clientId, startedAt, localDate: startedAt.toISOString().slice(0, 10), ...sampleFileRunFigures(track), effort: null, note: null, createdAt: now, updatedAt: now });
  await t.db.insert(runTracks).values({ runId: id, studioId: studio.studioId, clientId: studio.clientA.clientId, data: track });
  return { runId: id, track };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError & { cause?: { field?: string } };
}

async function runRow(id: string) {
  const [row] = await t.db.select().from(runs).where(eq(runs.id, id));
  return row!;
}

async function painComments(runId: string) {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(sql`${messages.threadId} in (select id from threads where run_id = ${runId})`);
  return row!.n;
}

describe("a run's page", () => {
  it("shows the client their file run with its figures, track and running dynamics, and their trainer the same", async () => {
    const studio = await createTestStudio(t.db);
    const { runId, track } = await fileRun(studio);
    const mine = await callerFor(t.db, studio.clientA.userId).run.mine({ runId });
    expect(mine).toMatchObject({ id: runId, source: "file", distanceM: 8000, groundContactBalanceLeft: 49.2, avgGroundContactMs: 241, device: "Garmin Forerunner 255", canChange: true });
    expect(mine.track?.splitsKm).toHaveLength(8);
    expect(mine.track?.splitsMi).toHaveLength(5);
    expect(mine.track?.route).toHaveLength(track.route!.length);
    expect(mine.track?.series.distanceM).toHaveLength(500);
    expect(mine).not.toHaveProperty("studioId");
    const trainers = await callerFor(t.db, studio.trainer.userId).review.run({ runId });
    expect(trainers).toMatchObject({ id: runId, clientName: studio.clientA.name, source: "file", avgStrideLengthMm: 1180 });
    expect(trainers.track).toEqual(mine.track);
  });

  it("shows a typed run without a track", async () => {
    const studio = await createTestStudio(t.db);
    const { runId } = await freshRun(t.db, studio);
    const mine = await callerFor(t.db, studio.clientA.userId).run.mine({ runId });
    expect(mine).toMatchObject({ source: "typed", distanceM: 5000, track: null, elapsedS: null });
  });

  it("answers another client, and another studio's trainer, as if the run did not exist", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db, "other");
    const { runId } = await fileRun(studio);
    expect((await refusal(callerFor(t.db, studio.clientB.userId).run.mine({ runId }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(t.db, other.trainer.userId).review.run({ runId }))).code).toBe("NOT_FOUND");
    expect((await refusal(callerFor(t.db, other.clientA.userId).run.mine({ runId }))).code).toBe("NOT_FOUND");
  });
});

describe("editing a run", () => {
  const typedEdit = (runId: string, now: Date, extra: Record<string, unknown> = {}) => ({
    id: runId,
    startedAt: new Date(now.getTime() - 3 * 3_600_000),
    distance: { value: 3.5, unit: "mi" as const },
    durationSeconds: 1900,
    effort: 7,
    hasPain: false,
    painWhere: null,
    note: "It was 3.5 miles, not 5 km.",
    ...extra,
  });

  it("replaces a typed run's figures and notes, and dates it in the client's zone", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date("2026-06-10T00:30:00Z");
    const { runId } = await freshRun(t.db, studio, now);
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => now });
    await caller.run.update(typedEdit(runId, now, { startedAt: new Date("2026-06-09T23:10:00Z") }));
    const row = await runRow(runId);
    // 00:10 on 10 June in London (BST).
    expect(row).toMatchObject({ distanceM: 5633, durationS: 1900, effort: 7, note: "It was 3.5 miles, not 5 km.", localDate: "2026-06-10" });
    expect(row.startedAt.toISOString()).toBe("2026-06-09T23:10:00.000Z");
  });

  it("posts a pain report as the client's comment once, however often the edit says it", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date();
    const { runId } = await freshRun(t.db, studio, now);
    const caller = callerFor(t.db, studio.clientA.userId);
    await caller.run.update(typedEdit(runId, now, { hasPain: true, painWhere: "right shin" }));
    await caller.run.update(typedEdit(runId, now, { hasPain: true, painWhere: "right shin", note: "Still there." }));
    expect(await painComments(runId)).toBe(1);
    expect(await runRow(runId)).toMatchObject({ hasPain: true, painWhere: "right shin", note: "Still there." });
  });

  it("refuses an edit after 24 hours with the time it closed, and writes nothing", async () => {
    const studio = await createTestStudio(t.db);
    const saved = new Date("2026-03-01T09:00:00Z");
    const { runId } = await freshRun(t.db, studio, saved);
    await t.db.update(runs).set({ createdAt: saved }).where(eq(runs.id, runId));
    const later = new Date(saved.getTime() + 24 * 3_600_000 + 1000);
    const before = await runRow(runId);
    const error = await refusal(callerFor(t.db, studio.clientA.userId, { now: () => later }).run.update(typedEdit(runId, later)));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toBe("This run can no longer be edited: runs are fixed 24 hours after saving, and this one was fixed at 09:00 on Mon 2 March.");
    expect(await runRow(runId)).toEqual(before);
    // At exactly 24 hours it is still allowed.
    await callerFor(t.db, studio.clientA.userId, { now: () => new Date(saved.getTime() + 24 * 3_600_000) }).run.update(typedEdit(runId, later));
  });

  it("keeps a file run's figures the watch's: effort, pain and note change, a typed distance is refused with a sentence", async () => {
    const studio = await createTestStudio(t.db);
    const { runId } = await fileRun(studio);
    const caller = callerFor(t.db, studio.clientA.userId);
    const before = await runRow(runId);
    const error = await refusal(caller.run.update({ id: runId, distance: { value: 10, unit: "km" }, effort: 5, hasPain: false, painWhere: null, note: null }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(FILE_RUN_FIGURES_MESSAGE);
    expect(error.cause?.field).toBe("distance.value");
    expect(await runRow(runId)).toEqual(before);
    await caller.run.update({ id: runId, effort: 4, hasPain: false, painWhere: null, note: "Easy long-ish run." });
    const after = await runRow(runId);
    expect(after).toMatchObject({ effort: 4, note: "Easy long-ish run.", distanceM: 8000, durationS: before.durationS, elapsedS: before.elapsedS, startedAt: before.startedAt });
  });

  it("asks a typed run's edit for its distance, and refuses a run in 2099", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date();
    const { runId } = await freshRun(t.db, studio, now);
    const caller = callerFor(t.db, studio.clientA.userId);
    const before = await runRow(runId);
    const { distance: _distance, ...withoutDistance } = typedEdit(runId, now);
    const missing = await refusal(caller.run.update(withoutDistance));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.cause?.field).toBe("distance.value");
    const future = await refusal(caller.run.update(typedEdit(runId, now, { startedAt: new Date("2099-01-01T08:00:00Z") })));
    expect(future.code).toBe("BAD_REQUEST");
    expect(future.cause?.field).toBe("startedAt");
    expect(await runRow(runId)).toEqual(before);
  });

  it("refuses another client's run as if it did not exist, and writes nothing", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date();
    const { runId } = await freshRun(t.db, studio, now);
    const before = await runRow(runId);
    const error = await refusal(callerFor(t.db, studio.clientB.userId).run.update(typedEdit(runId, now)));
    expect(error.code).toBe("NOT_FOUND");
    expect(await runRow(runId)).toEqual(before);
  });
});
