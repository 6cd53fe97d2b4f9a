import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { checkinAnswers, checkinForms, checkinPainScores, checkinQuestions, checkinResponses } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { PainReading } from "./pain-rules";

/** The most check-ins a pain condition may look back over (drill_prerequisites.pain_checkins ≤ 30). */
export const MAX_PAIN_READINGS = 30;

/**
 * The client's last `limit` answered check-ins that had a pain map, newest first, each with the
 * scores of the places that hurt: what the pain rules read. A check-in without a pain map says
 * nothing about pain and is skipped; one with a pain map and nothing hurting is a clean reading.
 * The intake's injuries are history, not a check-in, and are left out.
 */
export async function painReadingsOf(q: Queryable, studioId: string, clientId: string, options: { limit: number }): Promise<PainReading[]> {
  const limit = Math.max(0, Math.min(Math.trunc(options.limit), MAX_PAIN_READINGS));
  if (limit === 0) return [];
  const responses = await q
    .select({ id: checkinResponses.id, localDate: checkinResponses.localDate, answeredAt: checkinResponses.answeredAt, formTitle: checkinForms.title })
    .from(checkinResponses)
    .innerJoin(checkinForms, and(eq(checkinForms.studioId, checkinResponses.studioId), eq(checkinForms.id, checkinResponses.formId)))
    .where(
      inStudio(
        checkinResponses,
        studioId,
        eq(checkinResponses.clientId, clientId),
        eq(checkinResponses.kind, "checkin"),
        // Correlated to the response (its studio and id); the outer query is scoped to the studio.
        sql`exists (select 1 from ${checkinAnswers} a join ${checkinQuestions} qn on qn.studio_id = a.studio_id and qn.id = a.question_id
                    where (a.studio_id, a.response_id) = (${checkinResponses.studioId}, ${checkinResponses.id}) and qn.kind = 'pain_map')`,
      ),
    )
    .orderBy(desc(checkinResponses.answeredAt), desc(checkinResponses.id))
    .limit(limit);
  if (responses.length === 0) return [];
  const scores = await q
    .select({ responseId: checkinPainScores.responseId, place: checkinPainScores.place, side: checkinPainScores.side, score: checkinPainScores.score })
    .from(checkinPainScores)
    .where(inStudio(checkinPainScores, studioId, eq(checkinPainScores.clientId, clientId), inArray(checkinPainScores.responseId, responses.map((r) => r.id))));
  return responses.map((r) => ({
    responseId: r.id,
    localDate: r.localDate,
    answeredAt: new Date(r.answeredAt),
    formTitle: r.formTitle,
    scores: scores.filter((s) => s.responseId === r.id).map(({ place, side, score }) => ({ place, side, score })),
  }));
}
