import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { streamExport } from "@/server/data-rights/export";
import { runReviews } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { sampleSession, withFoundation } from "~test/training-fixtures";

const t = setupTestDatabase();

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

// Issue 15, item 13: pain on a run stayed in the queue for 14 days and could not be cleared.
describe("a run that hurt", () => {
  it("opens from the queue on its own page, and acknowledging it (with an answer) takes it off the queue", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const runId = randomUUID();
    await client.run.log({ id: runId, startedAt: new Date(Date.now() - 3_600_000), distance: { value: 12, unit: "km" }, durationSeconds: 3720, effort: 8, hasPain: true, painWhere: "left calf", note: "Tight from 8 km on." });
    const warmup = sampleSession(drills, new Date(Date.now() - 2 * 3_600_000), { context: "warmup_before_run", runId });
    await client.session.log(warmup);

    const trainer = callerFor(t.db, studio.trainer.userId);
    const painItem = async () => (await trainer.review.attention()).find((i) => i.key === `pain:run:${runId}`);
    expect(await painItem()).toMatchObject({ kind: "pain", href: `/dashboard/runs/${runId}` });

    const run = await trainer.review.run({ runId });
    expect(run).toMatchObject({ clientId: studio.clientA.clientId, hasPain: true, painWhere: "left calf", note: "Tight from 8 km on.", distanceM: 12000, review: null });
    expect(run.warmups.map((w) => w.id)).toEqual([warmup.id]);
    expect(run.warmups[0]!.entries).toHaveLength(4);

    // Another studio's trainer can neither open nor acknowledge it: it does not exist for them.
    const stranger = callerFor(t.db, other.trainer.userId);
    expect(await codeOf(stranger.review.run({ runId }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.review.acknowledgeRun({ runId, feedback: "x" }))).toBe("NOT_FOUND");
    expect(await t.db.select().from(runReviews).where(eq(runReviews.runId, runId))).toEqual([]);

    await trainer.review.acknowledgeRun({ runId, feedback: "  Two easy days, then tell me how the calf feels.  " });
    expect(await painItem()).toBeUndefined();
    expect((await trainer.review.run({ runId })).review).toMatchObject({ feedback: "Two easy days, then tell me how the calf feels.", reviewerName: studio.trainer.name });
    const listed = (await trainer.review.forClient({ clientId: studio.clientA.clientId })).runs.find((r) => r.id === runId);
    expect(listed?.isReviewed).toBe(true);

    // The client reads the answer beside the run; saving again updates it rather than adding one.
    await trainer.review.acknowledgeRun({ runId, feedback: "Calf update please." });
    const mine = (await client.session.history()).runs.find((r) => r.id === runId)!;
    expect(mine.review).toMatchObject({ feedback: "Calf update please.", reviewerName: studio.trainer.name });
    expect(await t.db.select().from(runReviews).where(eq(runReviews.runId, runId))).toHaveLength(1);

    // A run the client deletes takes the answer with it.
    await client.run.delete({ runId });
    expect(await t.db.select().from(runReviews).where(eq(runReviews.runId, runId))).toEqual([]);
  });

  it("acknowledged with no words is still acknowledged", async () => {
    const studio = await createTestStudio(t.db);
    const runId = randomUUID();
    await callerFor(t.db, studio.clientA.userId).run.log({ id: runId, startedAt: new Date(), distance: { value: 5, unit: "km" }, durationSeconds: 1600, hasPain: true, painWhere: "right shin" });
    const trainer = callerFor(t.db, studio.trainer.userId);
    await trainer.review.acknowledgeRun({ runId, feedback: "" });
    expect((await trainer.review.attention()).some((i) => i.key === `pain:run:${runId}`)).toBe(false);
  });
});

describe("the trainer's answer to a run is the client's data", () => {
  it("is in the client's export beside the run, and goes when the client is deleted", async () => {
    const studio = await createTestStudio(t.db);
    const runId = randomUUID();
    await callerFor(t.db, studio.clientA.userId).run.log({ id: runId, startedAt: new Date(), distance: { value: 5, unit: "km" }, durationSeconds: 1600, hasPain: true, painWhere: "right shin" });
    await callerFor(t.db, studio.trainer.userId).review.acknowledgeRun({ runId, feedback: "Ice it, then rest a day." });

    const { scope } = await callerFor(t.db, studio.clientA.userId).dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date())) parts.push(part);
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (zip.set(p, at), at + p.length), 0);
    const [header, row] = strFromU8(unzipSync(zip)["runs.csv"]!).split("\r\n");
    expect(header).toContain("reviewed_by,review_feedback,reviewed_at_utc");
    expect(row).toContain(`${studio.trainer.name},"Ice it, then rest a day.",`);

    await callerFor(t.db, studio.owner.userId).dataRights.deleteClient({ clientId: studio.clientA.clientId, confirmName: studio.clientA.name });
    expect(await t.db.select().from(runReviews).where(eq(runReviews.studioId, studio.studioId))).toEqual([]);
  });
});
