import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { setupTestDatabase } from "../db";

/**
 * A database of the fuzzer's own. It compares the row count of every table before and after
 * each refused call, so on PostgreSQL it cannot share a database with the files running beside
 * it: every test file has its own (test/db.ts), a copy of the run's migrated template.
 */
export function setupIsolatedDatabase(): { readonly db: Db } {
  return setupTestDatabase();
}

export type RowCounts = Record<string, number>;

/** Both drivers' `execute` results, as rows. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** One query that counts the rows of every table of the app's schema. */
export async function rowCounter(db: Db): Promise<() => Promise<RowCounts>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  ).map((t) => t.name);
  if (tables.length === 0) throw new Error("rowCounter: no tables in schema public");
  // A function takes at most 100 arguments (two per table): objects of 40 tables, joined.
  const chunks: string[][] = [];
  for (let i = 0; i < tables.length; i += 40) chunks.push(tables.slice(i, i + 40));
  const query = sql.raw(`select (${chunks.map((chunk) => `jsonb_build_object(${chunk.map((t) => `'${t}', (select count(*) from "${t}")`).join(", ")})`).join(" || ")}) as counts`);
  return async () => {
    const [row] = rowsOf<{ counts: RowCounts | string }>(await db.execute(query));
    const counts = typeof row!.counts === "string" ? (JSON.parse(row!.counts) as RowCounts) : row!.counts;
    return Object.fromEntries(Object.entries(counts).map(([t, n]) => [t, Number(n)]));
  };
}

/**
 * The next transaction id the database will hand out. A call that wrote anything (even if it
 * was rolled back) moved it; while it stays put no row can have changed, so the full count can
 * be skipped. On PostgreSQL other databases of the server move it too: then the count runs.
 */
export async function nextTransactionId(db: Db): Promise<string> {
  const [row] = rowsOf<{ xid: string }>(await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`));
  return row!.xid;
}

/** "bookings 3 → 4, outbox 1 → 2", or "" when nothing changed. */
export function countChanges(before: RowCounts, after: RowCounts): string {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t} ${before[t] ?? 0} → ${after[t] ?? 0}`)
    .join(", ");
}

/** Ids of real rows of one studio, from every table that has `id` and `studio_id`, plus its users. */
export async function studioRowIds(db: Db, studioId: string, perTable = 15): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`
      select c.table_name as name from information_schema.columns c
      join information_schema.columns s on s.table_schema = c.table_schema and s.table_name = c.table_name and s.column_name = 'studio_id'
      where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' order by 1`),
  ).map((t) => t.name);
  const ids: string[] = [];
  for (const table of tables) {
    const rows = rowsOf<{ id: string }>(await db.execute(sql.raw(`select id::text as id from "${table}" where studio_id = '${studioId}' order by id limit ${perTable}`)));
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
