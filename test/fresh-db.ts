import postgres from "postgres";
import { openPglite, openPostgres, type Database } from "@/server/db/client";
import { testDbKind } from "./db";

/**
 * A database of its own, empty and not migrated, for tests that change the migration journal
 * or race migrations: on PostgreSQL a new database on the test server (dropped by `drop`), on
 * PGlite one in memory.
 */
export async function openFreshDatabase(): Promise<{ database: Database; url: string | null; drop: () => Promise<void> }> {
  if (testDbKind !== "postgres") {
    const database = await openPglite();
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_ADMIN_URL (npm test sets it with scripts/ensure-postgres.sh).");
  const name = `stride_fresh_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 2 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
