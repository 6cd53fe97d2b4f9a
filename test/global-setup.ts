import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "@/server/db/client";
import { createPgDatabase } from "./pg-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding a PGlite data dir with every migration applied (`dumpDataDir`). */
    pgliteDump: string;
    /** On PostgreSQL: the server and the run's migrated template database; null on PGlite. */
    pgTemplate: { adminUrl: string; name: string } | null;
  }
}

// The migrations run once per run, not once per test file. PGlite: one is migrated here and its
// data dir dumped to a file that each file's database loads (test/db.ts); about a second and a
// half less per file. PostgreSQL: a fresh template database is migrated here; each test file
// gets its own copy (`create database … template …`, test/db.ts), so files running in parallel
// workers never see each other's rows, and all are dropped at the end.
// src/server/db/migrate.integration.test.ts still migrates from empty (test/fresh-db.ts).
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stride-test-"));
  const migrated = await openPglite();
  await migrated.migrate();
  const client = (migrated.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  await migrated.close();
  const dumpFile = path.join(dir, "migrated-pglite.tar");
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", dumpFile);
  const removeDump = () => rm(dir, { recursive: true, force: true });

  if (process.env.TEST_DB !== "postgres") {
    project.provide("pgTemplate", null);
    return removeDump;
  }
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_ADMIN_URL (npm test sets it with scripts/ensure-postgres.sh).");
  const { url, drop } = await createPgDatabase(adminUrl, "stride_test");
  const database = openPostgres(url, { max: 2 });
  await database.migrate();
  // A template must have no open connection while it is copied.
  await database.close();
  project.provide("pgTemplate", { adminUrl, name: new URL(url).pathname.slice(1) });
  return async () => {
    await drop();
    await removeDump();
  };
}
