import type { TestProject } from "vitest/node";
import { openPostgres } from "@/server/db/client";
import { createPgDatabase } from "./pg-database";

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
  const { url, drop } = await createPgDatabase(adminUrl, "stride_test");
  const database = openPostgres(url, { max: 2 });
  await database.migrate();
  await database.close();
  project.provide("databaseUrl", url);
  return drop;
}
