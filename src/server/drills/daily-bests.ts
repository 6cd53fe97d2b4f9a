import { asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { practiceEntries } from "@/server/db/schema";
import { isAnyOf, preparedQuery, value } from "@/server/db/prepared";
import { inStudio } from "@/server/db/tenancy";
import type { LocalDate } from "@/lib/local-date";
import type { DailyBest } from "./mastery";

// Read with every lock (Today's too): prepared once per shape (db/prepared.ts).
const bestsQuery = (isFrom: boolean) => (q: Queryable, name: string) =>
  q
    .select({
      drillId: practiceEntries.drillId,
      localDate: practiceEntries.localDate,
      left: sql<number | null>`coalesce(max(${practiceEntries.value}) filter (where ${practiceEntries.side} = 'left'), max(${practiceEntries.value}) filter (where ${practiceEntries.side} = 'both'))::float8`,
      right: sql<number | null>`(max(${practiceEntries.value}) filter (where ${practiceEntries.side} = 'right'))::float8`,
    })
    .from(practiceEntries)
    .where(
      inStudio(
        practiceEntries,
        value("studioId"),
        eq(practiceEntries.clientId, value("clientId")),
        isAnyOf(practiceEntries.drillId, value("drillIds")),
        isNotNull(practiceEntries.value),
        isFrom ? sql`${practiceEntries.localDate} >= ${value("from")}::date` : undefined,
      ),
    )
    .groupBy(practiceEntries.drillId, practiceEntries.localDate)
    .orderBy(asc(practiceEntries.drillId), asc(practiceEntries.localDate))
    .prepare(name);
const allBests = preparedQuery("daily_bests_all", bestsQuery(false));
const bestsFrom = preparedQuery("daily_bests_from", bestsQuery(true));

/**
 * The client's best value per side per local day for these drills, in SQL: the rows the
 * mastery rule reads. A drill not measured per side logs `both`, which stands in for `left`
 * here (its one series); `right` stays null. `from` limits the days read (the mastery cache
 * knows what came before).
 */
export async function dailyBestsFor(q: Queryable, studioId: string, clientId: string, drillIds: readonly string[], from: LocalDate | null = null): Promise<Map<string, DailyBest[]>> {
  const byDrill = new Map<string, DailyBest[]>(drillIds.map((id) => [id, []]));
  if (drillIds.length === 0) return byDrill;
  const rows = await (from === null ? allBests(q).execute({ studioId, clientId, drillIds: [...drillIds] }) : bestsFrom(q).execute({ studioId, clientId, drillIds: [...drillIds], from }));
  for (const row of rows) byDrill.get(row.drillId)?.push({ localDate: row.localDate, left: row.left, right: row.right });
  return byDrill;
}
