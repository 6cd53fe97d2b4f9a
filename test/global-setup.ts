import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres } from "@/server/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

// On PostgreSQL every run gets a fresh database, migrated once and dropped at the end; test
// files share it and each makes its own studio. On PGlite each file opens its own in memory.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB !== "postgres") {
    project.provide("databaseUrl", null);
    return;
  }
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) throw new Error("TEST_DB=postgres needs TEST_PG_ADMIN_URL (npm test sets it with scripts/ensure-postgres.sh).");
  const name = `stride_test_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 2 });
  await database.migrate();
  await database.close();
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}
