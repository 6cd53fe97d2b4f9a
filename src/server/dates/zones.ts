import { eq, isNull, sql, type SQL } from "drizzle-orm";
import { FALLBACK_ZONE, usableZone } from "@/lib/time-zones";
import type { Queryable } from "@/server/db/client";
import { clients, studioMembers, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { notFound } from "@/lib/errors";

// A person's zone, read the same way by every domain: from their account, scoped to the
// studio, through the one "unknown zone" rule (usableZone in lib/time-zones.ts).

/** Whose zone: one of the studio's clients, or one of its members (owner or trainer). */
export type ZonePerson = { clientId: string } | { memberId: string };

// A deleted client's data is gone with them, so their zone is "not found" like any missing
// row; an invited client who has not signed up yet has no account, so no zone: UTC.
export async function zoneOf(q: Queryable, studioId: string, person: ZonePerson): Promise<string> {
  if ("clientId" in person) {
    const [row] = await q
      .select({ timeZone: users.timeZone })
      .from(clients)
      .leftJoin(users, eq(users.id, clients.userId))
      .where(inStudio(clients, studioId, eq(clients.id, person.clientId), isNull(clients.deletedAt)))
      .limit(1);
    if (!row) throw notFound("client");
    return usableZone(row.timeZone);
  }
  const [row] = await q
    .select({ timeZone: users.timeZone })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId, eq(studioMembers.id, person.memberId)))
    .limit(1);
  if (!row) throw notFound("trainer");
  return usableZone(row.timeZone);
}

/**
 * The zones stored for this studio's clients that `usableZone` would not use as they are,
 * for `usableZoneSql`. PostgreSQL cannot tell a zone it does not know without failing the
 * query (`at time zone 'Mars/Base'` raises), and its own list, pg_timezone_names, takes tens
 * of milliseconds to read: so the rule runs here, over the few distinct zones stored.
 */
export async function unusableZonesIn(q: Queryable, studioId: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ timeZone: users.timeZone })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(inStudio(clients, studioId));
  return rows.map((r) => r.timeZone).filter((zone) => usableZone(zone) !== zone);
}

/** SQL for the usable zone of a stored zone column (null, or one of `unusable`, reads as UTC). */
export function usableZoneSql(column: SQL, unusable: readonly string[]): SQL {
  const fallback = sql`${FALLBACK_ZONE}::text`;
  if (unusable.length === 0) return sql`coalesce(${column}, ${fallback})`;
  return sql`(case when ${column} is null or ${column} in (${sql.join(unusable.map((zone) => sql`${zone}::text`), sql`, `)}) then ${fallback} else ${column} end)`;
}
