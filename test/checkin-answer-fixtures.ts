import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { checkAnswers, type AnswerValue } from "@/lib/checkins/answers";
import type { CheckinQuestion, FormKind, PainScore } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";
import { storeResponse } from "@/server/checkins/store-response";

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
