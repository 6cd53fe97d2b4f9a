import { afterAll, beforeAll, inject } from "vitest";
import { openPglite, openPostgres, type Database, type Db } from "@/server/db/client";

export const testDbKind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

/** Opens the run's database for this test file: `const t = setupTestDatabase(); t.db`. */
export function setupTestDatabase(): { readonly db: Db; readonly database: Database } {
  let database: Database | undefined;
  beforeAll(async () => {
    const url = inject("databaseUrl");
    if (url) {
      database = openPostgres(url, { max: 10 });
    } else {
      database = await openPglite();
      await database.migrate();
    }
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      if (!database) throw new Error("setupTestDatabase: the database opens in beforeAll");
      return database.db;
    },
    get database() {
      if (!database) throw new Error("setupTestDatabase: the database opens in beforeAll");
      return database;
    },
  };
}
