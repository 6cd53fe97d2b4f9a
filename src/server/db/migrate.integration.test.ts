import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shippedMigrationCount } from "@/app/api/health/check";
import { rowsOf } from "./raw-rows";
import { testDbKind } from "~test/db";
import { openFreshDatabase } from "~test/fresh-db";
import { openPostgres } from "./client";

// Two app instances started together on one PostgreSQL both migrate at start-up. PGlite needs
// no such test: its folder lock lets one process in at a time.
describe.skipIf(testDbKind !== "postgres")("migrations with two instances starting together (PostgreSQL)", () => {
  it("both succeed and every migration is applied exactly once", async () => {
    const fresh = await openFreshDatabase();
    const second = openPostgres(fresh.url!, { max: 2 });
    try {
      await Promise.all([fresh.database.migrate(), second.migrate(), fresh.database.migrate()]);
      const rows = await rowsOf<{ hash: string; times: number }>(fresh.database.db, sql`select hash, count(*)::int as times from drizzle.__drizzle_migrations group by hash`);
      expect(rows).toHaveLength(shippedMigrationCount());
      expect(rows.every((r) => r.times === 1)).toBe(true);
      // And the schema is whole: a table from the last migrations is there and usable.
      await expect(fresh.database.db.execute(sql`select count(*) from bookings`)).resolves.toBeDefined();
      // A later start finds nothing to do.
      await second.migrate();
      const [after] = await rowsOf<{ n: number }>(fresh.database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(after?.n).toBe(shippedMigrationCount());
    } finally {
      await second.close();
      await fresh.drop();
    }
  });
});
