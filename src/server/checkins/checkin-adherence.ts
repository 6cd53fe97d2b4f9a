import { sql } from "drizzle-orm";
import type { CheckinCadence } from "@/lib/checkins/vocabulary";
import type { CheckinWeek } from "@/lib/checkins/checkin-week";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { answerableUntil, dueOccurrences, isoWeekday } from "./occurrences";
import { schedulesInForce } from "./schedules-in-force";

// Missed check-ins count in adherence (issue 20): each check-in due is prescribed like a drill,
// and answering it is doing it. Shown beside the drills' figure ("Check-ins: 6 of 7 answered
// this week") rather than folded into it, so the drills' percentage, its streaks and its cache
// of closed weeks keep their meaning.

/** One due occurrence of a check-in, and whether it was answered. */
export type CheckinDue = { cadence: CheckinCadence; dueOn: LocalDate; isAnswered: boolean };

// A check-in counts once answered, or once its time to answer is over unanswered (missed); one still open counts for nothing yet, as today's drills do not break a streak.
export function checkinWeekOf(dues: readonly CheckinDue[], weekStart: LocalDate, today: LocalDate): CheckinWeek {
  let answered = 0;
  let missed = 0;
  let open = 0;
  for (const d of dues) {
    if (d.dueOn < weekStart || d.dueOn > today) continue;
    if (d.isAnswered) answered += 1;
    else if (answerableUntil(d.cadence, d.dueOn) < today) missed += 1;
    else open += 1;
  }
  return { weekStart, due: answered + missed, answered, open };
}

/**
 * This week's check-ins of each client (their own calendar, Monday to today) who is asked any
 * (schedulesInForce); a client asked none is absent from the map. Two reads for all the clients.
 */
export async function checkinWeeksFor(q: Queryable, studioId: string, clientIds: readonly string[], now: Date): Promise<Map<string, CheckinWeek>> {
  const result = new Map<string, CheckinWeek>();
  if (clientIds.length === 0) return result;
  const schedules = await schedulesInForce(q, studioId, { clientIds });
  if (schedules.length === 0) return result;
  const weekOf = (timeZone: string) => {
    const today = localDateIn(now, timeZone);
    return { today, weekStart: addDays(today, 1 - isoWeekday(today)) };
  };
  const asked = [...new Set(schedules.map((s) => s.clientId))];
  const earliest = schedules.reduce((min, s) => {
    const start = weekOf(s.timeZone).weekStart;
    return start < min ? start : min;
  }, weekOf(schedules[0]!.timeZone).weekStart);
  const answered = await rowsOf<{ client_id: string; form_id: string; due_on: string }>(
    q,
    sql`select r.client_id::text as client_id, r.form_id::text as form_id, r.due_on::text as due_on
        from checkin_responses r
        where ${inStudioSql("r", studioId)} and r.kind = 'checkin'
          and r.client_id in (${sql.join(asked.map((id) => sql`${id}::uuid`), sql`, `)}) and r.due_on >= ${earliest}::date`,
  );
  // Answered the same form for that day counts, whichever schedule asked it.
  const isAnswered = new Set(answered.map((r) => `${r.client_id}|${r.form_id}|${r.due_on}`));
  const dues = new Map<string, { today: LocalDate; weekStart: LocalDate; dues: CheckinDue[] }>();
  for (const s of schedules) {
    const { today, weekStart } = weekOf(s.timeZone);
    const client = dues.get(s.clientId) ?? { today, weekStart, dues: [] };
    for (const o of dueOccurrences(s.timing, s.timeZone, weekStart, today)) {
      client.dues.push({ cadence: s.timing.cadence, dueOn: o.dueOn, isAnswered: isAnswered.has(`${s.clientId}|${s.formId}|${o.dueOn}`) });
    }
    dues.set(s.clientId, client);
  }
  for (const [clientId, c] of dues) result.set(clientId, checkinWeekOf(c.dues, c.weekStart, c.today));
  return result;
}
