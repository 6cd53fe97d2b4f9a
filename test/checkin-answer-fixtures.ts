import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { checkinSchedules } from "@/server/db/schema";
import { zoneOf } from "@/server/dates/zones";
import { checkAnswers, type AnswerCheckinInput, type AnswerValue, type CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion, FormKind, PainScore } from "@/lib/checkins/vocabulary";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { storeResponse } from "@/server/checkins/store-response";
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

/** A plain answer to each kind of question: a middling scale, the first choice, "no", the number's minimum, nothing written, nothing hurting. */
export function plainAnswer(question: CheckinQuestion): AnswerValue {
  const o = question.options;
  switch (o.kind) {
    case "scale":
      return { kind: "scale", value: 5 };
    case "choice":
      return { kind: "choice", value: o.choices[0]! };
    case "yes_no":
      return { kind: "yes_no", value: false };
    case "number":
      return { kind: "number", value: o.min };
    case "text":
      return { kind: "text", value: "" };
    case "pain_map":
      return { kind: "pain_map", value: [] };
  }
}

/**
 * A client's answers to a form, stored as the answering procedure stores them (the one check,
 * the one writer). `answer` names the answers that are not plain, by question; `pain` fills every
 * pain map.
 */
export async function storeAnswers(
  db: Db,
  options: {
    studioId: string;
    clientId: string;
    form: { id: string; kind: FormKind };
    questions: readonly CheckinQuestion[];
    scheduleId?: string | null;
    dueOn?: LocalDate | null;
    localDate: LocalDate;
    answeredAt?: Date;
    pain?: PainScore[];
    answer?: (question: CheckinQuestion) => AnswerValue | undefined;
  },
) {
  const answers = options.questions.map((question) => ({
    questionId: question.id,
    answer: options.answer?.(question) ?? (question.kind === "pain_map" && options.pain ? { kind: "pain_map" as const, value: options.pain } : plainAnswer(question)),
  }));
  const checked = checkAnswers(options.questions, answers);
  if (checked.issues.length > 0) throw new Error(`answers refused: ${checked.issues.map((i) => i.message).join(" ")}`);
  const { response } = await db.transaction((tx) =>
    storeResponse(tx, {
      studioId: options.studioId,
      clientId: options.clientId,
      responseId: randomUUID(),
      formId: options.form.id,
      kind: options.form.kind,
      scheduleId: options.scheduleId ?? null,
      dueOn: options.dueOn ?? (options.scheduleId ? options.localDate : null),
      localDate: options.localDate,
      checked,
      now: options.answeredAt ?? new Date(`${options.localDate}T07:30:00Z`),
    }),
  );
  return response;
}
