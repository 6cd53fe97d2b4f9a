import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { addDays, type LocalDate } from "@/lib/local-date";
import { usableZoneSql } from "@/server/dates/zones";
import { adherenceFor } from "./client-adherence";
import { studioReads, type StudioReads } from "./studio-reads";
import { sameSideFor, type SameSideRow } from "./dynamics-service";
import type { SameSide } from "./running-dynamics";
import { checkinWeeksFor } from "@/server/checkins/checkin-adherence";
import type { CheckinWeek } from "@/lib/checkins/checkin-week";

export type AsymmetryRow = {
  clientId: string;
  clientName: string;
  drillId: string;
  drillName: string;
  /** 7-day averages of the two sides, as of the client's today. */
  left: number;
  right: number;
  percent: number;
  /** The client's local day of the latest entry counted. */
  lastDate: LocalDate;
};

/** Which clients: these ones, one coach's, or (neither) all of the studio's active ones. */
export type ClientFilter = { clientIds?: readonly string[]; coachId?: string };

/**
 * Clients (those the filter picks) whose left and right 7-day averages of a per-side drill
 * differ by more than the threshold, in SQL: daily bests of the last 7 client-local days, their
 * mean per side, then |L − R| / max(L, R) × 100.
 */
export async function asymmetriesAbove(q: Queryable, studioId: string, now: Date, thresholdPercent: number, filter: ClientFilter = {}, reads: StudioReads = studioReads(q, studioId)): Promise<AsymmetryRow[]> {
  return rowsOf<AsymmetryRow>(q, asymmetryQuery(studioId, now, thresholdPercent, filter, await reads.unusableZones()));
}

/** The SQL of `asymmetriesAbove` (exported for EXPLAIN ANALYZE in the benchmark). */
export function asymmetryQuery(studioId: string, now: Date, thresholdPercent: number, { clientIds, coachId }: ClientFilter, unusableZones: readonly string[]): SQL {
  const only: SQL = sql.join([
    clientIds ? sql`and c.id in (${sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``,
    coachId ? sql`and c.coach_id = ${coachId}::uuid` : sql``,
  ]);
  return sql`
      with cl as (
        select c.id as client_id, c.name, (${now.toISOString()}::timestamptz at time zone ${usableZoneSql(sql`u.time_zone`, unusableZones)})::date as today
        from clients c left join users u on u.id = c.user_id
        where ${inStudioSql("c", studioId)} and c.status = 'active' ${only}
      ),
      d as (
        select pe.client_id, pe.drill_id, pe.local_date,
          max(pe.value) filter (where pe.side = 'left') as l, max(pe.value) filter (where pe.side = 'right') as r
        from practice_entries pe join cl on cl.client_id = pe.client_id
        where ${inStudioSql("pe", studioId)} and pe.local_date between cl.today - 6 and cl.today and pe.side <> 'both' and pe.value is not null
        group by pe.client_id, pe.drill_id, pe.local_date
      ),
      a as (
        select client_id, drill_id, avg(l)::float8 as l, avg(r)::float8 as r, max(local_date) as last_date from d group by client_id, drill_id
      )
      select a.client_id::text as "clientId", cl.name as "clientName", a.drill_id::text as "drillId", dr.name as "drillName",
        a.l as "left", a.r as "right", (abs(a.l - a.r) / greatest(a.l, a.r) * 100)::float8 as percent, a.last_date::text as "lastDate"
      from a join cl on cl.client_id = a.client_id join drills dr on dr.id = a.drill_id and ${inStudioSql("dr", studioId)}
      where a.l is not null and a.r is not null and greatest(a.l, a.r) > 0
        and abs(a.l - a.r) / greatest(a.l, a.r) * 100 > ${thresholdPercent}
      order by percent desc`;
}

export type OverviewRow = {
  clientId: string;
  name: string;
  coachId: string;
  coachName: string;
  status: "invited" | "active" | "archived";
  /** This ISO week (the client's calendar) so far. */
  weekPrescribed: number;
  weekDone: number;
  weekRate: number | null;
  currentStreak: number;
  /** This week's check-ins (answered is done), beside the drills' figure; null when the client is asked none. */
  checkins: CheckinWeek | null;
  /** The largest left/right gap above the threshold, with its drill; null when none is flagged. */
  asymmetry: { drillName: string; percent: number; weakerSide: "left" | "right" } | null;
  /** Run balance (last 28 days) and Knee Drive asymmetry pointing to the same side; null when they do not. */
  sameSide: SameSide | null;
  lastActivityAt: Date | null;
};

type Person = { id: string; name: string; coach_id: string; coach_name: string; status: OverviewRow["status"]; last_at: number | null };

/** The overview's clients (the studio's, or one coach's) with what needs no figure: name, coach, status, last activity. */
export function overviewPeople(q: Queryable, studioId: string, filter: { coachId?: string | null } = {}): Promise<Person[]> {
  const coach = filter.coachId ? sql`and c.coach_id = ${filter.coachId}::uuid` : sql``;
  return rowsOf<Person>(
    q,
    sql`
      select c.id::text as id, c.name, c.coach_id::text as coach_id, cu.name as coach_name, c.status::text as status,
        (extract(epoch from greatest(
          (select max(ps.performed_at) from practice_sessions ps where ${inStudioSql("ps", studioId)} and ps.client_id = c.id),
          (select max(r.started_at) from runs r where ${inStudioSql("r", studioId)} and r.client_id = c.id)
        )) * 1000)::float8 as last_at
      from clients c
      join studio_members m on m.id = c.coach_id
      join users cu on cu.id = m.user_id
      where ${inStudioSql("c", studioId)} and c.status <> 'archived' ${coach}
      order by c.name`,
  );
}

/** A person's row before its figures are read: no week, streak, check-ins or flags yet. */
export function rowWithoutFigures(p: Person): OverviewRow {
  return {
    clientId: p.id,
    name: p.name,
    coachId: p.coach_id,
    coachName: p.coach_name,
    status: p.status,
    weekPrescribed: 0,
    weekDone: 0,
    weekRate: null,
    currentStreak: 0,
    checkins: null,
    asymmetry: null,
    sameSide: null,
    lastActivityAt: p.last_at ? new Date(p.last_at) : null,
  };
}

/**
 * These rows with their figures: this week's adherence and streak, check-ins, the asymmetry flag
 * and the same-side signal. `filter` names the same clients as `rows` (the asymmetry statement
 * takes the coach rather than 500 ids) unless `rows` is a page of them.
 */
export async function withFigures(
  q: Queryable,
  studioId: string,
  now: Date,
  rows: readonly OverviewRow[],
  scope: { coachId?: string | null; isPage: boolean; sides?: Promise<SameSideRow[]> },
  reads: StudioReads,
  threshold: number,
): Promise<OverviewRow[]> {
  const ids = rows.map((r) => r.clientId);
  if (ids.length === 0) return [];
  const [adherence, checkins, flags, sides] = await Promise.all([
    adherenceFor(q, studioId, ids, now, { recentDays: 0, weeks: 1, reads }),
    checkinWeeksFor(q, studioId, ids, now),
    // The whole list by the filter rather than 500 ids: the attention queue's statement, parsed and planned once per connection.
    asymmetriesAbove(q, studioId, now, threshold, scope.isPage ? { clientIds: ids } : scope.coachId ? { coachId: scope.coachId } : {}, reads),
    scope.sides ?? sameSideFor(q, studioId, now, threshold, ids, reads),
  ]);
  const sameSideOf = new Map(sides.map((s) => [s.clientId, s.signal]));
  return rows.map((row) => {
    const a = adherence.get(row.clientId);
    const week = a?.weeks.at(-1);
    const isThisWeek = week !== undefined && a !== undefined && week.weekStart <= a.today && a.today < addDays(week.weekStart, 7);
    const flag = flags.find((f) => f.clientId === row.clientId);
    return {
      ...row,
      weekPrescribed: isThisWeek ? week.prescribed : 0,
      weekDone: isThisWeek ? week.done : 0,
      weekRate: isThisWeek ? week.rate : null,
      currentStreak: a?.streaks.current ?? 0,
      checkins: checkins.get(row.clientId) ?? null,
      asymmetry: flag ? { drillName: flag.drillName, percent: flag.percent, weakerSide: flag.left < flag.right ? "left" : "right" } : null,
      sameSide: sameSideOf.get(row.clientId) ?? null,
    };
  });
}

/** Every client of the studio (or of one coach) with this week's adherence, streak, asymmetry flag and last activity. */
export async function studioOverview(q: Queryable, studioId: string, now: Date, filter: { coachId?: string | null } = {}) {
  const reads = studioReads(q, studioId);
  const [people, { asymmetryThresholdPercent: threshold }] = await Promise.all([overviewPeople(q, studioId, filter), reads.settings(), reads.unusableZones()]);
  const rows = await withFigures(q, studioId, now, people.map(rowWithoutFigures), { coachId: filter.coachId, isPage: false }, reads, threshold);
  return { asymmetryThresholdPercent: threshold, rows };
}
