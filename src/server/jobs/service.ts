import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { jobs } from "@/server/db/schema";
import { logger } from "@/server/logger";

// A small job queue over the `jobs` table, the same code on PostgreSQL and PGlite. A worker
// claims one due job with FOR UPDATE SKIP LOCKED and runs its handler in that transaction,
// so the job's effect (an outbox row) and "done" commit together: two app instances never
// run one job twice, and a crash mid-job leaves it pending for the next pass.

export type JobHandler = (tx: Tx, payload: Record<string, unknown>, now: Date) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const MAX_ATTEMPTS = 5;

/** Queues a job; a second job with the same key is ignored. Call it in the transaction that makes it true. */
export async function enqueueJob(q: Queryable, job: { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> }) {
  await q
    .insert(jobs)
    .values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload ?? {} })
    .onConflictDoNothing({ target: jobs.key });
}

/**
 * Runs due jobs one by one until none is left (or `limit` ran); returns how many finished.
 * A worker claims only the kinds it has handlers for, so an older instance during a
 * rolling deploy leaves a newer kind to the instances that know it.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, now: () => Date = () => new Date(), limit = 50): Promise<number> {
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return 0;
  let finished = 0;
  for (let i = 0; i < limit; i++) {
    let claimedId: number | null = null;
    try {
      const ran = await db.transaction(async (tx) => {
        const [job] = await tx
          .select()
          .from(jobs)
          .where(and(isNull(jobs.doneAt), inArray(jobs.kind, kinds), lte(jobs.runAt, now()), sql`${jobs.attempts} < ${MAX_ATTEMPTS}`))
          .orderBy(asc(jobs.runAt), asc(jobs.id))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!job) return false;
        claimedId = job.id;
        await handlers[job.kind]!(tx, job.payload, now());
        await tx.update(jobs).set({ doneAt: now(), attempts: sql`${jobs.attempts} + 1` }).where(eq(jobs.id, job.id));
        return true;
      });
      if (!ran) break;
      finished++;
    } catch (error) {
      if (claimedId === null) throw error;
      // The handler's writes rolled back; record the failure and retry later (backing off).
      const failed: number = claimedId;
      logger.error({ err: error, jobId: failed }, "job failed");
      await db
        .update(jobs)
        .set({
          attempts: sql`${jobs.attempts} + 1`,
          lastError: String((error as Error).message).slice(0, 500),
          runAt: sql`${now().toISOString()}::timestamptz + (power(2, ${jobs.attempts}) * interval '1 minute')`,
        })
        .where(eq(jobs.id, failed));
    }
  }
  return finished;
}
