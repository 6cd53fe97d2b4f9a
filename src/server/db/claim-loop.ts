import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db, Tx } from "./client";

// The one way a background pass works through a queue table (jobs, the outbox): claim one due
// row with FOR UPDATE SKIP LOCKED, so several app instances never take the same one; run it in
// a savepoint, so a failure rolls back its own writes while the row stays locked for the
// failure to be written; and back off. A row that failed is never tried again in the same
// pass, and waits 1, 2, 4, then 8 minutes: an unreachable mail server is not hammered.

/** Tries before a row is left alone for good (its last error stays on it). */
export const MAX_ATTEMPTS = 5;

/** The wait after a row's attempt number `attempts` (0 for the first) failed: 2^attempts minutes. */
export function retryDelaySql(attempts: AnyColumn): SQL {
  return sql`(power(2, ${attempts}) * interval '1 minute')`;
}

/** The same wait in milliseconds, for a row whose attempt number is already known. */
export const retryDelayMs = (attempts: number): number => 2 ** attempts * 60_000;

/**
 * The total wait before attempt number `attempts`, for a table that keeps no next-attempt time
 * (the outbox): the sum of the waits above, (2^attempts − 1) minutes from when the row was made.
 */
export function waitedSinceCreatedSql(attempts: AnyColumn): SQL {
  return sql`((power(2, ${attempts}) - 1) * interval '1 minute')`;
}

export type ClaimPass<Row extends { id: string | number }> = {
  /** The next due row, locked FOR UPDATE SKIP LOCKED, that is none of `skip` (tried in this pass). */
  claim: (tx: Tx, skip: readonly Row["id"][]) => Promise<Row | undefined>;
  /** The work; its writes commit with `done`, or roll back when it throws. */
  run: (tx: Tx, row: Row) => Promise<void>;
  done: (tx: Tx, row: Row) => Promise<void>;
  /** Records the failure (an attempt more, the error, the back-off) while the row is still locked. */
  failed: (tx: Tx, row: Row, error: unknown) => Promise<void>;
  /** At most this many rows in one pass. */
  limit: number;
};

/** Runs due rows one by one until none is left (or `limit` were tried); returns how many succeeded. */
export async function runClaimPass<Row extends { id: string | number }>(db: Db, pass: ClaimPass<Row>): Promise<number> {
  const tried: Row["id"][] = [];
  let succeeded = 0;
  for (let i = 0; i < pass.limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const row = await pass.claim(tx, tried);
      if (!row) return "none" as const;
      tried.push(row.id);
      try {
        await tx.transaction((savepoint) => pass.run(savepoint, row));
      } catch (error) {
        await pass.failed(tx, row, error);
        return "failed" as const;
      }
      await pass.done(tx, row);
      return "done" as const;
    });
    if (outcome === "none") break;
    if (outcome === "done") succeeded++;
  }
  return succeeded;
}

/** An error as the short text kept on the row. */
export function lastErrorOf(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 500);
}
