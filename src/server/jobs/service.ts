import { and, asc, eq, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { lastErrorOf, MAX_ATTEMPTS, retryDelaySql, runClaimPass } from "@/server/db/claim-loop";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { jobs, type Job } from "@/server/db/schema";
import { logger } from "@/server/logger";

// A small job queue over the `jobs` table, the same code on PostgreSQL and PGlite. A worker
// claims one due job (db/claim-loop.ts, as the outbox does) and runs its handler in that
// transaction, so the job's effect (an outbox row) and "done" commit together: two app
// instances never run one job twice, and a crash mid-job leaves it pending for the next pass.

export type JobHandler = (tx: Tx, payload: Record<string, unknown>, now: Date) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

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
  return runClaimPass<Job>(db, {
    limit,
    claim: async (tx, skip) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(isNull(jobs.doneAt), inArray(jobs.kind, kinds), lte(jobs.runAt, now()), lt(jobs.attempts, MAX_ATTEMPTS), skip.length ? notInArray(jobs.id, [...skip]) : undefined))
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .for("update", { skipLocked: true });
      return job;
    },
    run: (tx, job) => handlers[job.kind]!(tx, job.payload, now()),
    done: async (tx, job) => {
      await tx.update(jobs).set({ doneAt: now(), attempts: sql`${jobs.attempts} + 1` }).where(eq(jobs.id, job.id));
    },
    failed: async (tx, job, error) => {
      logger.error({ err: error, jobId: job.id }, "job failed");
      await tx
        .update(jobs)
        .set({ attempts: sql`${jobs.attempts} + 1`, lastError: lastErrorOf(error), runAt: sql`${now().toISOString()}::timestamptz + ${retryDelaySql(jobs.attempts)}` })
        .where(eq(jobs.id, job.id));
    },
  });
}
