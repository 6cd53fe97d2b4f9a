import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openPglite, openPostgres, type Database, type Db } from "@/server/db/client";

export const testDbKind = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

/** A PGlite in memory with every migration applied: loaded from the run's dump (test/global-setup.ts). */
export async function openMigratedPglite(): Promise<Database> {
  const dump = await readFile(inject("pgliteDump"));
  return openPglite(undefined, { loadDataDir: new Blob([dump]) });
}

let ownDatabase: Promise<{ url: string; drop: () => Promise<void> }> | undefined;

/**
 * On PostgreSQL, this test file's own database, a copy of the run's migrated template made on
 * first use and dropped after the file (files run in parallel workers; none sees another's
 * rows). Null on PGlite.
 */
export function fileDatabaseUrl(): Promise<string | null> {
  const template = inject("pgTemplate");
  if (!template) return Promise.resolve(null);
  ownDatabase ??= (async () => {
    const name = `${template.name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`create database "${name}" template "${template.name}"`);
    } catch (error) {
      await admin.end();
      throw error;
    }
    const url = new URL(template.adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  })();
  return ownDatabase.then((own) => own.url);
}

// Registered when a test file first imports this module, so it runs after the file's other
// afterAll hooks (vitest runs them in reverse): the connections close, then the database goes.
afterAll(async () => {
  const own = ownDatabase;
  ownDatabase = undefined;
  if (own) await (await own).drop();
});

/**
 * Opens this test file's database: `const t = setupTestDatabase(); t.db`. On PGlite one in memory,
 * on PostgreSQL the file's own copy of the migrated template (`t.url` for a second connection).
 */
export function setupTestDatabase(): { readonly db: Db; readonly database: Database; readonly url: string | null } {
  let database: Database | undefined;
  let url: string | null = null;
  beforeAll(async () => {
    url = await fileDatabaseUrl();
    database = url ? openPostgres(url, { max: 10 }) : await openMigratedPglite();
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
    get url() {
      if (!database) throw new Error("setupTestDatabase: the database opens in beforeAll");
      return url;
    },
  };
}
