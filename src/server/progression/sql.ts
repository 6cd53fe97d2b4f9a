import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";

/**
 * Raw SQL through drizzle, on either driver: postgres-js answers an array of rows, PGlite an
 * object with `rows`. Every query here casts dates to text and numerics to float8, so both
 * drivers hand back the same plain values (postgres-js would otherwise parse `date` to Date).
 */
export async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** `(values ($1::uuid, $2::text, $3::date), …)` for a set of clients with their own today. */
export function clientDays(clients: readonly { clientId: string; timeZone: string; today: string }[]): SQL {
  return sql`(values ${sql.join(
    clients.map((c) => sql`(${c.clientId}::uuid, ${c.timeZone}::text, ${c.today}::date)`),
    sql`, `,
  )})`;
}

/**
 * `rowsOf` with PostgreSQL's JIT compilation off for this one statement. The planner
 * over-estimates set-returning functions over a column (generate_series per client: 1000 rows
 * each), which lifts these queries over `jit_above_cost`; compiling then cost seconds for a
 * query that runs in milliseconds (measured by bench/progression.bench.ts). `set local` ends
 * with the transaction, so nothing else is affected.
 */
export async function rowsWithoutJit<T>(q: Queryable, query: SQL): Promise<T[]> {
  return q.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rowsOf<T>(tx, query);
  });
}
