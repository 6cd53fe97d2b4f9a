import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { checkinSchedules } from "@/server/db/schema";
import { zoneOf } from "@/server/dates/zones";
import type { AnswerCheckinInput, CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion, PainScore } from "@/lib/checkins/vocabulary";
import { localDateIn } from "@/lib/local-date";
import { builtInForm, scheduleCheckin } from "./checkin-fixtures";
import type { TestStudio } from "./factories";

/** Answers to the morning check-in: how they feel and slept, where it hurts (nothing unless said), no note. */
export function morningAnswers(questions: readonly CheckinQuestion[], pain: PainScore[] = []): CheckinAnswer[] {
  return questions.map((q): CheckinAnswer => {
    if (q.kind === "scale") return { questionId: q.id, answer: { kind: "scale", value: 7 } };
    if (q.kind === "pain_map") return { questionId: q.id, answer: { kind: "pain_map", value: pain } };
    return { questionId: q.id, answer: { kind: "text", value: "" } };
  });
}

/**
 * A valid answer to the client's morning check-in due today (their zone), under a new device
 * id: the schedule is made once per client (a second live one of the same form is refused).
 */
export async function morningAnswerInput(db: Db, studio: TestStudio, clientId = studio.clientA.clientId, now = new Date()): Promise<AnswerCheckinInput> {
  const { form, questions } = await builtInForm(db, studio.studioId, "morning-check-in");
  const today = localDateIn(now, await zoneOf(db, studio.studioId, { clientId }));
  const [existing] = await db
    .select()
    .from(checkinSchedules)
    .where(and(eq(checkinSchedules.studioId, studio.studioId), eq(checkinSchedules.formId, form.id), eq(checkinSchedules.clientId, clientId), isNull(checkinSchedules.endedAt)))
    .limit(1);
  const schedule = existing ?? (await scheduleCheckin(db, studio, { clientId, startsOn: "2026-01-01" })).schedule;
  return { responseId: randomUUID(), formId: form.id, scheduleId: schedule.id, dueOn: today, answers: morningAnswers(questions) };
}
