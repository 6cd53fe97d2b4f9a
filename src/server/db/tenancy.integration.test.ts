import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { rowsOf } from "./raw-rows";
import { clients } from "./schema";
import { clientNotDeleted, inStudio, inStudioSql } from "./tenancy";

const t = setupTestDatabase();
let home: TestStudio;
let other: TestStudio;

beforeAll(async () => {
  home = await createTestStudio(t.db, "home");
  other = await createTestStudio(t.db, "other");
});

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("raw SQL scoped with inStudioSql", () => {
  it("answers the caller's studio's rows and none of another's, through an alias", async () => {
    const rows = await rowsOf<{ id: string }>(t.db, sql`select c.id::text as id from clients c where ${inStudioSql("c", home.studioId)}`);
    expect(idsOf(rows)).toEqual([home.clientA.clientId, home.clientB.clientId].sort());
  });

  it("scopes a table named without an alias, and a correlated subquery", async () => {
    const rows = await rowsOf<{ id: string }>(
      t.db,
      sql`select id::text as id from clients where ${inStudioSql("clients", other.studioId)}
            and exists (select 1 from studio_members m where ${inStudioSql("m", other.studioId)} and m.id = clients.coach_id)`,
    );
    expect(idsOf(rows)).toEqual([other.clientA.clientId, other.clientB.clientId].sort());
  });

  it("finds nothing when the id asked for belongs to another studio", async () => {
    const rows = await rowsOf<{ id: string }>(
      t.db,
      sql`select c.id::text as id from clients c where ${inStudioSql("c", home.studioId)} and c.id = ${other.clientA.clientId}`,
    );
    expect(rows).toEqual([]);
  });
});

describe("clientNotDeleted", () => {
  it("leaves a deleted client out of a lookup by id, and keeps the others", async () => {
    const studio = await createTestStudio(t.db, "deleting");
    await t.db
      .update(clients)
      .set({ deletedAt: new Date(), deletedByMemberId: studio.owner.memberId })
      .where(inStudio(clients, studio.studioId, eq(clients.id, studio.clientA.clientId)));
    const found = await t.db.select({ id: clients.id }).from(clients).where(inStudio(clients, studio.studioId, clientNotDeleted));
    expect(found.map((r) => r.id)).toEqual([studio.clientB.clientId]);
  });
});
