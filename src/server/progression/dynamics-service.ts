import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { inStudioSql } from "@/server/db/tenancy";
import { rowsOf } from "@/server/db/raw-rows";
import { usableZoneSql } from "@/server/dates/zones";
import { studioReads, type StudioReads } from "./studio-reads";
import { evaluateAsymmetry } from "./asymmetry";
import { LOAD_WEEKS, weekStartsUpTo } from "./running-load";
import { describeContactAndHopping, SAME_SIDE_DAYS, sameSideSignal, type DynamicsWeek, type SameSide } from "./running-dynamics";
import { startedBetweenSql } from "./load-service";
import type { ProgressClient } from "./service";

// The SQL behind running-dynamics.ts: the rules and the wording stay there.

/** The studio's own copy of a built-in drill, by slug (drills_studio_slug_unique): a scalar for an index lookup. */
const drillIdSql = (studioId: string, slug: "hopping" | "knee-drive") => sql`(select d.id from drills d where ${inStudioSql("d", studioId)} and d.slug = ${slug})`;

const weekOf = (column: SQL) => sql`(${column} - (extract(isodow from ${column})::int - 1))`;

export type RunningDynamics = {
  weeks: DynamicsWeek[];
  /** "Ground contact time fell 12 ms over 6 weeks while Hopping went from 1 to 4 days a week — …". */
  contactMessage: string;
  /** Run balance and Knee Drive asymmetry of the last 28 days pointing to the same side, or null. */
  sameSide: SameSide | null;
  /** Whether any week shown has a run with ground contact time or balance (the section hides otherwise). */
  hasDynamics: boolean;
};

type DynamicsRow = { kind: "run" | "hop" | "knee"; week_start: string; a: number | null; b: number | null; c: number | null; d: number | null };

/**
 * The last 12 weeks of a client's ground contact time and balance beside their Hopping and Knee
 * Drive practice: one statement, the runs read along runs_studio_client_started_idx and each
 * drill's entries along practice_entries_progress_idx.
 */
export async function dynamicsWeeksFor(q: Queryable, studioId: string, client: ProgressClient, weeks = LOAD_WEEKS): Promise<DynamicsWeek[]> {
  const starts = weekStartsUpTo(client.today, weeks);
  const first = starts[0]!;
  const today = client.today;
  const found = await rowsOf<DynamicsRow>(
    q,
    sql`
      with r as (
        select ${weekOf(sql`local_date`)} as week_start,
          avg(avg_ground_contact_ms)::float8 as gct, count(avg_ground_contact_ms)::float8 as gct_n,
          avg(ground_contact_balance_left)::float8 as bal, count(ground_contact_balance_left)::float8 as bal_n
        from runs
        where ${inStudioSql("runs", studioId)} and client_id = ${client.id}::uuid and ${startedBetweenSql(first, today)}
          and local_date between ${first}::date and ${today}::date
          and (avg_ground_contact_ms is not null or ground_contact_balance_left is not null)
        group by 1
      ),
      hop as (
        select ${weekOf(sql`local_date`)} as week_start, count(distinct local_date)::float8 as days, coalesce(sum(value), 0)::float8 as contacts
        from practice_entries
        where ${inStudioSql("practice_entries", studioId)} and client_id = ${client.id}::uuid and drill_id = ${drillIdSql(studioId, "hopping")}
          and local_date between ${first}::date and ${today}::date
        group by 1
      ),
      kd as (
        select local_date, max(value) filter (where side = 'left') as l, max(value) filter (where side = 'right') as r
        from practice_entries
        where ${inStudioSql("practice_entries", studioId)} and client_id = ${client.id}::uuid and drill_id = ${drillIdSql(studioId, "knee-drive")}
          and local_date between ${first}::date and ${today}::date and value is not null and side <> 'both'
        group by local_date
      ),
      k as (select ${weekOf(sql`local_date`)} as week_start, avg(l)::float8 as l, avg(r)::float8 as r from kd group by 1)
      select 'run' as kind, week_start::text as week_start, gct as a, gct_n as b, bal as c, bal_n as d from r
      union all select 'hop', week_start::text, days, contacts, null, null from hop
      union all select 'knee', week_start::text, l, null, r, null from k`,
  );
  const of = (kind: DynamicsRow["kind"]) => new Map(found.filter((r) => r.kind === kind).map((r) => [r.week_start, r]));
  const [run, hop, knee] = [of("run"), of("hop"), of("knee")];
  return starts.map((weekStart): DynamicsWeek => {
    const r = run.get(weekStart);
    const h = hop.get(weekStart);
    const k = knee.get(weekStart);
    const kneeLeft = k?.a ?? null;
    const kneeRight = k?.c ?? null;
    return {
      weekStart,
      groundContactMs: r?.a ?? null,
      runsWithGroundContact: r?.b ?? 0,
      hoppingDays: h?.a ?? 0,
      hoppingContacts: h?.b ?? 0,
      balanceLeft: r?.c ?? null,
      runsWithBalance: r?.d ?? 0,
      kneeLeft,
      kneeRight,
      kneeAsymmetryPercent: evaluateAsymmetry(kneeLeft, kneeRight).percent,
    };
  });
}

export type SameSideRow = { clientId: string; balanceLeft: number | null; runsWithBalance: number; kneeLeft: number | null; kneeRight: number | null; signal: SameSide | null };

/**
 * For each client asked about (of this studio, active): the last 28 days of their calendar, the
 * mean ground-contact balance of their runs and the mean per side of each day's best Knee Drive
 * hold, and whether the two point to the same side (running-dynamics.ts has the rule). One statement.
 */
export async function sameSideFor(q: Queryable, studioId: string, now: Date, thresholdPercent: number, clientIds: readonly string[], reads: StudioReads = studioReads(q, studioId)): Promise<SameSideRow[]> {
  if (clientIds.length === 0) return [];
  const unusable = await reads.unusableZones();
  const nowText = now.toISOString();
  const found = await rowsOf<{ client_id: string; bal: number | null; bal_n: number; l: number | null; r: number | null }>(
    q,
    sql`
      with cl as (
        select c.id as client_id, (${nowText}::timestamptz at time zone ${usableZoneSql(sql`u.time_zone`, unusable)})::date as today
        from clients c join users u on u.id = c.user_id
        where ${inStudioSql("c", studioId)} and c.status = 'active' and c.id in (${sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `)})
      ),
      bal as (
        select cl.client_id, avg(r.ground_contact_balance_left)::float8 as bal, count(*)::int as bal_n
        from cl join runs r on ${inStudioSql("r", studioId)} and r.client_id = cl.client_id
          and r.started_at >= ${nowText}::timestamptz - interval '${sql.raw(String(SAME_SIDE_DAYS + 2))} days'
          and r.local_date between cl.today - ${SAME_SIDE_DAYS - 1}::int and cl.today
          and r.ground_contact_balance_left is not null
        group by cl.client_id
      ),
      kd as (
        select cl.client_id, pe.local_date, max(pe.value) filter (where pe.side = 'left') as l, max(pe.value) filter (where pe.side = 'right') as r
        from cl join practice_entries pe on ${inStudioSql("pe", studioId)} and pe.client_id = cl.client_id
          and pe.drill_id = ${drillIdSql(studioId, "knee-drive")}
          and pe.local_date between cl.today - ${SAME_SIDE_DAYS - 1}::int and cl.today and pe.value is not null and pe.side <> 'both'
        group by cl.client_id, pe.local_date
      ),
      k as (select client_id, avg(l)::float8 as l, avg(r)::float8 as r from kd group by client_id)
      select bal.client_id::text as client_id, bal.bal, bal.bal_n, k.l, k.r
      from bal left join k on k.client_id = bal.client_id`,
  );
  return found.map((r) => {
    const row = { clientId: r.client_id, balanceLeft: r.bal, runsWithBalance: r.bal_n, kneeLeft: r.l, kneeRight: r.r };
    return { ...row, signal: sameSideSignal({ ...row, thresholdPercent }) };
  });
}

/** A client's dynamics for the progress page: the weeks, the contact-time sentence and the same-side signal. */
export async function runningDynamicsFor(q: Queryable, studioId: string, client: ProgressClient, now: Date, thresholdPercent: number, reads?: StudioReads): Promise<RunningDynamics> {
  const [weeks, [same]] = await Promise.all([dynamicsWeeksFor(q, studioId, client), sameSideFor(q, studioId, now, thresholdPercent, [client.id], reads)]);
  return {
    weeks,
    contactMessage: describeContactAndHopping(weeks, client.today),
    sameSide: same?.signal ?? null,
    hasDynamics: weeks.some((w) => w.runsWithGroundContact > 0 || w.runsWithBalance > 0),
  };
}
