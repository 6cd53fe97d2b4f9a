import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import type { AttentionItem, AttentionScope, AttentionSource } from "@/lib/attention";
import { daysBefore, missedDaysOf, type DailyPrescription } from "./missed-days";
import type { LocalDate } from "@/lib/local-date";
import { usableZoneSql } from "@/server/dates/zones";
import { studioReads, type StudioReads } from "@/server/progression/studio-reads";
import { shortDistance, unitWords } from "@/lib/distance-units";
import { withArticle } from "@/lib/wording";

/** How far back the queue looks for unreviewed sessions and painful runs. */
export const ATTENTION_LOOKBACK_DAYS = 14;
/** Missed days are counted over the last complete week of the client's own calendar (yesterday and the 6 days before). */
export const MISSED_WINDOW_DAYS = 7;
/** Two missed days in a week is a pattern worth a message; one is life. */
export const MISSED_DAYS_THRESHOLD = 2;
/** The most items of each kind the queue shows; the oldest drop off first. */
export const ATTENTION_LIMIT = 100;

type Row = Record<string, unknown>;
const rows = (q: Queryable, query: SQL) => rowsOf<Row>(q, query);

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/** `and c.coach_id = …` for a query whose clients are `c`: the scope's one filter. */
export function coachedBy(coachId: string | null) {
  return coachId ? sql`and c.coach_id = ${coachId}::uuid` : sql``;
}

// Every session the trainer has not reviewed yet, newest first; one that hurt is flagged as pain instead, to be seen first.
async function sessionItems(q: Queryable, { studioId, now, coachId }: AttentionScope): Promise<AttentionItem[]> {
  const since = new Date(now.getTime() - ATTENTION_LOOKBACK_DAYS * 86_400_000);
  const found = await rows(
    q,
    sql`select s.id, s.client_id, c.name as client_name, s.performed_at, s.has_pain, s.pain_where, s.context,
          (select string_agg(distinct d.name, ', ') from practice_entries e join drills d on d.id = e.drill_id
            where e.studio_id = s.studio_id and e.session_id = s.id) as drill_names,
          exists (select 1 from session_reviews r where r.studio_id = s.studio_id and r.session_id = s.id) as is_edited,
          t.id as thread_id, case when s.has_pain then ${isAnsweredSql(sql`s`)} end as is_answered
        from practice_sessions s
        join clients c on c.id = s.client_id and c.studio_id = s.studio_id
        left join threads t on t.studio_id = s.studio_id and t.session_id = s.id
        where ${inStudioSql("s", studioId)} and s.created_at >= ${since.toISOString()}::timestamptz ${coachedBy(coachId)}
          -- A review covers the session until the client changes it (edits stay inside the
          -- 24 hours after saving, so an edited session is always within this window).
          -- A count (a session has at most one review) rather than not exists: the planner
          -- turned that into an anti join that hashed every review of the studio's history
          -- before the first row; checked per session, the walk below stops at the limit.
          and (select count(*) from session_reviews r where r.studio_id = s.studio_id and r.session_id = s.id and r.session_edited_at is null) < 1
        -- The latest logged (the queue sorts them by when they were done): one walk back along
        -- (studio_id, created_at) that stops at the limit, whatever the parameters. Ordered by
        -- performed_at, the reused plan walked that index through the whole reviewed history.
        order by s.created_at desc
        limit ${ATTENTION_LIMIT}`,
  );
  return found.map((r) => {
    const drills = r.drill_names ? String(r.drill_names) : "drills";
    const isPain = r.has_pain === true;
    // A queued session with a review is one the client changed after it (the query's filter).
    const isEdited = r.is_edited === true;
    return {
      kind: isPain ? "pain" : "unreviewed_session",
      key: `${isPain ? "pain" : "unreviewed_session"}:${String(r.id)}`,
      clientId: String(r.client_id),
      clientName: String(r.client_name),
      at: asDate(r.performed_at),
      summary: isPain
        ? `Reported pain (${String(r.pain_where ?? "not said where")}) in a session of ${drills}${isEdited ? ", changed after your review; not reviewed again yet." : "; not reviewed yet."}`
        : isEdited
          ? `Changed ${drills} after your review; not reviewed again yet.`
          : `Logged ${drills}${r.context === "warmup_before_run" ? " as a warm-up before a run" : ""}; not reviewed yet.`,
      href: `/dashboard/sessions/${String(r.id)}`,
      ...(isPain ? { answer: { log: { sessionId: String(r.id) }, threadId: r.thread_id ? String(r.thread_id) : null, isAnswered: r.is_answered === true } } : {}),
    };
  });
}

/**
 * A pain report is answered when a trainer commented after it: after the client's first comment
 * on the log (the report opens the comments), or after the log was stored if the client wrote
 * none. For a query whose log is `log` and whose thread is `t` (left joined).
 */
function isAnsweredSql(log: SQL) {
  return sql`coalesce((select max(a.created_at) from messages a where a.studio_id = t.studio_id and a.thread_id = t.id and a.author_kind = 'trainer')
      > coalesce((select min(p.created_at) from messages p where p.studio_id = t.studio_id and p.thread_id = t.id and p.author_kind = 'client'), ${log}.created_at), false)`;
}

// A run that hurt is flagged for the two weeks after it, until the trainer acknowledges it on the run's page.
async function runPainItems(q: Queryable, { studioId, now, coachId, distanceUnit = "km" }: AttentionScope): Promise<AttentionItem[]> {
  const since = new Date(now.getTime() - ATTENTION_LOOKBACK_DAYS * 86_400_000);
  const found = await rows(
    q,
    sql`select r.id, r.client_id, c.name as client_name, r.started_at, r.pain_where, r.distance_m,
          t.id as thread_id, ${isAnsweredSql(sql`r`)} as is_answered
        from runs r join clients c on c.id = r.client_id and c.studio_id = r.studio_id
        left join threads t on t.studio_id = r.studio_id and t.run_id = r.id
        where ${inStudioSql("r", studioId)} and r.has_pain and r.started_at >= ${since.toISOString()}::timestamptz ${coachedBy(coachId)}
          and not exists (select 1 from run_reviews rr where rr.studio_id = r.studio_id and rr.run_id = r.id)
        order by r.started_at desc
        limit ${ATTENTION_LIMIT}`,
  );
  return found.map((r) => ({
    kind: "pain",
    key: `pain:run:${String(r.id)}`,
    clientId: String(r.client_id),
    clientName: String(r.client_name),
    at: asDate(r.started_at),
    summary: `Reported pain (${String(r.pain_where ?? "not said where")}) on ${withArticle(shortDistance(Number(r.distance_m), distanceUnit))} ${unitWords[distanceUnit].short} run.`,
    href: `/dashboard/runs/${String(r.id)}`,
    answer: { log: { runId: String(r.id) }, threadId: r.thread_id ? String(r.thread_id) : null, isAnswered: r.is_answered === true },
  }));
}

/**
 * Clients who missed prescribed days: over the last 7 complete days of each client's own
 * calendar (missedDaysOf has the rule). Two lean reads, the daily prescriptions in force now
 * and what was logged in each client's window (one index range per client), joined here:
 * the same work as one SQL statement over every client, day and drill took twice as long,
 * because the planner cannot estimate a per-client window of days.
 */
async function missedDayItems(q: Queryable, { studioId, now, coachId }: AttentionScope, reads: StudioReads): Promise<AttentionItem[]> {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${usableZoneSql(sql`u.time_zone`, await reads.unusableZones())})::date`;
  const window = sql.raw(String(MISSED_WINDOW_DAYS));
  const [prescribed, logged] = await Promise.all([
    rows(
      q,
      sql`select c.id::text as client_id, c.name as client_name, ${today}::text as today,
            a.drill_id::text as drill_id, v.start_date::text as start_date, v.end_date::text as end_date
          from clients c join users u on u.id = c.user_id
          join assignments a on a.studio_id = c.studio_id and a.client_id = c.id and a.status = 'active'
          join assignment_versions v on v.assignment_id = a.id and v.version = a.version and v.daily
          where ${inStudioSql("c", studioId)} and c.status = 'active' ${coachedBy(coachId)}`,
    ),
    rows(
      q,
      sql`select distinct e.client_id::text as client_id, e.drill_id::text as drill_id, e.local_date::text as local_date
          from clients c join users u on u.id = c.user_id
          join practice_entries e on e.studio_id = c.studio_id and e.client_id = c.id
            and e.local_date between ${today} - ${window} and ${today} - 1
          where ${inStudioSql("c", studioId)} and c.status = 'active' ${coachedBy(coachId)}`,
    ),
  ]);
  const loggedByClient = new Map<string, Set<string>>();
  for (const r of logged) {
    const days = loggedByClient.get(String(r.client_id)) ?? new Set<string>();
    days.add(`${String(r.drill_id)}|${String(r.local_date)}`);
    loggedByClient.set(String(r.client_id), days);
  }
  // Clients mostly share a calendar day: one window per distinct today.
  const windows = new Map<string, LocalDate[]>();
  const windowOf = (today: LocalDate) => windows.get(today) ?? windows.set(today, daysBefore(today, MISSED_WINDOW_DAYS)).get(today)!;
  const byClient = new Map<string, { name: string; today: string; prescriptions: DailyPrescription[] }>();
  for (const r of prescribed) {
    const clientId = String(r.client_id);
    const client = byClient.get(clientId) ?? { name: String(r.client_name), today: String(r.today), prescriptions: [] };
    client.prescriptions.push({ drillId: String(r.drill_id), startDate: String(r.start_date), endDate: r.end_date === null ? null : String(r.end_date) });
    byClient.set(clientId, client);
  }
  const found = [...byClient].flatMap(([clientId, client]) => {
    const days = loggedByClient.get(clientId);
    const result = missedDaysOf(windowOf(client.today), client.prescriptions, (drillId, day) => days?.has(`${drillId}|${day}`) ?? false);
    return result.missed >= MISSED_DAYS_THRESHOLD && result.lastMissed ? [{ clientId, clientName: client.name, ...result, lastMissed: result.lastMissed }] : [];
  });
  found.sort((a, b) => b.missed - a.missed || (a.clientName < b.clientName ? -1 : a.clientName > b.clientName ? 1 : 0));
  return found.slice(0, ATTENTION_LIMIT).map((r) => ({
    kind: "missed_days",
    key: `missed_days:${r.clientId}:${r.lastMissed}`,
    clientId: r.clientId,
    clientName: r.clientName,
    // Noon of the last missed day: ordered beside that day's sessions; shown as a date only.
    at: new Date(`${r.lastMissed}T12:00:00Z`),
    summary: `Missed the daily drills on ${r.missed} of the last ${r.prescribedDays} prescribed days.`,
    href: `/dashboard/clients/${r.clientId}`,
  }));
}

/** The built-in sources of the logging issue, by name; others (progression, billing) are passed in. */
export function loggingSources(q: Queryable, reads?: StudioReads): [string, AttentionSource][] {
  return [
    ["unreviewed sessions", (scope) => sessionItems(q, scope)],
    ["painful runs", (scope) => runPainItems(q, scope)],
    ["missed days", (scope) => missedDayItems(q, scope, reads ?? studioReads(q, scope.studioId))],
  ];
}

// A red flag in the intake comes first: the client is held and may not be safe to train. Then
// pain, pain rising over the check-ins, and a drill the app paused by itself (the trainer decides
// whether it resumes). A client waiting over a day for an answer comes right after pain and money:
// a person is waiting. A weekly check-in left unanswered sits beside missed days.
// A jump in running load comes after the sources that were there before it (it is a warning, not a hurt).
const ORDER: Record<AttentionItem["kind"], number> = {
  intake_red_flag: 0,
  pain: 1,
  rising_pain: 2,
  auto_paused: 3,
  failed_payment: 4,
  unanswered: 5,
  missed_days: 6,
  missed_checkin: 7,
  asymmetry: 8,
  unreviewed_session: 9,
  unlocked: 10,
  load_spike: 11,
};

// The trainer's queue: red flags and pain first (someone may be hurt), then the rest, newest first within each kind.
export async function listAttention(q: Queryable, scope: AttentionScope, extraSources: AttentionSource[] = [], reads?: StudioReads): Promise<AttentionItem[]> {
  const batches = await Promise.all([...loggingSources(q, reads).map(([, source]) => source), ...extraSources].map((source) => source(scope)));
  const seen = new Set<string>();
  return batches
    .flat()
    .filter((item) => (seen.has(item.key) ? false : (seen.add(item.key), true)))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || b.at.getTime() - a.at.getTime());
}
