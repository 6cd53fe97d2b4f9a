import { and, asc, eq, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { lastErrorOf, MAX_ATTEMPTS, retryDelayMs, retryDelaySql, runClaimPass } from "@/server/db/claim-loop";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { jobs, type Job } from "@/server/db/schema";
import { logger } from "@/server/logger";

// A small job queue over the `jobs` table, the same code on PostgreSQL and PGlite. A worker
// claims one due job (db/claim-loop.ts, as the outbox does) and runs its handler in that
// transaction, so the job's effect (an outbox row) and "done" commit together: two app
// instances never run one job twice, and a crash mid-job leaves it pending for the next pass.
//
// Long work (ffmpeg on a video) cannot sit in that transaction: on PGlite it would hold the one
// connection and every request would wait for it. A long job is leased instead: the claim
// commits at once with the job pushed past a lease and its attempt counted, the work runs
// outside any transaction, and its writes commit with "done" only if the lease is still its
// own. A crash mid-work leaves the job to be taken again when the lease ends.

export type JobHandler = (tx: Tx, payload: Record<string, unknown>, now: Date) => Promise<void>;
/** Work run outside any transaction; it returns the writes that commit with "done". */
export type LongJobHandler = { long: (db: Db, payload: Record<string, unknown>, now: Date) => Promise<(tx: Tx) => Promise<void>> };
export type JobHandlers = Record<string, JobHandler | LongJobHandler>;

/** How long a long job is its worker's before another may take it again. */
export const LONG_JOB_LEASE_MS = 15 * 60_000;

const isLong = (handler: JobHandler | LongJobHandler): handler is LongJobHandler => typeof handler !== "function";

/** Queues a job; a second job with the same key is ignored. Call it in the transaction that makes it true. */
export async function enqueueJob(q: Queryable, job: { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> }) {
  await q
    .insert(jobs)
    .values({ kind: job.kind, key: job.key, runAt: job.runAt, payload: job.payload ?? {} })
    .onConflictDoNothing({ target: jobs.key });
}

/** The next due job of these kinds, locked FOR UPDATE SKIP LOCKED, that is none of `skip`. */
async function claimDue(tx: Tx, kinds: string[], now: Date, skip: readonly Job["id"][]): Promise<Job | undefined> {
  const [job] = await tx
    .select()
    .from(jobs)
    .where(and(isNull(jobs.doneAt), inArray(jobs.kind, kinds), lte(jobs.runAt, now), lt(jobs.attempts, MAX_ATTEMPTS), skip.length ? notInArray(jobs.id, [...skip]) : undefined))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return job;
}

/**
 * Runs due jobs one by one until none is left (or `limit` ran); returns how many finished.
 * A worker claims only the kinds it has handlers for, so an older instance during a
 * rolling deploy leaves a newer kind to the instances that know it.
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, now: () => Date = () => new Date(), limit = 50): Promise<number> {
  const kinds = Object.keys(handlers);
  const quick = kinds.filter((kind) => !isLong(handlers[kind]!));
  const long = kinds.filter((kind) => isLong(handlers[kind]!));
  // Long ones first: what they queue (a video's original to drop) is then due for this pass.
  let finished = long.length ? await runLongJobs(db, handlers, long, now, limit) : 0;
  if (quick.length)
    finished += await runClaimPass<Job>(db, {
      limit: limit - finished,
      claim: (tx, skip) => claimDue(tx, quick, now(), skip),
      run: (tx, job) => (handlers[job.kind] as JobHandler)(tx, job.payload, now()),
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
  return finished;
}

async function runLongJobs(db: Db, handlers: JobHandlers, kinds: string[], now: () => Date, limit: number): Promise<number> {
  const tried: Job["id"][] = [];
  let finished = 0;
  for (let i = 0; i < limit; i++) {
    const leased = await db.transaction(async (tx) => {
      const job = await claimDue(tx, kinds, now(), tried);
      if (!job) return undefined;
      const attempts = job.attempts + 1;
      await tx
        .update(jobs)
        .set({ attempts, runAt: new Date(now().getTime() + LONG_JOB_LEASE_MS) })
        .where(eq(jobs.id, job.id));
      return { ...job, attempts };
    });
    if (!leased) break;
    tried.push(leased.id);
    // Still this worker's: not done, and nobody leased it again after the lease ran out.
    const stillLeased = and(eq(jobs.id, leased.id), isNull(jobs.doneAt), eq(jobs.attempts, leased.attempts));
    try {
      const finish = await (handlers[leased.kind] as LongJobHandler).long(db, leased.payload, now());
      const isDone = await db.transaction(async (tx) => {
        const [mine] = await tx.select({ id: jobs.id }).from(jobs).where(stillLeased).for("update");
        if (!mine) return false;
        await finish(tx);
        await tx.update(jobs).set({ doneAt: now(), lastError: null }).where(eq(jobs.id, leased.id));
        return true;
      });
      if (isDone) finished++;
      else logger.warn({ jobId: leased.id }, "a long job's lease ran out before it finished; another worker took it");
    } catch (error) {
      logger.error({ err: error, jobId: leased.id }, "job failed");
      await db
        .update(jobs)
        .set({ lastError: lastErrorOf(error), runAt: new Date(now().getTime() + retryDelayMs(leased.attempts - 1)) })
        .where(stillLeased);
    }
  }
  return finished;
}
