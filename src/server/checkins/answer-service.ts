import { and, eq, gte, inArray, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { checkinResponses } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import { DomainError, notFound } from "@/lib/errors";
import { answerCheckinInput, checkAnswers, FORM_CHANGED_MESSAGE, type AnswerCheckinInput } from "@/lib/checkins/answers";
import { answeredLabel, closedSentence, formatLocalDay } from "@/lib/checkins/answer-wording";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { afterCheckinAnswered, type AutomaticPause } from "./after-answer";
import { answerRefusal, formChanged, liveQuestionsOf, lockAsAsked } from "./forms";
import { ANSWER_GRACE_DAYS, answerableUntil, dueOccurrences } from "./occurrences";
import { schedulesInForce, type ScheduleInForce } from "./schedules-in-force";
import { storeResponse } from "./store-response";

// The client's side of scheduled check-ins: which are open on Today, and answering one. The
// answers are checked against the form as it stands now and stored in one transaction with
// what they change (pauses), once per due day whatever the number of devices or retries.

/** A check-in the client can answer now. */
export type OpenCheckin = {
  scheduleId: string;
  formId: string;
  formTitle: string;
  dueOn: LocalDate;
  opensAt: Date;
  /** The last day it can be answered (a weekly review has a grace of two days). */
  answerableUntil: LocalDate;
  /** Due today (not one of the grace days after). */
  isToday: boolean;
  questions: CheckinQuestion[];
};

/** A check-in of the open window already answered: Today shows it as done. */
export type AnsweredCheckin = {
  responseId: string;
  scheduleId: string;
  formTitle: string;
  dueOn: LocalDate;
  answeredAt: Date;
  /** "Answered at 07:12". */
  label: string;
};

export type DueCheckins = { localDate: LocalDate; timeZone: string; open: OpenCheckin[]; answered: AnsweredCheckin[] };

export type AnswerCheckinResult = { responseId: string; isNew: boolean; paused: AutomaticPause[] };

// A check-in is open from its due day to the end of its grace (daily: that day only), until it is answered; today's is listed before it opens, so an early riser can answer it.
export async function dueCheckinsFor(q: Queryable, studioId: string, clientId: string, now: Date): Promise<DueCheckins> {
  const schedules = await schedulesInForce(q, studioId, { clientIds: [clientId] });
  const timeZone = schedules[0]?.timeZone ?? null;
  if (!timeZone) return { localDate: localDateIn(now, "UTC"), timeZone: "UTC", open: [], answered: [] };
  const today = localDateIn(now, timeZone);
  const windows = schedules.flatMap((s) => dueOccurrences(s.timing, s.timeZone, addDays(today, -ANSWER_GRACE_DAYS[s.timing.cadence]), today).map((o) => ({ schedule: s, occurrence: o })));
  if (windows.length === 0) return { localDate: today, timeZone, open: [], answered: [] };

  const earliest = windows.reduce((min, w) => (w.occurrence.dueOn < min ? w.occurrence.dueOn : min), today);
  const responses = await q
    .select({ id: checkinResponses.id, scheduleId: checkinResponses.scheduleId, dueOn: checkinResponses.dueOn, answeredAt: checkinResponses.answeredAt })
    .from(checkinResponses)
    .where(
      inStudio(
        checkinResponses,
        studioId,
        eq(checkinResponses.clientId, clientId),
        inArray(
          checkinResponses.scheduleId,
          schedules.map((s) => s.scheduleId),
        ),
        gte(checkinResponses.dueOn, earliest),
      ),
    );
  const answeredBy = new Map(responses.map((r) => [`${r.scheduleId}:${r.dueOn}`, r]));

  const questionsByForm = new Map<string, CheckinQuestion[]>();
  const open: OpenCheckin[] = [];
  const answered: AnsweredCheckin[] = [];
  for (const { schedule, occurrence } of windows) {
    const response = answeredBy.get(`${schedule.scheduleId}:${occurrence.dueOn}`);
    if (response) {
      answered.push({ responseId: response.id, scheduleId: schedule.scheduleId, formTitle: schedule.formTitle, dueOn: occurrence.dueOn, answeredAt: response.answeredAt, label: answeredLabel(response.answeredAt, timeZone, today) });
      continue;
    }
    let questions = questionsByForm.get(schedule.formId);
    if (!questions) questionsByForm.set(schedule.formId, (questions = await liveQuestionsOf(q, studioId, schedule.formId)));
    open.push({
      scheduleId: schedule.scheduleId,
      formId: schedule.formId,
      formTitle: schedule.formTitle,
      dueOn: occurrence.dueOn,
      opensAt: occurrence.opensAt,
      answerableUntil: answerableUntil(schedule.timing.cadence, occurrence.dueOn),
      isToday: occurrence.dueOn === today,
      questions,
    });
  }
  // Today's first, then the older ones of a grace (the sooner it closes, the higher).
  open.sort((a, b) => Number(b.isToday) - Number(a.isToday) || a.answerableUntil.localeCompare(b.answerableUntil) || a.formTitle.localeCompare(b.formTitle));
  answered.sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  return { localDate: today, timeZone, open, answered };
}

/**
 * Stores the client's answers to one due check-in. A retry of the same response, or a second
 * device answering a check-in already answered, stores nothing and says `isNew: false`.
 */
export async function answerCheckin(q: Queryable, studioId: string, clientId: string, raw: AnswerCheckinInput, now: Date): Promise<AnswerCheckinResult> {
  const parsed = answerCheckinInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("BAD_REQUEST", issue?.message ?? "Send the answers again from the form.", issue?.path.map(String).join(".") || undefined);
  }
  const input = parsed.data;
  const { scheduleId, dueOn } = input;
  // The intake has its own way in; here only a scheduled check-in.
  if (scheduleId === null || dueOn === null) throw new DomainError("BAD_REQUEST", "Pick a check-in from your list.", "scheduleId");

  // Stored already under this id (a retry whose first answer was lost): kept as it is, even
  // after the check-in closed or its questions changed.
  const same = await keptFor(q, studioId, clientId, eq(checkinResponses.id, input.responseId));
  if (same) return { responseId: same, isNew: false, paused: [] };

  const schedule = (await schedulesInForce(q, studioId, { clientIds: [clientId] })).find((s) => s.scheduleId === scheduleId && s.formId === input.formId);
  if (!schedule) throw notFound("check-in");

  // Another device answered this one first: its answers stand, whatever these say.
  const other = await keptFor(q, studioId, clientId, and(eq(checkinResponses.scheduleId, scheduleId), eq(checkinResponses.dueOn, dueOn)));
  if (other) return { responseId: other, isNew: false, paused: [] };

  const today = localDateIn(now, schedule.timeZone);
  refuseUnlessAnswerable(schedule, dueOn, today, now);

  const asked = await liveQuestionsOf(q, studioId, schedule.formId);
  const checked = checkAnswers(asked, input.answers);
  const issue = checked.issues[0];
  if (issue) throw answerRefusal(issue, "answers");

  return q.transaction(async (tx) => {
    // The form locked as it stands now: an edit committed since the check above (or one this
    // waited for) means the answers may no longer fit, so none of them is stored.
    const standing = await lockAsAsked(tx, studioId, schedule.formId, asked);
    if (standing === "gone") throw notFound("check-in");
    if (standing === "changed") throw formChanged("answers");
    const { response, isNew } = await storeResponse(tx, {
      studioId,
      clientId,
      responseId: input.responseId,
      formId: schedule.formId,
      kind: "checkin",
      scheduleId,
      dueOn,
      localDate: today,
      checked,
      now,
    });
    if (!isNew) return { responseId: response.id, isNew, paused: [] };
    const { paused } = await afterCheckinAnswered(tx, { studioId, clientId, responseId: response.id, localDate: today, painScores: checked.painScores, now });
    return { responseId: response.id, isNew, paused };
  });
}

async function keptFor(q: Queryable, studioId: string, clientId: string, by: SQL | undefined): Promise<string | null> {
  const [row] = await q
    .select({ id: checkinResponses.id })
    .from(checkinResponses)
    .where(inStudio(checkinResponses, studioId, eq(checkinResponses.clientId, clientId), eq(checkinResponses.kind, "checkin"), by))
    .limit(1);
  return row?.id ?? null;
}

// A check-in can be answered from its due day to the end of its grace; a day it was never due is not one to answer.
function refuseUnlessAnswerable(schedule: ScheduleInForce, dueOn: LocalDate, today: LocalDate, now: Date): void {
  const { timing, timeZone } = schedule;
  if (dueOccurrences(timing, timeZone, dueOn, dueOn).length === 0) throw new DomainError("BAD_REQUEST", "Pick a check-in from your list.", "dueOn");
  if (dueOn > today) throw new DomainError("PRECONDITION_FAILED", `This check-in opens on ${formatLocalDay(dueOn)}; answer it then.`, "dueOn");
  const closesOn = answerableUntil(timing.cadence, dueOn);
  if (today > closesOn) {
    // The next one: today's if it is due today, else the first after.
    const [next] = dueOccurrences(timing, timeZone, today, addDays(today, 7));
    throw new DomainError("PRECONDITION_FAILED", closedSentence(closesOn, next ?? null, { timeZone, today, now }), "dueOn");
  }
}
