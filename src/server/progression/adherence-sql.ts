import { inStudioSql } from "@/server/db/tenancy";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import type { LocalDate } from "@/lib/local-date";
import { unusableZonesIn, usableZoneSql } from "@/server/dates/zones";
import { DEFAULT_BEFORE_RUN_WINDOW_HOURS, type WeekAdherence } from "./adherence";
import type { Segment, SqlDay } from "./history";
import { rowsWithoutJit } from "./sql";

/**
 * Adherence in SQL, for one client or many at once (the studio overview), with the same
 * rules as the pure reference in adherence.ts (compared in progression.integration.test.ts
 * and history-cache.integration.test.ts):
 *
 * - what was prescribed on a day comes from the assignment's versions: version 1 is in force
 *   from the start, each later version from the client-local day it was made until the next;
 *   an active version prescribes on the days between its start and end dates, a paused or
 *   ended one prescribes nothing;
 * - a daily drill is done when any session that day has an entry for it;
 * - a before-run drill is prescribed once per run; it is done by a session linked to that
 *   run, or an unlinked one performed in the two hours before the run started;
 * - streaks are gaps and islands over the days with a daily drill: today, while not complete,
 *   is left out so it breaks nothing until it ends.
 */

/** One stretch of each client's days: after `after` (or from the first prescription) until `until` (or today). */
export type SegmentRange = { clientId: string; after: LocalDate | null; until: LocalDate | null };

export type SegmentResult = Segment & { today: LocalDate; days: SqlDay[]; isTodayDone: boolean };

type Row = {
  client_id: string;
  today: string;
  from_d: string | null;
  leading_n: number;
  leading_start: string | null;
  last_island: number | null;
  last_n: number | null;
  last_start: string | null;
  longest_n: number | null;
  longest_start: string | null;
  is_today_done: boolean;
  days: SqlDay[] | null;
  weeks: Omit<WeekAdherence, "rate">[] | null;
};

/**
 * Each range's weeks, streak islands and its last `recentDays` days, in one statement for all
 * the clients. `unusableZones`: the studio's, when the caller has read them already.
 */
export async function adherenceSegments(
  q: Queryable,
  studioId: string,
  ranges: readonly SegmentRange[],
  now: Date,
  recentDays: number,
  unusableZones?: readonly string[],
): Promise<Map<string, SegmentResult>> {
  const result = new Map<string, SegmentResult>();
  if (ranges.length === 0) return result;
  const rows = await rowsWithoutJit<Row>(q, adherenceQuery(studioId, ranges, now, recentDays, unusableZones ?? (await unusableZonesIn(q, studioId))));
  for (const row of rows) {
    result.set(row.client_id, {
      today: row.today,
      from: row.from_d,
      days: row.days ?? [],
      isTodayDone: row.is_today_done,
      weeks: (row.weeks ?? []).map((w) => ({ ...w, rate: null })),
      streaks: {
        leading: row.leading_n,
        leadingStart: row.leading_n > 0 ? row.leading_start : null,
        last: row.last_island === null ? null : { island: row.last_island, days: row.last_n ?? 0, start: row.last_start },
        longestAfterBreak: row.longest_n && row.longest_start ? { days: row.longest_n, start: row.longest_start } : null,
      },
    });
  }
  return result;
}

/** The SQL of `adherenceSegments` (exported for EXPLAIN ANALYZE in the benchmark). */
export function adherenceQuery(studioId: string, ranges: readonly SegmentRange[], now: Date, recentDays: number, unusableZones: readonly string[]): SQL {
  const tz = usableZoneSql(sql`u.time_zone`, unusableZones);
  const window = sql.raw(`interval '${DEFAULT_BEFORE_RUN_WINDOW_HOURS} hours'`);
  const wanted = sql.join(
    ranges.map((r) => sql`(${r.clientId}::uuid, ${r.after}::date, ${r.until}::date)`),
    sql`, `,
  );
  // Week starts by date arithmetic (ISO Monday): date_trunc would go through timestamptz.
  const monday = (d: SQL) => sql`(${d} - (extract(isodow from ${d})::int - 1))`;
  return sql`
    with wanted(client_id, after_d, until_d) as (values ${wanted}),
    cl as (
      select c.id as client_id, ${tz} as tz, t.today, w.after_d, coalesce(w.until_d, t.today) as until_d
      from wanted w
      join clients c on c.id = w.client_id and ${inStudioSql("c", studioId)}
      left join users u on u.id = c.user_id
      cross join lateral (select (${now.toISOString()}::timestamptz at time zone ${tz})::date as today) t
    ),
    v as (
      select a.client_id, a.drill_id, av.status, av.daily, av.before_run, av.start_date, av.end_date,
        case when av.version = 1 then null::date else (av.created_at at time zone cl.tz)::date end as from_d,
        lead((av.created_at at time zone cl.tz)::date) over (partition by av.assignment_id order by av.version) as next_d
      from assignments a
      join cl on cl.client_id = a.client_id
      join assignment_versions av on av.studio_id = a.studio_id and av.assignment_id = a.id
      where ${inStudioSql("a", studioId)}
    ),
    span as (
      select cl.client_id, cl.today, cl.until_d as to_d,
        case when min(v.start_date) is null then null else greatest(min(v.start_date), coalesce(cl.after_d + 1, '-infinity'::date)) end as from_d
      from cl left join v on v.client_id = cl.client_id
      group by cl.client_id, cl.today, cl.until_d, cl.after_d
    ),
    days as (
      select s.client_id, g::date as d
      from span s cross join lateral generate_series(s.from_d, s.to_d, interval '1 day') g
      where s.from_d is not null and s.from_d <= s.to_d
    ),
    rx as (
      select days.client_id, days.d, v.drill_id, bool_or(v.daily) as daily, bool_or(v.before_run) as before_run
      from days
      join v on v.client_id = days.client_id and v.status = 'active'
        and days.d >= v.start_date and (v.end_date is null or days.d <= v.end_date)
        and (v.from_d is null or days.d >= v.from_d) and (v.next_d is null or days.d < v.next_d)
      group by days.client_id, days.d, v.drill_id
    ),
    logged as (
      select distinct pe.client_id, pe.local_date as d, pe.drill_id
      from practice_entries pe join span s on s.client_id = pe.client_id
      where ${inStudioSql("pe", studioId)} and pe.local_date between s.from_d and s.to_d
    ),
    daily_occ as (
      select rx.client_id, rx.d, count(*)::int as n, count(l.drill_id)::int as done
      from rx left join logged l on l.client_id = rx.client_id and l.d = rx.d and l.drill_id = rx.drill_id
      where rx.daily
      group by rx.client_id, rx.d
    ),
    runs_in as materialized (
      select r.id, r.client_id, r.local_date, r.started_at
      from runs r join span s on s.client_id = r.client_id
      where ${inStudioSql("r", studioId)}
        and r.started_at >= (s.from_d - 2)::timestamp at time zone 'UTC' and r.started_at < (s.to_d + 2)::timestamp at time zone 'UTC'
        and r.local_date between s.from_d and s.to_d
    ),
    -- One row per prescribed before-run occurrence (a run × a before-run drill); each is
    -- checked with two index probes (the run's linked warm-up; an unlinked session in the two
    -- hours before, that day or, for an early run, the evening before).
    occ as (
      select r.client_id, r.local_date as d, r.id as run_id, r.started_at, rx.drill_id
      from runs_in r join rx on rx.client_id = r.client_id and rx.d = r.local_date and rx.before_run
    ),
    run_occ as (
      select o.client_id, o.d, count(*)::int as n,
        count(*) filter (where
          exists (
            select 1 from practice_sessions ps join practice_entries pe on pe.studio_id = ps.studio_id and pe.session_id = ps.id
            where ps.run_id = o.run_id and ${inStudioSql("ps", studioId)} and pe.drill_id = o.drill_id
          ) or exists (
            select 1 from practice_sessions ps join practice_entries pe on pe.studio_id = ps.studio_id and pe.session_id = ps.id
            where ${inStudioSql("ps", studioId)} and ps.client_id = o.client_id and ps.run_id is null
              and ps.local_date between o.d - 1 and o.d
              and ps.performed_at between o.started_at - ${window} and o.started_at
              and pe.drill_id = o.drill_id
          )
        )::int as done
      from occ o
      group by o.client_id, o.d
    ),
    per_day as (
      select days.client_id, days.d,
        coalesce(dc.n, 0) as daily_prescribed, coalesce(dc.done, 0) as daily_done,
        coalesce(ro.n, 0) as run_prescribed, coalesce(ro.done, 0) as run_done,
        exists (select 1 from logged l where l.client_id = days.client_id and l.d = days.d) as has_drills,
        case when coalesce(dc.n, 0) = 0 then 'none' when dc.done = dc.n then 'complete' when dc.done = 0 then 'missed' else 'partial' end as status
      from days
      left join daily_occ dc on dc.client_id = days.client_id and dc.d = days.d
      left join run_occ ro on ro.client_id = days.client_id and ro.d = days.d
    ),
    -- Gaps and islands: island k starts at the k-th break (a missed or partial day) and holds
    -- the complete days after it; island 0 holds those before the first break.
    isl as (
      select pd.client_id, pd.d, pd.status,
        sum(case when pd.status = 'complete' then 0 else 1 end) over (partition by pd.client_id order by pd.d)::int as grp
      from per_day pd join cl on cl.client_id = pd.client_id
      where pd.status <> 'none' and not (pd.d = cl.today and pd.status <> 'complete')
    ),
    islands as (
      select client_id, grp, count(*) filter (where status = 'complete')::int as n, min(d) filter (where status = 'complete') as start
      from isl group by client_id, grp
    ),
    last_island as (
      select distinct on (client_id) client_id, grp, n, start from islands order by client_id, grp desc
    ),
    longest_after as (
      select distinct on (client_id) client_id, n, start from islands where grp > 0 and n > 0 order by client_id, n desc, start
    ),
    weeks as (
      select pd.client_id, ${monday(sql`pd.d`)} as week_start, to_char(min(pd.d), 'IYYY-"W"IW') as iso_week,
        sum(pd.daily_prescribed + pd.run_prescribed)::int as prescribed, sum(pd.daily_done + pd.run_done)::int as done,
        sum(pd.daily_prescribed)::int as daily_prescribed, sum(pd.daily_done)::int as daily_done,
        sum(pd.run_prescribed)::int as before_run_prescribed, sum(pd.run_done)::int as before_run_done,
        count(*) filter (where pd.status = 'complete')::int as complete_days,
        count(*) filter (where pd.has_drills)::int as days_with_drills
      from per_day pd
      group by pd.client_id, 2
    ),
    -- Each client's lists, aggregated once per client and joined below: as correlated subqueries
    -- they rescanned every client's days per client (0.3 s for a studio of 500, not 10 ms).
    today_done as (
      select pd.client_id, bool_or(pd.status = 'complete') as is_done
      from per_day pd join cl on cl.client_id = pd.client_id and pd.d = cl.today
      group by pd.client_id
    ),
    recent_days as (
      select pd.client_id, json_agg(json_build_object(
          'localDate', pd.d::text, 'prescribed', pd.daily_prescribed + pd.run_prescribed, 'done', pd.daily_done + pd.run_done,
          'dailyPrescribed', pd.daily_prescribed, 'dailyDone', pd.daily_done, 'status', pd.status, 'hasDrills', pd.has_drills
        ) order by pd.d) as days
      from per_day pd join cl on cl.client_id = pd.client_id
      where pd.d > cl.until_d - ${recentDays}::int
      group by pd.client_id
    ),
    week_lists as (
      select w.client_id, json_agg(json_build_object(
          'isoWeek', w.iso_week, 'weekStart', w.week_start::text, 'prescribed', w.prescribed, 'done', w.done,
          'dailyPrescribed', w.daily_prescribed, 'dailyDone', w.daily_done,
          'beforeRunPrescribed', w.before_run_prescribed, 'beforeRunDone', w.before_run_done,
          'completeDays', w.complete_days, 'daysWithDrills', w.days_with_drills
        ) order by w.week_start) as weeks
      from weeks w
      group by w.client_id
    )
    select cl.client_id::text as client_id, cl.today::text as today, s.from_d::text as from_d,
      coalesce(fi.n, 0) as leading_n, fi.start::text as leading_start,
      li.grp as last_island, li.n as last_n, li.start::text as last_start,
      la.n as longest_n, la.start::text as longest_start,
      coalesce(td.is_done, false) as is_today_done,
      rd.days,
      wl.weeks
    from cl
    join span s on s.client_id = cl.client_id
    left join islands fi on fi.client_id = cl.client_id and fi.grp = 0
    left join last_island li on li.client_id = cl.client_id
    left join today_done td on td.client_id = cl.client_id
    left join recent_days rd on rd.client_id = cl.client_id
    left join week_lists wl on wl.client_id = cl.client_id
    left join longest_after la on la.client_id = cl.client_id
  `;
}
