import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { jobs } from "@/server/db/schema";
import { enqueueJob, runDueJobs } from "./service";

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
});
