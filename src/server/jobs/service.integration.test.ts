import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { jobs } from "@/server/db/schema";
import type { Db, Tx } from "@/server/db/client";
import { enqueueJob, LONG_JOB_LEASE_MS, runDueJobs } from "./service";

const t = setupTestDatabase();

describe("the job queue", () => {
  it("runs a due job once, ignores a second enqueue of its key, and retries a failure later", async () => {
    const key = `test:${randomUUID()}`;
    const failKey = `test-fail:${randomUUID()}`;
    const at = new Date("2030-01-01T00:00:00Z");
    const seen: unknown[] = [];
    const handlers = {
      "test.record": async (_tx: unknown, payload: Record<string, unknown>) => {
        if (payload.key === key) seen.push(payload.n);
      },
      "test.fail": async () => {
        throw new Error("mail server down");
      },
    };
    await enqueueJob(t.db, { kind: "test.record", key, runAt: at, payload: { key, n: 1 } });
    await enqueueJob(t.db, { kind: "test.record", key, runAt: at, payload: { key, n: 2 } });
    await enqueueJob(t.db, { kind: "test.fail", key: failKey, runAt: at });

    await runDueJobs(t.db, handlers, () => new Date("2029-12-31T23:59:00Z"));
    expect(seen).toEqual([]);
    // A worker claims only the kinds it handles, so other test files' reminders are left alone.
    await runDueJobs(t.db, handlers, () => at);
    await runDueJobs(t.db, handlers, () => at);
    expect(seen).toEqual([1]);

    const [failed] = await t.db.select().from(jobs).where(eq(jobs.key, failKey));
    expect(failed!.doneAt).toBeNull();
    expect(failed!.attempts).toBe(1);
    expect(failed!.lastError).toBe("mail server down");
    // Not again in the same pass: the first failure waits a minute.
    expect(failed!.runAt.toISOString()).toBe("2030-01-01T00:01:00.000Z");
  });

  it("runs a long job outside any transaction, and commits its writes with done", async () => {
    const key = `test-long:${randomUUID()}`;
    const at = new Date("2031-01-01T00:00:00Z");
    const wrote = `test-long-effect:${randomUUID()}`;
    let seenDuringWork: { attempts: number; runAt: Date } | undefined;
    const handlers = {
      "test.long": {
        long: async (db: Db) => {
          // Another query answers while the work runs: no transaction holds the connection
          // (on PGlite, one that did would wait here for ever).
          const [row] = await db.select({ attempts: jobs.attempts, runAt: jobs.runAt }).from(jobs).where(eq(jobs.key, key));
          seenDuringWork = row;
          return (tx: Tx) => enqueueJob(tx, { kind: "test.none", key: wrote, runAt: at });
        },
      },
    };
    await enqueueJob(t.db, { kind: "test.long", key, runAt: at });
    expect(await runDueJobs(t.db, handlers, () => at)).toBe(1);
    // The lease was committed before the work began: counted, and pushed past the lease.
    expect(seenDuringWork).toEqual({ attempts: 1, runAt: new Date(at.getTime() + LONG_JOB_LEASE_MS) });
    const [done] = await t.db.select().from(jobs).where(eq(jobs.key, key));
    expect(done!.doneAt).not.toBeNull();
    expect(await t.db.select().from(jobs).where(eq(jobs.key, wrote))).toHaveLength(1);
    expect(await runDueJobs(t.db, handlers, () => new Date(at.getTime() + 2 * LONG_JOB_LEASE_MS))).toBe(0);
  });

  it("waits to retry a long job that failed, and drops the writes of one whose lease another worker took", async () => {
    const failKey = `test-long-fail:${randomUUID()}`;
    const lostKey = `test-long-lost:${randomUUID()}`;
    const wrote = `test-long-lost-effect:${randomUUID()}`;
    const at = new Date("2032-01-01T00:00:00Z");
    await enqueueJob(t.db, { kind: "test.longFail", key: failKey, runAt: at });
    await runDueJobs(t.db, { "test.longFail": { long: async () => Promise.reject(new Error("ffmpeg crashed")) } }, () => at);
    const [failed] = await t.db.select().from(jobs).where(eq(jobs.key, failKey));
    expect(failed).toMatchObject({ doneAt: null, attempts: 1, lastError: "ffmpeg crashed", runAt: new Date("2032-01-01T00:01:00Z") });

    await enqueueJob(t.db, { kind: "test.longLost", key: lostKey, runAt: at });
    const lost = {
      long: async (db: Db) => {
        // The lease ran out and another worker took the job again (its attempt counted).
        await db.update(jobs).set({ attempts: 2 }).where(eq(jobs.key, lostKey));
        return (tx: Tx) => enqueueJob(tx, { kind: "test.none", key: wrote, runAt: at });
      },
    };
    expect(await runDueJobs(t.db, { "test.longLost": lost }, () => at)).toBe(0);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.key, lostKey));
    expect(row!.doneAt).toBeNull();
    expect(await t.db.select().from(jobs).where(eq(jobs.key, wrote))).toEqual([]);
  });
});
