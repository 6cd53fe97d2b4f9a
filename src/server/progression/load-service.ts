import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { progressionSettings } from "@/server/db/schema";
import { inStudioSql } from "@/server/db/tenancy";
import { rowsOf } from "@/server/db/raw-rows";
import { addDays, type LocalDate } from "@/lib/local-date";
import { usableZoneSql } from "@/server/dates/zones";
import { studioReads, type StudioReads } from "./studio-reads";
import type { DistanceUnit } from "@/lib/distance-units";
import { ACUTE_DAYS, CHRONIC_DAYS, DEFAULT_LOAD_SPIKE_RATIO, describeLoad, isLoadSpike, LOAD_WEEKS, loadRatio, weekStartOf, weekStartsUpTo, type LoadRatio, type WeekLoad } from "./running-load";
import type { ProgressClient } from "./service";

// The SQL behind running-load.ts: the rules stay there, these only sum the runs.

/** The studio's load-spike ratio (default 1.5). */
export async function loadSpikeRatioOf(q: Queryable, studioId: string): Promise<number> {
  const [row] = await q.select({ r: progressionSettings.loadSpikeRatio }).from(progressionSettings).where(eq(progressionSettings.studioId, studioId)).limit(1);
  return row ? Number(row.r) : DEFAULT_LOAD_SPIKE_RATIO;
}

export async function setLoadSpikeRatio(q: Queryable, studioId: string, memberId: string, loadSpikeRatio: number, now: Date) {
  await q
    .insert(progressionSettings)
    .values({ studioId, loadSpikeRatio, updatedByMemberId: memberId, updatedAt: now })
    .onConflictDoUpdate({ target: progressionSettings.studioId, set: { loadSpikeRatio, updatedByMemberId: memberId, updatedAt: now } });
  return { loadSpikeRatio };
}

/**
 * Instants that surely cover the client-local days from `first` to `last`: a local day starts at
 * most 14 hours before and ends at most 12 hours after the same UTC day. The range lets the
 * read walk runs_studio_client_started_idx; the local_date filter then picks the exact days.
 */
export function startedBetweenSql(first: LocalDate, last: LocalDate) {
  return sql`started_at >= ${`${addDays(first, -1)}T00:00:00Z`}::timestamptz and started_at < ${`${addDays(last, 2)}T00:00:00Z`}::timestamptz`;
}

export type RunningLoad = {
  weeks: WeekLoad[];
  load: LoadRatio;
  spikeRatio: number;
  isSpike: boolean;
  /** describeLoad's sentence, in the reader's unit and words ("your usual" or "their usual"). */
  message: string;
};
export type LoadReader = { unit: DistanceUnit; audience: "client" | "trainer" };

type LoadWeekRow = { week_start: string; runs: number; distance_m: number; moving_s: number; longest_m: number; acute_m: number; acute_runs: number; chronic_m: number; chronic_runs: number };

/** The last 12 weeks of a client's running and the last 7 and 28 days' sums: one read along the client's runs. */
export async function runningLoadFor(q: Queryable, studioId: string, client: ProgressClient, spikeRatio: number, reader: LoadReader = { unit: "km", audience: "trainer" }): Promise<RunningLoad> {
  const weekStarts = weekStartsUpTo(client.today, LOAD_WEEKS);
  const first = weekStarts[0]!;
  const today = client.today;
  const found = await rowsOf<LoadWeekRow>(
    q,
    sql`
      select (local_date - (extract(isodow from local_date)::int - 1))::text as week_start,
        count(*)::int as runs, sum(distance_m)::int as distance_m, sum(duration_s)::int as moving_s, max(distance_m)::int as longest_m,
        coalesce(sum(distance_m) filter (where local_date > ${today}::date - ${ACUTE_DAYS}::int), 0)::int as acute_m,
        count(*) filter (where local_date > ${today}::date - ${ACUTE_DAYS}::int)::int as acute_runs,
        coalesce(sum(distance_m) filter (where local_date > ${today}::date - ${CHRONIC_DAYS}::int), 0)::int as chronic_m,
        count(*) filter (where local_date > ${today}::date - ${CHRONIC_DAYS}::int)::int as chronic_runs
      from runs
      where ${inStudioSql("runs", studioId)} and client_id = ${client.id}::uuid and ${startedBetweenSql(first, today)}
        and local_date between ${first}::date and ${today}::date
      group by 1
      order by 1`,
  );
  const byWeek = new Map(found.map((r) => [r.week_start, r]));
  const weeks = weekStarts.map((weekStart): WeekLoad => {
    const r = byWeek.get(weekStart);
    return { weekStart, runs: r?.runs ?? 0, distanceM: r?.distance_m ?? 0, movingS: r?.moving_s ?? 0, longestM: r?.longest_m ?? 0 };
  });
  const sum = (k: "acute_m" | "acute_runs" | "chronic_m" | "chronic_runs") => found.reduce((a, r) => a + r[k], 0);
  const load = loadRatio({ acuteM: sum("acute_m"), acuteRuns: sum("acute_runs"), chronicM: sum("chronic_m"), chronicRuns: sum("chronic_runs") });
  return { weeks, load, spikeRatio, isSpike: isLoadSpike(load.ratio, spikeRatio), message: describeLoad(load, spikeRatio, reader.unit, reader.audience) };
}

export type LoadSpikeRow = { clientId: string; clientName: string; today: LocalDate; weekStart: LocalDate; lastRunAt: Date; load: LoadRatio };

/**
 * Clients (one coach's, or all the studio's active ones) whose last 7 days of running, against a
 * usual week of the last 28 in their own calendar, are above the ratio: one statement, each
 * client's runs read along runs_studio_client_started_idx.
 */
export async function loadSpikesAbove(
  q: Queryable,
  studioId: string,
  now: Date,
  spikeRatio: number,
  filter: { coachId?: string | null } = {},
  reads: StudioReads = studioReads(q, studioId),
): Promise<LoadSpikeRow[]> {
  const unusable = await reads.unusableZones();
  const coach = filter.coachId ? sql`and c.coach_id = ${filter.coachId}::uuid` : sql``;
  const nowText = now.toISOString();
  const found = await rowsOf<{ client_id: string; client_name: string; today: string; acute_m: number; acute_runs: number; chronic_m: number; chronic_runs: number; last_at: number }>(
    q,
    sql`
      with cl as (
        select c.id as client_id, c.name, (${nowText}::timestamptz at time zone ${usableZoneSql(sql`u.time_zone`, unusable)})::date as today
        from clients c join users u on u.id = c.user_id
        where ${inStudioSql("c", studioId)} and c.status = 'active' ${coach}
      )
      select cl.client_id::text as client_id, cl.name as client_name, cl.today::text as today,
        coalesce(sum(r.distance_m) filter (where r.local_date > cl.today - ${ACUTE_DAYS}::int), 0)::int as acute_m,
        count(*) filter (where r.local_date > cl.today - ${ACUTE_DAYS}::int)::int as acute_runs,
        sum(r.distance_m)::int as chronic_m, count(*)::int as chronic_runs,
        (extract(epoch from max(r.started_at)) * 1000)::float8 as last_at
      from cl join runs r on ${inStudioSql("r", studioId)} and r.client_id = cl.client_id
        -- 29 days of instants cover 28 local days in any zone; local_date picks the exact ones.
        and r.started_at >= ${nowText}::timestamptz - interval '${sql.raw(String(CHRONIC_DAYS + 2))} days'
        and r.local_date between cl.today - ${CHRONIC_DAYS - 1}::int and cl.today
      group by cl.client_id, cl.name, cl.today`,
  );
  return found.flatMap((r) => {
    const load = loadRatio({ acuteM: r.acute_m, acuteRuns: r.acute_runs, chronicM: r.chronic_m, chronicRuns: r.chronic_runs });
    return isLoadSpike(load.ratio, spikeRatio)
      ? [{ clientId: r.client_id, clientName: r.client_name, today: r.today, weekStart: weekStartOf(r.today), lastRunAt: new Date(r.last_at), load }]
      : [];
  });
}
