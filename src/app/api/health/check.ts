import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrationsFolder, type Db } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";

export type Health = { ok: true; migrations: number } | { ok: false; error: string };

/** How many migrations this version ships: the entries of drizzle's journal. */
export function shippedMigrationCount(folder = migrationsFolder): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

let shipped: number | undefined;

// Healthy means this instance can serve: the database answers, and its schema is the one this
// code was written for. A database behind (a failed or skipped migration) or ahead (a newer
// version migrated it, this instance is the old one) would fail requests in odd ways, so the
// load balancer should take the instance out instead.
export async function checkHealth(db: Db, options: { expected?: number; timeoutMs?: number } = {}): Promise<Health> {
  const expected = options.expected ?? (shipped ??= shippedMigrationCount());
  const timeoutMs = options.timeoutMs ?? 5_000;
  let applied: number;
  try {
    applied = await withTimeout(appliedMigrationCount(db), timeoutMs);
  } catch (error) {
    if (error instanceof TimeoutError) return { ok: false, error: `The database did not answer within ${timeoutMs / 1000} s.` };
    return { ok: false, error: "The database is not reachable." };
  }
  if (applied < expected) {
    return { ok: false, error: `The database is missing ${expected - applied} of ${expected} migrations; run \`npm run db:migrate\` (or restart with \`npm start\`).` };
  }
  if (applied > expected) {
    return { ok: false, error: `The database has ${applied} migrations but this version knows ${expected}; it was upgraded by a newer version, so deploy that version here too.` };
  }
  return { ok: true, migrations: applied };
}

async function appliedMigrationCount(db: Db): Promise<number> {
  // A database never migrated has no journal table at all: that is 0 applied, not an outage.
  const [table] = await rowsOf<{ exists: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!table?.exists) return 0;
  const [row] = await rowsOf<{ applied: number }>(db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`);
  return row?.applied ?? 0;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
