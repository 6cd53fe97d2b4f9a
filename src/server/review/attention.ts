import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import type { AttentionItem, AttentionSource } from "./attention-types";

/** How far back the queue looks for unreviewed sessions and painful runs. */
export const ATTENTION_LOOKBACK_DAYS = 14;
/** Missed days are counted over the last complete week of the client's own calendar (yesterday and the 6 days before). */
export const MISSED_WINDOW_DAYS = 7;
/** Two missed days in a week is a pattern worth a message; one is life. */
export const MISSED_DAYS_THRESHOLD = 2;
/** The most items of each kind the queue shows; the oldest drop off first. */
export const ATTENTION_LIMIT = 100;

type Row = Record<string, unknown>;

async function rows(q: Queryable, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await q.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

// Every session the trainer has not reviewed yet, newest first; one that hurt is flagged as pain instead, to be seen first.
async function sessionItems(q: Queryable, studioId: string, now: Date): Promise<AttentionItem[]> {
  const since = new Date(now.getTime() - ATTENTION_LOOKBACK_DAYS * 86_400_000);
  const found = await rows(
    q,
    sql`select s.id, s.client_id, c.name as client_name, s.performed_at, s.has_pain, s.pain_where, s.context,
          (select string_agg(distinct d.name, ', ') from practice_entries e join drills d on d.id = e.drill_id
            where e.studio_id = s.studio_id and e.session_id = s.id) as drill_names
        from practice_sessions s
        join clients c on c.id = s.client_id and c.studio_id = s.studio_id
        where s.studio_id = ${studioId} and s.created_at >= ${since.toISOString()}::timestamptz
          and not exists (select 1 from session_reviews r where r.studio_id = s.studio_id and r.session_id = s.id)
        order by s.performed_at desc
        limit ${ATTENTION_LIMIT}`,
  );
  return found.map((r) => {
    const drills = r.drill_names ? String(r.drill_names) : "drills";
    const isPain = r.has_pain === true;
    return {
      kind: isPain ? "pain" : "unreviewed_session",
      key: `${isPain ? "pain" : "unreviewed_session"}:${String(r.id)}`,
      clientId: String(r.client_id),
      clientName: String(r.client_name),
      at: asDate(r.performed_at),
      summary: isPain
        ? `Reported pain (${String(r.pain_where ?? "not said where")}) in a session of ${drills}; not reviewed yet.`
        : `Logged ${drills}${r.context === "warmup_before_run" ? " as a warm-up before a run" : ""}; not reviewed yet.`,
      href: `/dashboard/sessions/${String(r.id)}`,
    };
  });
}

// A run that hurt is flagged for the two weeks after it; runs have no review, so the trainer follows up with the client.
async function runPainItems(q: Queryable, studioId: string, now: Date): Promise<AttentionItem[]> {
  const since = new Date(now.getTime() - ATTENTION_LOOKBACK_DAYS * 86_400_000);
  const found = await rows(
    q,
    sql`select r.id, r.client_id, c.name as client_name, r.started_at, r.pain_where, r.distance_m
        from runs r join clients c on c.id = r.client_id and c.studio_id = r.studio_id
        where r.studio_id = ${studioId} and r.has_pain and r.started_at >= ${since.toISOString()}::timestamptz
        order by r.started_at desc
        limit ${ATTENTION_LIMIT}`,
  );
  return found.map((r) => ({
    kind: "pain",
    key: `pain:run:${String(r.id)}`,
    clientId: String(r.client_id),
    clientName: String(r.client_name),
    at: asDate(r.started_at),
    summary: `Reported pain (${String(r.pain_where ?? "not said where")}) on a ${(Number(r.distance_m) / 1000).toFixed(1)} km run.`,
    href: `/dashboard/clients/${String(r.client_id)}`,
  }));
}

/**
 * Clients who missed prescribed days: over the last 7 complete days of each client's own
 * calendar, a day is missed when daily drills were prescribed (assignment active, inside its
 * dates) and none of them was logged, as in `computeDailyAdherence`. One aggregate per client,
 * computed in SQL over the days, never the rows. It reads the prescription version in force
 * now: a start date moved by a change of prescription counts from the new start.
 */
async function missedDayItems(q: Queryable, studioId: string, now: Date): Promise<AttentionItem[]> {
  const found = await rows(
    q,
    sql`with cl as (
          select c.id, c.name, (${now.toISOString()}::timestamptz at time zone u.time_zone)::date as today
          from clients c join users u on u.id = c.user_id
          where c.studio_id = ${studioId} and c.status = 'active'
        ),
        prescribed as (
          select cl.id as client_id, d.day, a.drill_id
          from cl
          join assignments a on a.studio_id = ${studioId} and a.client_id = cl.id and a.status = 'active'
          join assignment_versions v on v.assignment_id = a.id and v.version = a.version and v.daily
          cross join lateral (select g::date as day from generate_series((cl.today - ${sql.raw(String(MISSED_WINDOW_DAYS))})::timestamp, (cl.today - 1)::timestamp, interval '1 day') g) d
          where d.day >= v.start_date and (v.end_date is null or d.day <= v.end_date)
        ),
        -- What each client logged in the window, read once per client from the covering index
        -- (one range each, not a probe per client, day and drill: 18 ms → 3 ms at 500 clients).
        logged as (
          select distinct e.client_id, e.drill_id, e.local_date
          from cl join practice_entries e on e.studio_id = ${studioId} and e.client_id = cl.id
            and e.local_date between cl.today - ${sql.raw(String(MISSED_WINDOW_DAYS))} and cl.today - 1
        ),
        days as (
          select p.client_id, p.day, bool_or(l.client_id is not null) as is_done
          from prescribed p
          left join logged l on l.client_id = p.client_id and l.drill_id = p.drill_id and l.local_date = p.day
          group by p.client_id, p.day
        )
        select cl.id as client_id, cl.name as client_name, cl.today,
          count(*) filter (where not days.is_done) as missed, count(*) as prescribed_days,
          max(days.day) filter (where not days.is_done) as last_missed
        from days join cl on cl.id = days.client_id
        group by cl.id, cl.name, cl.today
        having count(*) filter (where not days.is_done) >= ${MISSED_DAYS_THRESHOLD}
        order by missed desc, cl.name
        limit ${ATTENTION_LIMIT}`,
  );
  return found.map((r) => {
    const missed = Number(r.missed);
    const lastMissed = r.last_missed instanceof Date ? r.last_missed.toISOString().slice(0, 10) : String(r.last_missed).slice(0, 10);
    return {
      kind: "missed_days",
      key: `missed_days:${String(r.client_id)}:${lastMissed}`,
      clientId: String(r.client_id),
      clientName: String(r.client_name),
      // Noon of the last missed day: ordered beside that day's sessions; shown as a date only.
      at: new Date(`${lastMissed}T12:00:00Z`),
      summary: `Missed the daily drills on ${missed} of the last ${Number(r.prescribed_days)} prescribed days.`,
      href: `/dashboard/clients/${String(r.client_id)}`,
    };
  });
}

/** The built-in sources of the logging issue; others (progression, billing) are passed in. */
export function loggingSources(q: Queryable): AttentionSource[] {
  return [
    ({ studioId, now }) => sessionItems(q, studioId, now),
    ({ studioId, now }) => runPainItems(q, studioId, now),
    ({ studioId, now }) => missedDayItems(q, studioId, now),
  ];
}

const ORDER: Record<AttentionItem["kind"], number> = { pain: 0, failed_payment: 1, missed_days: 2, asymmetry: 3, unreviewed_session: 4, unlocked: 5 };

// The trainer's queue: pain first (someone may be hurt), then the rest, newest first within each kind.
export async function listAttention(q: Queryable, studioId: string, now: Date, extraSources: AttentionSource[] = []): Promise<AttentionItem[]> {
  const batches = await Promise.all([...loggingSources(q), ...extraSources].map((source) => source({ studioId, now })));
  const seen = new Set<string>();
  return batches
    .flat()
    .filter((item) => (seen.has(item.key) ? false : (seen.add(item.key), true)))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.at.getTime() - a.at.getTime());
}
