import { and, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { ClientScope } from "@/lib/client-visibility";
import { notFound } from "@/lib/errors";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import type { Queryable } from "@/server/db/client";
import { checkinAnswers, checkinForms, checkinPainScores, checkinQuestions, checkinResponses, clients, messages, threads } from "@/server/db/schema";
import { clientDataReadableBy, clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { zoneOf } from "@/server/dates/zones";
import { historyStart, shapeCheckinHistory, shapeResponses, type CheckinHistoryShape, type DueDay, type HistoryAnswerRow, type HistoryPainRow, type HistoryResponse, type HistoryResponseRow } from "./history-shape";
import { dueOccurrences } from "./occurrences";
import { schedulesInForce } from "./schedules-in-force";

// A client's check-in answers as they read over time (the progress pages' "How you feel") and one
// by one (the check-ins pages, each with its comments). Reads only; the shaping is pure
// (history-shape.ts).

/** Weeks shown by default: the same twelve as the drills and runs on the progress page. */
export const HISTORY_WEEKS = 12;
export const MAX_HISTORY_WEEKS = 52;

export type CheckinHistory = CheckinHistoryShape & { client: { id: string; name: string; timeZone: string } };

/** A client's answers over the last `weeks` ISO weeks (today's included), in their own days. */
export async function checkinHistoryOf(q: Queryable, studioId: string, clientId: string, now: Date, options: { weeks?: number } = {}): Promise<CheckinHistory> {
  const weeks = options.weeks ?? HISTORY_WEEKS;
  const [[client], timeZone] = await Promise.all([
    q.select({ id: clients.id, name: clients.name }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1),
    zoneOf(q, studioId, { clientId }),
  ]);
  if (!client) throw notFound("client");
  const today = localDateIn(now, timeZone);
  const from = historyStart(today, weeks);

  const responses = await responseRows(q, studioId, and(eq(checkinResponses.clientId, clientId), gte(checkinResponses.localDate, from), lte(checkinResponses.localDate, today)));
  const ids = responses.map((r) => r.id);
  const [answers, pain, schedules] = await Promise.all([answerRows(q, studioId, ids), painRows(q, studioId, ids), schedulesInForce(q, studioId, { clientIds: [clientId] })]);
  const due: DueDay[] = schedules.flatMap((s) => dueOccurrences(s.timing, s.timeZone, from, today).map((o) => ({ scheduleId: s.scheduleId, dueOn: o.dueOn, cadence: s.timing.cadence })));
  return { client: { ...client, timeZone }, ...shapeCheckinHistory({ today, weeks, responses, answers, pain, due }) };
}

/** Who reads one response: the client their own, a trainer a client they may see. */
export type ResponseReader = { kind: "client"; clientId: string } | { kind: "trainer"; clientScope: ClientScope };

export type CheckinResponseView = HistoryResponse & { client: { id: string; name: string; timeZone: string } };

/** One response with its answers, if the reader may read it; another client's, or another studio's, is "missing". */
export async function checkinResponseFor(q: Queryable, studioId: string, reader: ResponseReader, responseId: string): Promise<CheckinResponseView> {
  const [owner] = await q
    .select({ clientId: clients.id, name: clients.name })
    .from(checkinResponses)
    .innerJoin(clients, eq(clients.id, checkinResponses.clientId))
    .where(
      inStudio(checkinResponses, studioId, eq(checkinResponses.id, responseId), clientDataReadableBy(reader)),
    )
    .limit(1);
  if (!owner) throw notFound("check-in");
  const [rows, answers, pain, timeZone] = await Promise.all([
    responseRows(q, studioId, eq(checkinResponses.id, responseId)),
    answerRows(q, studioId, [responseId]),
    painRows(q, studioId, [responseId]),
    zoneOf(q, studioId, { clientId: owner.clientId }),
  ]);
  const [response] = shapeResponses(rows, answers, pain);
  return { ...response!, client: { id: owner.clientId, name: owner.name, timeZone } };
}

async function responseRows(q: Queryable, studioId: string, where: ReturnType<typeof and>): Promise<HistoryResponseRow[]> {
  const comments = q
    .select({ responseId: threads.checkinResponseId, n: count(messages.id).as("n") })
    .from(threads)
    .innerJoin(messages, eq(messages.threadId, threads.id))
    .where(inStudio(threads, studioId, eq(threads.kind, "checkin")))
    .groupBy(threads.checkinResponseId)
    .as("comments");
  const rows = await q
    .select({
      id: checkinResponses.id,
      formId: checkinResponses.formId,
      formTitle: checkinForms.title,
      kind: checkinResponses.kind,
      scheduleId: checkinResponses.scheduleId,
      dueOn: checkinResponses.dueOn,
      localDate: checkinResponses.localDate,
      answeredAt: checkinResponses.answeredAt,
      hasRedFlag: checkinResponses.hasRedFlag,
      clearedAt: checkinResponses.clearedAt,
      clearNote: checkinResponses.clearNote,
      commentCount: comments.n,
    })
    .from(checkinResponses)
    .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinResponses.studioId), eq(checkinForms.id, checkinResponses.formId)))
    .leftJoin(comments, eq(comments.responseId, checkinResponses.id))
    .where(inStudio(checkinResponses, studioId, where))
    .orderBy(desc(checkinResponses.answeredAt));
  return rows.map((r) => ({ ...r, dueOn: r.dueOn as LocalDate | null, localDate: r.localDate as LocalDate, commentCount: Number(r.commentCount ?? 0) }));
}

async function answerRows(q: Queryable, studioId: string, responseIds: readonly string[]): Promise<HistoryAnswerRow[]> {
  if (responseIds.length === 0) return [];
  return q
    .select({
      responseId: checkinAnswers.responseId,
      questionId: checkinAnswers.questionId,
      kind: checkinQuestions.kind,
      // As the client was asked it: a trainer may have reworded the question since.
      prompt: sql<string>`coalesce(${checkinAnswers.prompt}, ${checkinQuestions.prompt})`,
      options: checkinQuestions.options,
      position: checkinQuestions.position,
      isRedFlag: checkinQuestions.isRedFlag,
      numberValue: checkinAnswers.numberValue,
      textValue: checkinAnswers.textValue,
      boolValue: checkinAnswers.boolValue,
    })
    .from(checkinAnswers)
    .innerJoin(checkinQuestions, and(eq(checkinQuestions.studioId, checkinAnswers.studioId), eq(checkinQuestions.id, checkinAnswers.questionId)))
    .where(inStudio(checkinAnswers, studioId, inArray(checkinAnswers.responseId, [...responseIds])));
}

async function painRows(q: Queryable, studioId: string, responseIds: readonly string[]): Promise<HistoryPainRow[]> {
  if (responseIds.length === 0) return [];
  return q
    .select({ responseId: checkinPainScores.responseId, questionId: checkinPainScores.questionId, place: checkinPainScores.place, side: checkinPainScores.side, score: checkinPainScores.score })
    .from(checkinPainScores)
    .where(inStudio(checkinPainScores, studioId, inArray(checkinPainScores.responseId, [...responseIds])));
}
