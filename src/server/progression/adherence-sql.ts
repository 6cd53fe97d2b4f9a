import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import type { LocalDate } from "@/server/drills/local-date";
import type { DayStatus, Streaks, WeekAdherence } from "./adherence";
import { DEFAULT_BEFORE_RUN_WINDOW_HOURS } from "./adherence";
import { rowsWithoutJit } from "./sql";

/**
 * Adherence in SQL, for one client or many at once (the studio overview), with the same
 * rules as the pure reference in adherence.ts (compared in adherence-sql.integration.test.ts):
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

export type SqlDay = {
  localDate: LocalDate;
  prescribed: number;
  done: number;
  dailyPrescribed: number;
  dailyDone: number;
  status: DayStatus;
  hasDrills: boolean;
};

export type ClientAdherence = {
  clientId: string;
  today: LocalDate;
  /** The first day looked at (the first prescribed day, or the lookback's start). */
  from: LocalDate | null;
  days: SqlDay[];
  weeks: WeekAdherence[];
  streaks: Streaks;
};

export type AdherenceOptions = {
  /** Look back only this many days (the overview); default: the client's whole history. */
  lookbackDays?: number | null;
  /** Days returned day by day, ending today. */
  recentDays?: number;
  /** Weeks returned, ending with this week. */
  weeks?: number;
};

type Row = {
  client_id: string;
  today: string;
  from_d: string | null;
  current_streak: number;
  current_start: string | null;
  longest_streak: number;
  longest_start: string | null;
  is_today_done: boolean;
  days: SqlDay[] | null;
  weeks: WeekAdherence[] | null;
};

/** Prescribed against done, per day and per ISO week, and streaks, for these clients of the studio as of `now`. */
export async function adherenceFor(
  q: Queryable,
  studioId: string,
  clientIds: readonly string[],
  now: Date,
  options: AdherenceOptions = {},
): Promise<Map<string, ClientAdherence>> {
  const result = new Map<string, ClientAdherence>();
  if (clientIds.length === 0) return result;
  const recentDays = options.recentDays ?? 28;
  const weeks = options.weeks ?? 520;
  const lookback = options.lookbackDays ?? null;
  const rows = await rowsWithoutJit<Row>(q, adherenceQuery(studioId, clientIds, now, lookback, recentDays, weeks));
  const truncated: string[] = [];
  for (const row of rows) {
    const adherence = toClientAdherence(row);
    result.set(row.client_id, adherence);
    // A current streak that reaches back to the lookback's first day may be longer: recount it over the whole history.
    if (lookback !== null && row.current_streak > 0 && row.current_start !== null && row.current_start === row.from_d) truncated.push(row.client_id);
  }
  if (truncated.length > 0) {
    const full = await rowsWithoutJit<Row>(q, adherenceQuery(studioId, truncated, now, null, 0, 0));
    for (const row of full) {
      const seen = result.get(row.client_id)!;
      seen.streaks = toClientAdherence(row).streaks;
    }
  }
  return result;
}

function toClientAdherence(row: Row): ClientAdherence {
  return {
    clientId: row.client_id,
    today: row.today,
    from: row.from_d,
    days: row.days ?? [],
    weeks: (row.weeks ?? []).map((w) => ({ ...w, rate: w.prescribed === 0 ? null : w.done / w.prescribed })),
    streaks: {
      current: row.current_streak,
      currentStartedOn: row.current_streak > 0 ? row.current_start : null,
      longest: row.longest_streak,
      longestStartedOn: row.longest_streak > 0 ? row.longest_start : null,
      isTodayDone: row.is_today_done,
    },
  };
}

/** The SQL of `adherenceFor` (exported for EXPLAIN ANALYZE in the benchmark). */
export function adherenceQuery(studioId: string, clientIds: readonly string[], now: Date, lookbackDays: number | null, recentDays: number, weeks: number): SQL {
  const window = sql.raw(`interval '${DEFAULT_BEFORE_RUN_WINDOW_HOURS} hours'`);
  const lowerBound = lookbackDays === null ? sql`'-infinity'::date` : sql`cl.today - ${lookbackDays - 1}::int`;
  return sql`
    with cl as (
      select c.id as client_id, coalesce(u.time_zone, 'UTC') as tz, (${now.toISOString()}::timestamptz at time zone coalesce(u.time_zone, 'UTC'))::date as today
      from clients c left join users u on u.id = c.user_id
      where c.studio_id = ${studioId} and c.id in (${sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `)})
    ),
    v as (
      select a.client_id, a.drill_id, av.status, av.daily, av.before_run, av.start_date, av.end_date,
        case when av.version = 1 then null::date else (av.created_at at time zone cl.tz)::date end as from_d,
        lead((av.created_at at time zone cl.tz)::date) over (partition by av.assignment_id order by av.version) as next_d
      from assignments a
      join cl on cl.client_id = a.client_id
      join assignment_versions av on av.studio_id = a.studio_id and av.assignment_id = a.id
      where a.studio_id = ${studioId}
    ),
    span as (
      select cl.client_id, cl.today, case when min(v.start_date) is null then null else greatest(min(v.start_date), ${lowerBound}) end as from_d
      from cl left join v on v.client_id = cl.client_id
      group by cl.client_id, cl.today
    ),
    days as (
      select s.client_id, g::date as d
      from span s cross join lateral generate_series(s.from_d, s.today, interval '1 day') g
      where s.from_d is not null
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
      where pe.studio_id = ${studioId} and pe.local_date between s.from_d and s.today
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
      where r.studio_id = ${studioId}
        and r.started_at >= (s.from_d - 2)::timestamp at time zone 'UTC' and r.started_at < (s.today + 2)::timestamp at time zone 'UTC'
        and r.local_date between s.from_d and s.today
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
            where ps.run_id = o.run_id and ps.studio_id = ${studioId} and pe.drill_id = o.drill_id
          ) or exists (
            select 1 from practice_sessions ps join practice_entries pe on pe.studio_id = ps.studio_id and pe.session_id = ps.id
            where ps.studio_id = ${studioId} and ps.client_id = o.client_id and ps.run_id is null
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
    isl as (
      select pd.client_id, pd.d, pd.status,
        sum(case when pd.status = 'complete' then 0 else 1 end) over (partition by pd.client_id order by pd.d) as grp
      from per_day pd join cl on cl.client_id = pd.client_id
      where pd.status <> 'none' and not (pd.d = cl.today and pd.status <> 'complete')
    ),
    islands as (
      select client_id, grp, count(*) filter (where status = 'complete')::int as n, min(d) filter (where status = 'complete') as start
      from isl group by client_id, grp
    ),
    current_streak as (
      select distinct on (client_id) client_id, n, start from islands order by client_id, grp desc
    ),
    longest_streak as (
      select distinct on (client_id) client_id, n, start from islands where n > 0 order by client_id, n desc, start
    ),
    weeks as (
      select pd.client_id, date_trunc('week', pd.d)::date as week_start, to_char(min(pd.d), 'IYYY-"W"IW') as iso_week,
        sum(pd.daily_prescribed + pd.run_prescribed)::int as prescribed, sum(pd.daily_done + pd.run_done)::int as done,
        sum(pd.daily_prescribed)::int as daily_prescribed, sum(pd.daily_done)::int as daily_done,
        sum(pd.run_prescribed)::int as before_run_prescribed, sum(pd.run_done)::int as before_run_done,
        count(*) filter (where pd.status = 'complete')::int as complete_days,
        count(*) filter (where pd.has_drills)::int as days_with_drills
      from per_day pd join cl on cl.client_id = pd.client_id
      where pd.d > date_trunc('week', cl.today)::date - ${weeks * 7}::int
      group by pd.client_id, date_trunc('week', pd.d)
    )
    select cl.client_id::text as client_id, cl.today::text as today, s.from_d::text as from_d,
      coalesce(cs.n, 0) as current_streak, cs.start::text as current_start,
      coalesce(ls.n, 0) as longest_streak, ls.start::text as longest_start,
      coalesce((select pd.status = 'complete' from per_day pd where pd.client_id = cl.client_id and pd.d = cl.today), false) as is_today_done,
      (select json_agg(json_build_object(
          'localDate', pd.d::text, 'prescribed', pd.daily_prescribed + pd.run_prescribed, 'done', pd.daily_done + pd.run_done,
          'dailyPrescribed', pd.daily_prescribed, 'dailyDone', pd.daily_done, 'status', pd.status, 'hasDrills', pd.has_drills
        ) order by pd.d)
        from per_day pd where pd.client_id = cl.client_id and pd.d > cl.today - ${recentDays}::int) as days,
      (select json_agg(json_build_object(
          'isoWeek', w.iso_week, 'weekStart', w.week_start::text, 'prescribed', w.prescribed, 'done', w.done,
          'dailyPrescribed', w.daily_prescribed, 'dailyDone', w.daily_done,
          'beforeRunPrescribed', w.before_run_prescribed, 'beforeRunDone', w.before_run_done,
          'completeDays', w.complete_days, 'daysWithDrills', w.days_with_drills
        ) order by w.week_start)
        from weeks w where w.client_id = cl.client_id) as weeks
    from cl
    join span s on s.client_id = cl.client_id
    left join current_streak cs on cs.client_id = cl.client_id
    left join longest_streak ls on ls.client_id = cl.client_id
  `;
}
