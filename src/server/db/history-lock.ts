import { sql } from "drizzle-orm";
import type { Queryable } from "./client";

/**
 * The advisory lock that keeps the derived history caches (progress_snapshots, mastery_checks)
 * true to the facts. A rebuild takes it shared per client; the invalidating trigger of
 * drizzle/0011 takes it exclusively with this same number (history-lock.test.ts holds the two
 * together). So a backdated write either commits before the rebuild reads (and the rebuild sees
 * it), or waits until the rebuild has committed (and its trigger then deletes what was written).
 */
export const HISTORY_LOCK_NAMESPACE = 74020;

/** Takes the rebuild side of the lock for these clients, until the transaction ends. */
export async function lockHistoriesForRebuild(q: Queryable, clientIds: readonly string[]) {
  // Sorted, so two rebuilds of overlapping sets never wait on each other in a cycle.
  const ids = [...clientIds].sort();
  await q.execute(sql`select pg_advisory_xact_lock_shared(${HISTORY_LOCK_NAMESPACE}, hashtext(id)) from unnest(${sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]`}) as id`);
}
