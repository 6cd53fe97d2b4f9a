import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { seedDemo } from "@/server/seed";
import { callerFor } from "./caller";
import { openMigratedPglite } from "./db";

/**
 * The seeded demo in its own in-memory database (the demo's people have fixed emails, so it
 * cannot share the run's database): `const demo = setupDemoDatabase(); await demo.as(email)`.
 */
export function setupDemoDatabase() {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openMigratedPglite();
    await seedDemo(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });
  const db = () => {
    if (!database) throw new Error("setupDemoDatabase: the database opens in beforeAll");
    return database.db;
  };
  return {
    get db() {
      return db();
    },
    /** A tRPC caller signed in as this demo person. */
    async as(email: string) {
      const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`No demo account ${email}`);
      return callerFor(db(), row.id);
    },
  };
}
