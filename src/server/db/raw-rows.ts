import type { SQL } from "drizzle-orm";
import type { Queryable } from "./client";

/**
 * Raw SQL through drizzle, on either driver: postgres-js answers an array of rows, PGlite an
 * object with `rows`. A query that wants the same plain values from both casts dates to text
 * and numerics to float8 (postgres-js would otherwise parse `date` to Date).
 */
export async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
