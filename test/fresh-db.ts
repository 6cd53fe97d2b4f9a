import { openPglite, openPostgres, type Database } from "@/server/db/client";
import { testDbKind } from "./db";
import { createPgDatabase } from "./pg-database";

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
  const fresh = await createPgDatabase(adminUrl, "stride_fresh");
  const database = openPostgres(fresh.url, { max: 2 });
  return {
    database,
    url: fresh.url,
    drop: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}
