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
 * `rowsOf` for the queries whose plans JIT compilation used to ruin (generate_series per
 * client): our PostgreSQL connections are opened with jit off (db/client.ts), so this is
 * `rowsOf`; the name keeps the reason next to each such query.
 */
export const rowsWithoutJit = rowsOf;
