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
};

const migrationsFolder = path.resolve(process.cwd(), "drizzle");

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // PostgreSQL's JIT compiles any plan whose estimated cost passes jit_above_cost, and the
    // estimates of the app's generate_series and per-day subqueries pass it easily: compiling
    // took 1–2 s for queries that run in tens of milliseconds (the attention queue's missed
    // days: 2.4 s → 74 ms; bench/stack.bench.ts). The app runs many short queries, never
    // scans big enough to win the compile time back, so its sessions turn JIT off.
    connection: { jit: "off" },
  });
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePostgres(db as never, { migrationsFolder }),
    close: () => sql.end({ timeout: 5 }),
  };
}

/** PGlite in a folder (persisted) or in memory (`dataDir` undefined, for tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const release = dataDir ? acquireFolderLock(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir, { extensions: { btree_gist } });
    const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
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

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
