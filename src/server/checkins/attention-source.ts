import { sql } from "drizzle-orm";
import type { AttentionItem, AttentionScope, AttentionSource } from "@/lib/attention";
import { describePainPlace, type PainScore } from "@/lib/checkins/vocabulary";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { INTAKE_FORM } from "./built-in-forms";
import { answerableUntil, dueOccurrences } from "./occurrences";
import { PAIN_TREND_CHECKINS, risingPainTrends, type PainReading } from "./pain-trend";
import { schedulesInForce } from "./schedules-in-force";

// The attention queue hears how clients feel (issue 20): a red flag in the intake, pain rising
// over the check-ins, a drill the app paused by itself, a weekly check-in left unanswered.

/** A rising trend whose latest check-in is older than this is stale (missed check-ins say the rest). */
export const RISING_PAIN_LOOKBACK_DAYS = 14;
/** The most items of each kind these sources give; the newest stay. */
const LIMIT = 100;

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const clientHref = (clientId: string) => `/dashboard/clients/${clientId}`;
const coachedBy = (coachId: string | null) => (coachId ? sql`and c.coach_id = ${coachId}::uuid` : sql``);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// The built-in intake's red flags, as the trainer reads them in one line; a studio's own question reads as its prompt.
const SHORT_RED_FLAGS = ["heart condition or high blood pressure", "chest pain", "dizziness or fainting", "a bone or joint problem", "medication for a long-term condition", "pregnancy or a recent birth", "a doctor said not to exercise"];
const shortRedFlagOf = new Map(INTAKE_FORM.questions.filter((q) => q.isRedFlag).map((q, i) => [q.prompt, SHORT_RED_FLAGS[i] ?? q.prompt]));

/** How a red-flag question reads in the queue's sentence: short for the built-in ones, the prompt (without its question mark) otherwise. */
export function shortRedFlag(prompt: string): string {
  return shortRedFlagOf.get(prompt) ?? prompt.replace(/\?\s*$/, "");
}

type Row = Record<string, unknown>;

// A client who answered yes to a red-flag question of the intake is held until the trainer reads and clears it: first in the queue.
export function intakeRedFlagSource(q: Queryable): AttentionSource {
  return async ({ studioId, coachId }) => {
    const found = await rowsOf<Row>(
      q,
      sql`select r.id::text as id, r.client_id::text as client_id, c.name as client_name, r.answered_at,
            (select json_agg(qq.prompt order by qq.position) from checkin_answers a
              join checkin_questions qq on qq.studio_id = a.studio_id and qq.id = a.question_id
              where a.studio_id = r.studio_id and a.response_id = r.id and qq.is_red_flag and a.bool_value) as prompts
          from checkin_responses r join clients c on c.id = r.client_id and c.studio_id = r.studio_id
          where ${inStudioSql("r", studioId)} and r.has_red_flag and r.cleared_at is null and r.kind = 'intake'
            and c.deleted_at is null ${coachedBy(coachId)}
          order by r.answered_at desc
          limit ${LIMIT}`,
    );
    return found.map((r): AttentionItem => {
      const prompts = (typeof r.prompts === "string" ? (JSON.parse(r.prompts) as string[]) : ((r.prompts as string[] | null) ?? [])).map(shortRedFlag);
      return {
        kind: "intake_red_flag",
        key: `intake_red_flag:${String(r.id)}`,
        clientId: String(r.client_id),
        clientName: String(r.client_name),
        at: asDate(r.answered_at),
        summary: `Answered yes to: ${prompts.length > 0 ? prompts.join("; ") : "a red-flag question"}. Read and clear before they start.`,
        href: clientHref(String(r.client_id)),
      };
    });
  };
}

/** A reading of the pain rule, with the client's name for the queue. */
export type NamedPainReading = PainReading & { clientName: string };

/**
 * Each client's last three check-ins that asked for a pain map (answered, even with nothing
 * hurting), with the scores marked, for the studio's clients (or one coach's) in one statement.
 */
export async function latestPainReadings(q: Queryable, { studioId, coachId }: Pick<AttentionScope, "studioId" | "coachId">): Promise<NamedPainReading[]> {
  const found = await rowsOf<Row>(
    q,
    // Walked back along each client's days (checkin_responses_client_idx), stopping at the third.
    sql`select pm.id::text as response_id, c.id::text as client_id, c.name as client_name, pm.local_date::text as local_date, pm.answered_at,
          (select json_agg(json_build_object('place', p.place, 'side', p.side, 'score', p.score))
            from checkin_pain_scores p where p.studio_id = pm.studio_id and p.response_id = pm.id) as scores
        from clients c
        cross join lateral (
          select r.id, r.studio_id, r.local_date, r.answered_at from checkin_responses r
          where r.studio_id = c.studio_id and r.client_id = c.id and r.kind = 'checkin'
            and exists (select 1 from checkin_answers a join checkin_questions qq on qq.studio_id = a.studio_id and qq.id = a.question_id
              where a.studio_id = r.studio_id and a.response_id = r.id and qq.kind = 'pain_map')
          order by r.local_date desc, r.answered_at desc, r.id desc
          limit ${PAIN_TREND_CHECKINS}
        ) pm
        where ${inStudioSql("c", studioId)} and c.deleted_at is null ${coachedBy(coachId)}`,
  );
  return found.map((r) => ({
    clientId: String(r.client_id),
    clientName: String(r.client_name),
    responseId: String(r.response_id),
    localDate: String(r.local_date),
    answeredAt: asDate(r.answered_at),
    scores: (typeof r.scores === "string" ? (JSON.parse(r.scores) as PainScore[]) : ((r.scores as PainScore[] | null) ?? [])).map((s) => ({ ...s, score: Number(s.score) })),
  }));
}

// Pain rising at one place and side over the last three check-ins (risingPainTrends has the rule): one item per client, place and side while it keeps rising.
export function risingPainSource(q: Queryable): AttentionSource {
  return async (scope) => {
    const readings = await latestPainReadings(q, scope);
    const names = new Map(readings.map((r) => [r.clientId, r.clientName]));
    const since = new Date(scope.now.getTime() - RISING_PAIN_LOOKBACK_DAYS * 86_400_000);
    return risingPainTrends(readings, { since })
      .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime())
      .slice(0, LIMIT)
      .map(
        (t): AttentionItem => ({
          kind: "rising_pain",
          key: `rising_pain:${t.clientId}:${t.place}:${t.side}`,
          clientId: t.clientId,
          clientName: names.get(t.clientId) ?? "",
          at: t.answeredAt,
          summary: `${capitalized(describePainPlace(t.place, t.side))} pain rising: ${t.scores.join(" → ")} over the last ${t.scores.length} check-ins.`,
          href: `${clientHref(t.clientId)}/progress`,
        }),
      );
  };
}

// A drill the app paused by itself (pain above the studio's threshold at a place it loads) stays in the queue until the trainer resumes it.
export function autoPausedSource(q: Queryable): AttentionSource {
  return async ({ studioId, coachId }) => {
    const found = await rowsOf<Row>(
      q,
      sql`select a.id::text as id, a.client_id::text as client_id, c.name as client_name, d.name as drill_name, v.reason, v.created_at
          from assignments a
          join assignment_versions v on v.studio_id = a.studio_id and v.assignment_id = a.id and v.version = a.version
          join clients c on c.id = a.client_id and c.studio_id = a.studio_id
          join drills d on d.studio_id = a.studio_id and d.id = a.drill_id
          where ${inStudioSql("a", studioId)} and a.status = 'paused'
            and v.action = 'paused' and v.changed_by_member_id is null and v.reason is not null
            and c.deleted_at is null ${coachedBy(coachId)}
          order by v.created_at desc
          limit ${LIMIT}`,
    );
    return found.map(
      (r): AttentionItem => ({
        kind: "auto_paused",
        key: `auto_paused:${String(r.id)}`,
        clientId: String(r.client_id),
        clientName: String(r.client_name),
        at: asDate(r.created_at),
        summary: `${String(r.drill_name)} paused by itself: ${String(r.reason)}`,
        href: clientHref(String(r.client_id)),
      }),
    );
  };
}

/**
 * A weekly check-in's last occurrence whose time to answer is over (answerableUntil), for each
 * client asked it: due on `dueOn`, or null when none is over yet. The client's today is theirs.
 */
export function lastClosedOccurrence(timing: Parameters<typeof dueOccurrences>[0], timeZone: string, now: Date): LocalDate | null {
  const today = localDateIn(now, timeZone);
  // A weekly occurrence closes within a week and its grace: two weeks back always holds the last closed one.
  const closed = dueOccurrences(timing, timeZone, addDays(today, -14), today).filter((o) => answerableUntil(timing.cadence, o.dueOn) < today);
  return closed.at(-1)?.dueOn ?? null;
}

// A weekly review not answered by the end of its grace days is a conversation the trainer did not get: one item per schedule, client and due day.
export function missedCheckinSource(q: Queryable): AttentionSource {
  return async ({ studioId, now, coachId }) => {
    const weekly = (await schedulesInForce(q, studioId, { coachId })).filter((s) => s.timing.cadence === "weekly");
    const due = weekly.flatMap((s) => {
      const dueOn = lastClosedOccurrence(s.timing, s.timeZone, now);
      return dueOn ? [{ ...s, dueOn }] : [];
    });
    if (due.length === 0) return [];
    const clientIds = [...new Set(due.map((d) => d.clientId))];
    const ids = sql.join(clientIds.map((id) => sql`${id}::uuid`), sql`, `);
    const earliest = due.reduce((min, d) => (d.dueOn < min ? d.dueOn : min), due[0]!.dueOn);
    const [answered, named] = await Promise.all([
      rowsOf<Row>(
        q,
        sql`select r.client_id::text as client_id, r.form_id::text as form_id, r.due_on::text as due_on
            from checkin_responses r
            where ${inStudioSql("r", studioId)} and r.kind = 'checkin' and r.client_id in (${ids}) and r.due_on >= ${earliest}::date`,
      ),
      // An invited client has not signed in yet: they were never shown the check-in.
      rowsOf<Row>(q, sql`select c.id::text as id, c.name from clients c where ${inStudioSql("c", studioId)} and c.id in (${ids}) and c.status = 'active'`),
    ]);
    // Answered the same form for that day counts, whichever schedule asked it (a schedule ended and made again).
    const isAnswered = new Set(answered.map((r) => `${String(r.client_id)}|${String(r.form_id)}|${String(r.due_on)}`));
    const names = new Map(named.map((r) => [String(r.id), String(r.name)]));
    return due
      .filter((d) => names.has(d.clientId) && !isAnswered.has(`${d.clientId}|${d.formId}|${d.dueOn}`))
      .sort((a, b) => (a.dueOn < b.dueOn ? 1 : a.dueOn > b.dueOn ? -1 : 0))
      .slice(0, LIMIT)
      .map(
        (d): AttentionItem => ({
          kind: "missed_checkin",
          key: `missed_checkin:${d.scheduleId}:${d.clientId}:${d.dueOn}`,
          clientId: d.clientId,
          clientName: names.get(d.clientId)!,
          // Noon of the due day, like missed days: the queue shows it as the due day (attentionWhen), so the sentence does not.
          at: new Date(`${d.dueOn}T12:00:00Z`),
          summary: `Did not answer “${d.formTitle}”.`,
          href: clientHref(d.clientId),
        }),
      );
  };
}

/** The check-in sources of the attention queue. */
export function checkinSources(q: Queryable): AttentionSource[] {
  return [intakeRedFlagSource(q), risingPainSource(q), autoPausedSource(q), missedCheckinSource(q)];
}
