import { z } from "zod";
import { isValidLocalDate } from "@/lib/local-date";
import {
  MAX_CHOICE_LENGTH,
  MAX_QUESTIONS_PER_FORM,
  MAX_TEXT_ANSWER_LENGTH,
  PAIN_MAX,
  PAIN_PLACES,
  PAIN_PLACE_LABELS,
  PAIN_SIDES,
  type CheckinQuestion,
  type PainScore,
} from "./vocabulary";

// What a client sends when they answer a check-in or the intake, and the one check of those
// answers against the form's live questions. Used by the answer form (to say what is missing
// before sending) and by the server (which trusts nothing the browser said).

const painScore = z.object({
  place: z.enum(PAIN_PLACES, { error: "Pick a place from the body map." }),
  side: z.enum(PAIN_SIDES, { error: "Pick left or right." }),
  score: z
    .number({ error: `Score the pain from 0 to ${PAIN_MAX}.` })
    .int({ error: `Score the pain as a whole number from 0 to ${PAIN_MAX}.` })
    .min(0, { error: `Score the pain from 0 to ${PAIN_MAX}.` })
    .max(PAIN_MAX, { error: `Score the pain from 0 to ${PAIN_MAX}.` }),
});

export const answerValueInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("scale"),
      value: z.number({ error: "Pick a number from 0 to 10." }).int({ error: "Pick a whole number from 0 to 10." }).min(0, { error: "Pick a number from 0 to 10." }).max(10, { error: "Pick a number from 0 to 10." }),
    }),
    z.object({ kind: z.literal("choice"), value: z.string({ error: "Pick one of the choices." }).max(MAX_CHOICE_LENGTH, { error: "Pick one of the choices." }) }),
    z.object({
      kind: z.literal("yes_no"),
      value: z.boolean({ error: "Answer yes or no." }),
      detail: z.string({ error: "Write the details as text." }).trim().max(MAX_TEXT_ANSWER_LENGTH, { error: `Keep the details under ${MAX_TEXT_ANSWER_LENGTH} characters.` }).optional(),
    }),
    z.object({ kind: z.literal("number"), value: z.number({ error: "Enter a number." }).finite({ error: "Enter a number." }).min(-1_000_000, { error: "Enter a smaller number." }).max(1_000_000, { error: "Enter a smaller number." }) }),
    z.object({ kind: z.literal("text"), value: z.string({ error: "Write the answer as text." }).trim().max(MAX_TEXT_ANSWER_LENGTH, { error: `Keep the answer under ${MAX_TEXT_ANSWER_LENGTH} characters.` }) }),
    z.object({ kind: z.literal("pain_map"), value: z.array(painScore, { error: "Mark where it hurts on the body map." }).max(PAIN_PLACES.length * PAIN_SIDES.length, { error: "Mark each place and side once." }) }),
  ],
  { error: "Answer the question with the kind of answer it asks for." },
);
export type AnswerValue = z.infer<typeof answerValueInput>;

export const checkinAnswerInput = z.object({
  questionId: z.uuid({ error: "Answer the questions of the form as shown." }),
  answer: answerValueInput,
});
export type CheckinAnswer = z.infer<typeof checkinAnswerInput>;

const localDate = (message: string) => z.string({ error: message }).max(10, { error: message, abort: true }).refine(isValidLocalDate, { error: message });

/** One answered check-in or intake. The id is made on the device, so a retry or an offline sync stores it once. */
export const answerCheckinInput = z.object({
  responseId: z.uuid({ error: "Send the answers again from the form." }),
  formId: z.uuid({ error: "Pick a check-in from your list." }),
  /** The schedule and the day it was due; both null for the intake. */
  scheduleId: z.uuid({ error: "Pick a check-in from your list." }).nullable().default(null),
  dueOn: localDate("Pick a check-in from your list.").nullable().default(null),
  answers: z.array(checkinAnswerInput, { error: "Answer the questions of the form." }).max(MAX_QUESTIONS_PER_FORM, { error: "Answer the questions of the form as shown." }),
});
export type AnswerCheckinInput = z.input<typeof answerCheckinInput>;

/** An answer checked against its question, ready to store: pain maps keep only the places that hurt. */
export type CheckedAnswer = { question: CheckinQuestion; answer: AnswerValue };

export type AnswerIssue = { questionId: string | null; message: string };

export type CheckedAnswers = {
  answers: CheckedAnswer[];
  issues: AnswerIssue[];
  /** The red-flag questions answered "yes" (intake): the programme waits for the trainer. */
  redFlagQuestionIds: string[];
  /** Every pain score above 0, from every pain map in the answers. */
  painScores: PainScore[];
};

/** Said when the form's questions changed under the client (a question removed or changed while they answered). */
export const FORM_CHANGED_MESSAGE = "Your coach changed these questions while you were answering; please answer them again.";

// Every required question answered, each in its own kind and within its options; an answer to a question no longer on the form refuses the whole check-in, so nothing is half-stored.
export function checkAnswers(questions: readonly CheckinQuestion[], answers: readonly CheckinAnswer[]): CheckedAnswers {
  const issues: AnswerIssue[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const checked: CheckedAnswer[] = [];
  const redFlagQuestionIds: string[] = [];
  const painScores: PainScore[] = [];

  for (const { questionId, answer } of answers) {
    const question = byId.get(questionId);
    if (!question || question.kind !== answer.kind) {
      return { answers: [], issues: [{ questionId: null, message: FORM_CHANGED_MESSAGE }], redFlagQuestionIds: [], painScores: [] };
    }
    if (seen.has(questionId)) {
      issues.push({ questionId, message: `Answer "${question.prompt}" once.` });
      continue;
    }
    seen.add(questionId);
    const issue = answerIssue(question, answer);
    if (issue) {
      issues.push({ questionId, message: issue });
      continue;
    }
    const normal = normalise(answer);
    if (normal.kind === "yes_no" && normal.value && question.isRedFlag) redFlagQuestionIds.push(questionId);
    if (normal.kind === "pain_map") painScores.push(...normal.value);
    checked.push({ question, answer: normal });
  }
  for (const question of questions) {
    if (question.isRequired && !seen.has(question.id)) issues.push({ questionId: question.id, message: `Answer "${question.prompt}".` });
  }
  return issues.length > 0 ? { answers: [], issues, redFlagQuestionIds: [], painScores: [] } : { answers: checked, issues, redFlagQuestionIds, painScores };
}

function answerIssue(question: CheckinQuestion, answer: AnswerValue): string | null {
  const options = question.options;
  if (answer.kind === "choice" && options.kind === "choice" && !options.choices.includes(answer.value)) {
    return `Pick one of: ${options.choices.join(", ")}.`;
  }
  if (answer.kind === "number" && options.kind === "number") {
    const unit = options.unit ? ` ${options.unit}` : "";
    if (answer.value < options.min || answer.value > options.max) return `Enter a number from ${options.min} to ${options.max}${unit}.`;
    const scaled = answer.value * 10 ** options.decimals;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-9) {
      return options.decimals === 0 ? `Enter a whole number${unit}.` : `Enter the number with at most ${options.decimals} decimal${options.decimals === 1 ? "" : "s"}.`;
    }
  }
  if (answer.kind === "text" && question.isRequired && answer.value.length === 0) return `Answer "${question.prompt}".`;
  if (answer.kind === "pain_map" && options.kind === "pain_map") {
    const places = new Set<string>();
    for (const s of answer.value) {
      if (!options.places.includes(s.place)) return `${PAIN_PLACE_LABELS[s.place]} is not on this body map; pick a place that is.`;
      const key = `${s.place}:${s.side}`;
      if (places.has(key)) return "Mark each place and side once.";
      places.add(key);
    }
  }
  return null;
}

function normalise(answer: AnswerValue): AnswerValue {
  if (answer.kind === "pain_map") return { kind: "pain_map", value: answer.value.filter((s) => s.score > 0) };
  if (answer.kind === "yes_no" && !answer.value) return { kind: "yes_no", value: false };
  return answer;
}
