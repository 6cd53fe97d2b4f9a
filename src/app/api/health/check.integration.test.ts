import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openFreshDatabase } from "~test/fresh-db";
import { checkHealth, shippedMigrationCount } from "./check";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function fresh() {
  const fresh = await openFreshDatabase();
  cleanups.push(fresh.drop);
  return fresh.database;
}

describe("health check", () => {
  const shipped = shippedMigrationCount();

  it("is healthy when the database answers and has exactly this version's migrations", async () => {
    const database = await fresh();
    await database.migrate();
    expect(shipped).toBeGreaterThan(0);
    expect(await checkHealth(database.db)).toEqual({ ok: true, migrations: shipped });
  });

  it("says how many migrations are missing on a database never migrated or behind", async () => {
    const database = await fresh();
    expect(await checkHealth(database.db)).toEqual({ ok: false, error: `The database is missing ${shipped} of ${shipped} migrations; run \`npm run db:migrate\` (or restart with \`npm start\`).` });
    await database.migrate();
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`);
    expect(await checkHealth(database.db)).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^The database is missing 1 of ${shipped} migrations`)) });
  });

  it("refuses to serve when a newer version has migrated the database past this code", async () => {
    const database = await fresh();
    await database.migrate();
    const health = await checkHealth(database.db, { expected: shipped - 1 });
    expect(health).toEqual({ ok: false, error: `The database has ${shipped} migrations but this version knows ${shipped - 1}; it was upgraded by a newer version, so deploy that version here too.` });
  });

  it("reports an unreachable database without leaking the driver's error", async () => {
    const { database, drop } = await openFreshDatabase();
    await database.migrate();
    await drop();
    expect(await checkHealth(database.db)).toEqual({ ok: false, error: "The database is not reachable." });
  });
});
