import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { practiceSessions, runs } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { sampleSession, withFoundation } from "~test/training-fixtures";

const t = setupTestDatabase();

/** The refusal as the browser reads it: the one formatter's message, not the caller's raw zod JSON. */
async function refusal(promise: Promise<unknown>, path: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getErrorShape({ config: appRouter._def._config, error: error as TRPCError, type: "mutation", path, input: undefined, ctx: { requestId: "test" } as never });
  return { code: (error as TRPCError).code, message: shape.message };
}

// Issue 15: "2026-02-30T10:00:00Z" was stored as 2 March. A client (or anything speaking JSON to
// the API) sends text; an impossible day is refused with a sentence and nothing is written.
describe("a session or run dated on a day that does not exist", () => {
  it("is refused with the day named, and nothing is stored", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio, "clientA", new Date("2026-03-05T12:00:00Z"));
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => new Date("2026-03-05T12:00:00Z") });

    const session = { ...sampleSession(drills), performedAt: "2026-02-30T10:00:00Z" };
    const error = await refusal(caller.session.log(session), "session.log");
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("There is no 30 February 2026; pick the date and time you did the drills.");
    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.id, session.id))).toEqual([]);

    const run = { id: randomUUID(), startedAt: "2026-02-29T07:00:00Z", distance: { value: 5, unit: "km" as const }, durationSeconds: 1500, hasPain: false };
    expect((await refusal(caller.run.log(run), "run.log")).message).toBe("There is no 29 February 2026; pick the date and time you started the run.");
    expect(await t.db.select().from(runs).where(eq(runs.id, run.id))).toEqual([]);

    // The same text with a real day is stored on that day.
    await caller.session.log({ ...session, performedAt: "2026-02-28T10:00:00Z" });
    const [stored] = await t.db.select({ localDate: practiceSessions.localDate }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(stored!.localDate).toBe("2026-02-28");
  });

  it("an edit to an impossible day is refused and leaves the session as it was", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const caller = callerFor(t.db, studio.clientA.userId);
    const session = sampleSession(drills);
    await caller.session.log(session);
    const error = await refusal(caller.session.update({ ...session, performedAt: "2026-04-31T08:00:00+02:00", note: "moved" }), "session.update");
    expect(error.message).toBe("There is no 31 April 2026; pick the date and time you did the drills.");
    const [row] = await t.db.select({ performedAt: practiceSessions.performedAt, note: practiceSessions.note }).from(practiceSessions).where(eq(practiceSessions.id, session.id));
    expect(row).toEqual({ performedAt: session.performedAt, note: session.note });
  });
});
