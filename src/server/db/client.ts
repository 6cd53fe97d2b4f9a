import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Either driver: PGlite and postgres-js share drizzle's PostgreSQL query builder. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /**
   * LISTENs on a channel for this database's whole life (src/server/live/hub.ts): PostgreSQL on a
   * connection of its own that postgres.js re-opens and re-listens after a drop; PGlite in
   * process. Resolves with the way to stop listening.
   */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
};

/** The SQL migrations shipped with this version (`drizzle/`, listed in `meta/_journal.json`). */
export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  // JIT off for every connection: our queries are short (a few ms), and the planner's guesses
  // for generate_series over each client's days lift them over jit_above_cost, where compiling
  // alone took seconds (bench/progression.bench.ts). Sent at connect, so it costs no round trip.
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection: { jit: "off" } });
  // drizzle sends every query it was not given a name for as an unnamed statement, parsed and
  // planned on each call; progression's larger queries spent 2–3 ms planning per read. As
  // named statements (postgres.js's own default), each connection parses a text once and
  // PostgreSQL may reuse the plan. Queries inside a transaction keep drizzle's behaviour.
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, parameters?: unknown[], queryOptions?: object) => unsafe(query, parameters as never, { ...queryOptions, prepare: true })) as typeof sql.unsafe;
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Db;
  return registered({
    db,
    kind: "postgres",
    migrate: () => migratePostgresOnce(url),
    close: () => sql.end({ timeout: 5 }),
    listen: async (channel, onPayload) => {
      const listening = await sql.listen(channel, onPayload);
      return () => listening.unlisten();
    },
  });
}

// Code handed only a Db (a procedure's ctx.db) finds the database it belongs to, to LISTEN on it.
// On globalThis, as the open database is: with tRPC on Node (STRIDE_TRPC_ON_NODE=1) one process
// holds two copies of this module (Next's bundle and tsx's), and whichever opened the database
// must be found by the other.
const databases: WeakMap<Db, Database> = ((globalThis as unknown as { __strideDatabases?: WeakMap<Db, Database> }).__strideDatabases ??= new WeakMap());
function registered(database: Database): Database {
  databases.set(database.db, database);
  return database;
}

/** The database a Db was opened as (every Db comes from openPostgres or openPglite). */
export function databaseOf(db: Db): Database | undefined {
  return databases.get(db);
}

/** Any constant shared by every Stride instance: the advisory lock that serializes migrations. */
const MIGRATION_LOCK_KEY = 4_207_310_052;

// Two instances starting together would both read "nothing applied" and both run the same
// migrations: one start fails (seen: a duplicate key in pg_type on drizzle's own journal table,
// and "already exists" on ours). The
// session-level advisory lock makes the second wait; it then finds everything applied and does
// nothing. A lock is held by a session, so the lock, the migration and the unlock share one
// connection (a pool of one); should the process die, PostgreSQL ends the session and frees it.
async function migratePostgresOnce(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" });
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * PGlite in a folder (persisted) or in memory (`dataDir` undefined, for tests). Tests may start
 * it from `loadDataDir`, a `dumpDataDir()` of a database already migrated (test/global-setup.ts).
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const release = dataDir ? acquireFolderLock(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir, { extensions: { btree_gist }, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
    return registered({
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return () => unlisten();
      },
    });
  } catch (error) {
    release();
    throw error;
  }
}

export class DatabaseInUseError extends Error {}

// PGlite takes no lock of its own and two processes on one folder corrupt it, so the app
// holds a lock file; a lock left by a process that no longer runs is taken over.
function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "stride.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch {
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is in use by another Stride process (pid ${holder}). ` +
            "Stop that process first, or set DATABASE_URL to run several processes on PostgreSQL.",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not lock the embedded database folder ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The database this environment points at: PostgreSQL with DATABASE_URL, else PGlite. */
export function openConfiguredDatabase(): Promise<Database> {
  const e = env();
  if (e.DATABASE_URL) return Promise.resolve(openPostgres(e.DATABASE_URL));
  return openPglite(path.join(e.dataDir, "pglite"));
}

// One instance per process, opened on first use (never at import, so `next build` does not
// open the data folder); cached on globalThis because dev mode re-evaluates modules.
const holder = globalThis as unknown as { __strideDb?: Promise<Database> };
export function getDatabase(): Promise<Database> {
  holder.__strideDb ??= openConfiguredDatabase().catch((error: unknown) => {
    holder.__strideDb = undefined;
    throw error;
  });
  return holder.__strideDb;
}

/** Closes this process's database if it was opened (on shutdown; the server's modules share the holder). */
export async function closeDatabase(): Promise<void> {
  const opened = holder.__strideDb;
  holder.__strideDb = undefined;
  const database = await opened?.catch(() => null);
  await database?.close();
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
