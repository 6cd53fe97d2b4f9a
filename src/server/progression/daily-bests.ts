import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import type { LocalDate } from "@/server/drills/local-date";
import type { DailyBest } from "@/server/drills/mastery";

/**
 * The client's best value per side per local day for these drills, in SQL: the rows the
 * mastery rule and the progress figures read. A drill not measured per side logs `both`,
 * which stands in for `left` here (its one series); `right` stays null. `from` limits the
 * days read (the mastery cache knows what came before).
 */
export async function dailyBestsFor(q: Queryable, studioId: string, clientId: string, drillIds: readonly string[], from: LocalDate | null = null): Promise<Map<string, DailyBest[]>> {
  const byDrill = new Map<string, DailyBest[]>(drillIds.map((id) => [id, []]));
  if (drillIds.length === 0) return byDrill;
  const rows = await rowsOf<{ drill_id: string; local_date: string; l: number | null; r: number | null }>(
    q,
    sql`
      select drill_id::text as drill_id, local_date::text as local_date,
        coalesce(max(value) filter (where side = 'left'), max(value) filter (where side = 'both'))::float8 as l,
        max(value) filter (where side = 'right')::float8 as r
      from practice_entries
      where ${inStudioSql("practice_entries", studioId)} and client_id = ${clientId}
        and drill_id in (${sql.join(drillIds.map((id) => sql`${id}::uuid`), sql`, `)})
        and value is not null ${from === null ? sql`` : sql`and local_date >= ${from}::date`}
      group by drill_id, local_date
      order by drill_id, local_date
    `,
  );
  for (const row of rows) byDrill.get(row.drill_id)?.push({ localDate: row.local_date, left: row.l, right: row.r });
  return byDrill;
}
