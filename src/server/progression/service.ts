import type { DistanceUnit } from "@/lib/distance-units";
import { desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients, drills, progressionSettings, unlockEvents, users } from "@/server/db/schema";
import { clientNotDeleted, inStudio, inStudioSql } from "@/server/db/tenancy";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { zoneOf } from "@/server/dates/zones";
import { assignedDrillLocks } from "@/server/drills/locks";
import type { MeasureKind } from "@/lib/drills/vocabulary";
import { notFound } from "@/lib/errors";
import { adherenceFor, type ClientAdherence } from "./client-adherence";
import { DEFAULT_ASYMMETRY_THRESHOLD_PERCENT, evaluateAsymmetry, type Asymmetry } from "./asymmetry";
import { trendBetween, type Progress, type SideProgress, type WindowAverage } from "./rolling";
import { emptyWeekRunning, paceOf, summarizeDrillsAndRunning, type RunningSummary, type WeekRunning } from "./running";
import { rowsOf } from "@/server/db/raw-rows";
import { rowsWithoutJit } from "./sql";
import { runningLoadFor } from "./load-service";
import { studioReads } from "./studio-reads";
import { runningDynamicsFor } from "./dynamics-service";
import { checkinWeeksFor } from "@/server/checkins/checkin-adherence";

export type ProgressClient = { id: string; name: string; timeZone: string; today: LocalDate };

/** The client of this studio with their time zone and today; another studio's client is "not found". */
export async function loadProgressClient(q: Queryable, studioId: string, clientId: string, now: Date): Promise<ProgressClient> {
  const [[row], timeZone] = await Promise.all([
    q
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      // A deleted client's progress is gone with their logs; the page says "not found", not empty charts.
      .where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted))
      .limit(1),
    zoneOf(q, studioId, { clientId }),
  ]);
  if (!row) throw notFound("client");
  return { id: row.id, name: row.name, timeZone, today: localDateIn(now, timeZone) };
}

// ---------------------------------------------------------------- settings

/** The studio's asymmetry threshold (default 15%). */
export async function asymmetryThresholdOf(q: Queryable, studioId: string): Promise<number> {
  const [row] = await q.select({ t: progressionSettings.asymmetryThresholdPercent }).from(progressionSettings).where(eq(progressionSettings.studioId, studioId)).limit(1);
  return row?.t ?? DEFAULT_ASYMMETRY_THRESHOLD_PERCENT;
}

export async function setAsymmetryThreshold(q: Queryable, studioId: string, memberId: string, thresholdPercent: number, now: Date) {
  await q
    .insert(progressionSettings)
    .values({ studioId, asymmetryThresholdPercent: thresholdPercent, updatedByMemberId: memberId, updatedAt: now })
    .onConflictDoUpdate({ target: progressionSettings.studioId, set: { asymmetryThresholdPercent: thresholdPercent, updatedByMemberId: memberId, updatedAt: now } });
  return { asymmetryThresholdPercent: thresholdPercent };
}

// ---------------------------------------------------------------- per drill, per side

export type ChartPoint = {
  localDate: LocalDate;
  left: number | null;
  right: number | null;
  left7: number | null;
  right7: number | null;
  left28: number | null;
  right28: number | null;
  /** |L − R| / max(L, R) × 100 of the day's bests; null when a side is missing. */
  asymmetry: number | null;
};

export type DrillProgress = {
  drillId: string;
  name: string;
  measure: MeasureKind;
  perSide: boolean;
  progress: Progress;
  /** Of the two sides' 7-day averages; null for a drill not measured per side. */
  asymmetry: Asymmetry | null;
  series: ChartPoint[];
};

type SummaryRow = {
  drill_id: string;
  best_l: number | null; best_l_date: string | null; best_r: number | null; best_r_date: string | null;
  last_l: number | null; last_l_date: string | null; last_r: number | null; last_r_date: string | null;
  l7: number | null; l7n: number; r7: number | null; r7n: number;
  l28: number | null; l28n: number; r28: number | null; r28n: number;
  lp: number | null; lpn: number; rp: number | null; rpn: number;
};

// The day's best per side, as one SQL fragment: `both` (a drill not measured per side) stands in for left.
const dailyBestsCte = (studioId: string, clientId: string, today: LocalDate) => sql`
  select drill_id, local_date,
    coalesce(max(value) filter (where side = 'left'), max(value) filter (where side = 'both'))::float8 as l,
    max(value) filter (where side = 'right')::float8 as r
  from practice_entries
  where ${inStudioSql("practice_entries", studioId)} and client_id = ${clientId} and local_date <= ${today}::date and value is not null
  group by drill_id, local_date`;

/**
 * Best, last, 7- and 28-day rolling averages, the trend and the chart series for each drill the
 * client has (assigned or logged), per side: aggregates and window functions over the daily bests.
 */
export async function drillProgressFor(q: Queryable, studioId: string, client: ProgressClient, thresholdPercent: number, chartDays = 90): Promise<DrillProgress[]> {
  const { id: clientId, today } = client;
  // The drills, their figures and their chart points in parallel: three round trips at once.
  const [drillRows, summaries, points] = await Promise.all([
    q
      .selectDistinct({ id: drills.id, name: drills.name, measure: drills.measure, perSide: drills.perSide, sortOrder: drills.sortOrder })
      .from(drills)
      .where(
        inStudio(
          drills,
          studioId,
          ne(drills.measure, "free"),
          sql`(exists (select 1 from assignments a where ${inStudioSql("a", studioId)} and a.client_id = ${clientId} and a.drill_id = ${drills.id})
            or exists (select 1 from practice_entries pe where ${inStudioSql("pe", studioId)} and pe.client_id = ${clientId} and pe.drill_id = ${drills.id}))`,
        ),
      )
      .orderBy(drills.sortOrder, drills.name),
    rowsWithoutJit<SummaryRow>(
      q,
      sql`
        with d as (${dailyBestsCte(studioId, clientId, today)}),
        m as (select d.*, max(l) over (partition by drill_id) as ml, max(r) over (partition by drill_id) as mr from d)
        select drill_id::text as drill_id,
          max(l) as best_l, min(local_date) filter (where l = ml)::text as best_l_date,
          max(r) as best_r, min(local_date) filter (where r = mr)::text as best_r_date,
          (array_agg(l order by local_date desc) filter (where l is not null))[1] as last_l, max(local_date) filter (where l is not null)::text as last_l_date,
          (array_agg(r order by local_date desc) filter (where r is not null))[1] as last_r, max(local_date) filter (where r is not null)::text as last_r_date,
          avg(l) filter (where local_date > ${today}::date - 7) as l7, count(l) filter (where local_date > ${today}::date - 7)::int as l7n,
          avg(r) filter (where local_date > ${today}::date - 7) as r7, count(r) filter (where local_date > ${today}::date - 7)::int as r7n,
          avg(l) filter (where local_date > ${today}::date - 28) as l28, count(l) filter (where local_date > ${today}::date - 28)::int as l28n,
          avg(r) filter (where local_date > ${today}::date - 28) as r28, count(r) filter (where local_date > ${today}::date - 28)::int as r28n,
          avg(l) filter (where local_date between ${today}::date - 13 and ${today}::date - 7) as lp,
          count(l) filter (where local_date between ${today}::date - 13 and ${today}::date - 7)::int as lpn,
          avg(r) filter (where local_date between ${today}::date - 13 and ${today}::date - 7) as rp,
          count(r) filter (where local_date between ${today}::date - 13 and ${today}::date - 7)::int as rpn
        from m group by drill_id`,
    ),
    rowsWithoutJit<{ drill_id: string } & Omit<ChartPoint, "asymmetry"> & { asymmetry: number | null }>(
      q,
      sql`
        with d as (${dailyBestsCte(studioId, clientId, today)}
          having local_date > ${today}::date - ${chartDays + 27}::int),
        w as (
          select drill_id, local_date, l, r,
            avg(l) over w7 as l7, avg(r) over w7 as r7, avg(l) over w28 as l28, avg(r) over w28 as r28
          from d
          window w7 as (partition by drill_id order by local_date range between interval '6 days' preceding and current row),
                 w28 as (partition by drill_id order by local_date range between interval '27 days' preceding and current row)
        )
        select drill_id::text as drill_id, local_date::text as "localDate", l as "left", r as "right",
          l7::float8 as "left7", r7::float8 as "right7", l28::float8 as "left28", r28::float8 as "right28",
          case when l is null or r is null then null when greatest(l, r) = 0 then 0 else abs(l - r) / greatest(l, r) * 100 end::float8 as asymmetry
        from w where local_date > ${today}::date - ${chartDays}::int
        order by drill_id, local_date`,
    ),
  ]);

  const summaryOf = new Map(summaries.map((s) => [s.drill_id, s]));
  return drillRows.map((drill) => {
    const s = summaryOf.get(drill.id);
    const side = (k: "l" | "r"): SideProgress => {
      const avg = (value: number | null | undefined, days: number | undefined): WindowAverage => ({ average: value === undefined || value === null ? null : Number(value), days: days ?? 0 });
      const recent = avg(s?.[`${k}7`], s?.[`${k}7n`]);
      return {
        best: s?.[`best_${k}`] ?? null,
        bestDate: s?.[`best_${k}_date`] ?? null,
        last: s?.[`last_${k}`] ?? null,
        lastDate: s?.[`last_${k}_date`] ?? null,
        rolling7: recent,
        rolling28: avg(s?.[`${k}28`], s?.[`${k}28n`]),
        trend: trendBetween(recent, avg(s?.[`${k}p`], s?.[`${k}pn`])),
      };
    };
    const progress: Progress = { left: side("l"), right: side("r") };
    const series = points
      .filter((p) => p.drill_id === drill.id)
      .map(({ drill_id: _, ...p }) => (drill.perSide ? p : { ...p, right: null, right7: null, right28: null, asymmetry: null }));
    return {
      drillId: drill.id,
      name: drill.name,
      measure: drill.measure,
      perSide: drill.perSide,
      progress,
      asymmetry: drill.perSide ? evaluateAsymmetry(progress.left.rolling7.average, progress.right.rolling7.average, thresholdPercent) : null,
      series,
    };
  });
}

// ---------------------------------------------------------------- mastery and unlocks

/** Unlocks the client has not dismissed yet, for the notice on Today and Progress. */
export async function unseenUnlocks(q: Queryable, studioId: string, clientId: string) {
  return q
    .select({ id: unlockEvents.id, drillId: unlockEvents.drillId, drillName: drills.name, metOn: unlockEvents.metOn })
    .from(unlockEvents)
    .innerJoin(drills, eq(drills.id, unlockEvents.drillId))
    .where(inStudio(unlockEvents, studioId, eq(unlockEvents.clientId, clientId), isNull(unlockEvents.seenByClientAt)))
    .orderBy(desc(unlockEvents.recordedAt));
}

/** The client dismisses an unlock notice; another client's notice is "not found". */
export async function dismissUnlock(q: Queryable, studioId: string, clientId: string, unlockId: string, now: Date) {
  const [row] = await q
    .update(unlockEvents)
    .set({ seenByClientAt: now })
    .where(inStudio(unlockEvents, studioId, eq(unlockEvents.clientId, clientId), eq(unlockEvents.id, unlockId)))
    .returning({ id: unlockEvents.id });
  if (!row) throw notFound("unlock notice");
  return row;
}

// ---------------------------------------------------------------- drills and running

export type RunningWeeks = { weeks: WeekRunning[]; summary: RunningSummary };

/** Each ISO week's drill days and adherence beside the week's runs (SQL), and the plain-language comparison. */
export async function runningFor(q: Queryable, studioId: string, client: ProgressClient, adherence: ClientAdherence | undefined, unit: DistanceUnit = "km"): Promise<RunningWeeks> {
  return mergeRunning(await runWeeksOf(q, studioId, client), adherence, unit);
}

type RunWeekRow = { iso_week: string; week_start: string; runs: number; distance_m: number; duration_s: number; effort: number | null; pain: number };

function runWeeksOf(q: Queryable, studioId: string, client: ProgressClient) {
  return rowsOf<RunWeekRow>(
    q,
    sql`
      select to_char(min(local_date), 'IYYY-"W"IW') as iso_week, (local_date - (extract(isodow from local_date)::int - 1))::text as week_start,
        count(*)::int as runs, sum(distance_m)::int as distance_m, sum(duration_s)::int as duration_s,
        avg(effort)::float8 as effort, count(*) filter (where has_pain)::int as pain
      from runs
      where ${inStudioSql("runs", studioId)} and client_id = ${client.id} and local_date <= ${client.today}::date
      group by 2
      order by 2`,
  );
}

function mergeRunning(runWeeks: RunWeekRow[], adherence: ClientAdherence | undefined, unit: DistanceUnit): RunningWeeks {
  const byWeek = new Map<string, WeekRunning>();
  for (const w of adherence?.weeks ?? []) {
    byWeek.set(w.weekStart, { ...emptyWeekRunning(w.isoWeek, w.weekStart), daysWithDrills: w.daysWithDrills, adherenceRate: w.rate });
  }
  for (const r of runWeeks) {
    const week = byWeek.get(r.week_start) ?? emptyWeekRunning(r.iso_week, r.week_start);
    Object.assign(week, {
      runs: r.runs,
      distanceM: r.distance_m,
      durationSeconds: r.duration_s,
      paceSecondsPerKm: paceOf(r.distance_m, r.duration_s),
      averageEffort: r.effort,
      runsWithPain: r.pain,
    });
    byWeek.set(r.week_start, week);
  }
  const weeks = [...byWeek.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
  return { weeks, summary: summarizeDrillsAndRunning(weeks, { unit }) };
}

// ---------------------------------------------------------------- the whole picture

export type ClientProgression = Awaited<ReturnType<typeof clientProgression>>;

/**
 * One client's full progression as of now: per-side progress, asymmetry, adherence, streaks,
 * mastery, running. Distances stay in metres and paces per km; `distanceUnit` is the reader's,
 * the one the running sentence is written in and the page shows them in.
 */
export async function clientProgression(
  q: Queryable,
  studioId: string,
  clientId: string,
  now: Date,
  options: { chartDays?: number; distanceUnit?: DistanceUnit; audience?: "client" | "trainer" } = {},
) {
  const distanceUnit = options.distanceUnit ?? "km";
  const reads = studioReads(q, studioId);
  const [client, { asymmetryThresholdPercent: threshold, loadSpikeRatio: spikeRatio }] = await Promise.all([loadProgressClient(q, studioId, clientId, now), reads.settings(), reads.unusableZones()]);
  const [drillProgress, adherence, checkins, locked, runWeeks, runningLoad, runningDynamics] = await Promise.all([
    drillProgressFor(q, studioId, client, threshold, options.chartDays ?? 90),
    adherenceFor(q, studioId, [clientId], now, { recentDays: 28, reads }).then((m) => m.get(clientId)),
    checkinWeeksFor(q, studioId, [clientId], now).then((m) => m.get(clientId) ?? null),
    assignedDrillLocks(q, studioId, client.id, client.today),
    runWeeksOf(q, studioId, client),
    runningLoadFor(q, studioId, client, spikeRatio, { unit: distanceUnit, audience: options.audience ?? "trainer" }),
    runningDynamicsFor(q, studioId, client, now, threshold, reads),
  ]);
  const running = mergeRunning(runWeeks, adherence, distanceUnit);
  return {
    client: { id: client.id, name: client.name, timeZone: client.timeZone },
    today: client.today,
    asymmetryThresholdPercent: threshold,
    distanceUnit,
    drills: drillProgress,
    adherence: {
      days: adherence?.days ?? [],
      weeks: (adherence?.weeks ?? []).slice(-12),
      streaks: adherence?.streaks ?? { current: 0, currentStartedOn: null, longest: 0, longestStartedOn: null, isTodayDone: false },
      /** This week's check-ins (answered is done), beside the drills' figure; null when the client is asked none. */
      checkins,
    },
    mastery: locked,
    running: { weeks: running.weeks.slice(-12), summary: running.summary },
    runningLoad,
    runningDynamics,
  };
}
