import type { checkAnswers, CheckinAnswer } from "@/lib/checkins/answers";
import { describePainPlace, type CheckinQuestion, type PainPlace, type PainSide } from "@/lib/checkins/vocabulary";

// What the answer form holds while the client taps, and how it becomes the answers sent: the
// same check the server makes (checkAnswers, given by the form: its zod rules load apart from
// the cards), so a missing answer is said before sending.

/** One place and side marked on the body map; its score is picked after. */
export type PainMark = { place: PainPlace; side: PainSide; score: number | null };

export type Draft =
  | { kind: "scale"; value: number | null }
  | { kind: "choice"; value: string | null }
  | { kind: "yes_no"; value: boolean | null; detail: string }
  | { kind: "number"; text: string }
  | { kind: "text"; value: string }
  | { kind: "pain_map"; marks: PainMark[] };

/** A question not touched yet (a body map starts as "nothing hurts"). */
export function emptyDraft(question: CheckinQuestion): Draft {
  switch (question.kind) {
    case "scale":
      return { kind: "scale", value: null };
    case "choice":
      return { kind: "choice", value: null };
    case "yes_no":
      return { kind: "yes_no", value: null, detail: "" };
    case "number":
      return { kind: "number", text: "" };
    case "text":
      return { kind: "text", value: "" };
    case "pain_map":
      return { kind: "pain_map", marks: [] };
  }
}

/** Whether the question asks for details on "yes" (and they are sent). */
export const asksDetail = (question: CheckinQuestion) => question.options.kind === "yes_no" && question.options.askDetailOnYes;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Left knee": how a mark is named on the body map's buttons and score pickers. */
export const markName = (place: PainPlace, side: PainSide) => capitalised(describePainPlace(place, side));

/**
 * The answers to send, or the sentence per question that says what is still to do. An answer
 * left empty is left out, so a required one reads "Answer …" as the server would say it. Without
 * `check` (its rules never loaded: offline, from the phone's cache) only the drafts' own sentences
 * are said here, and the server's answer says the rest when the answers are sent.
 */
export function answersFromDrafts(
  questions: readonly CheckinQuestion[],
  drafts: Readonly<Record<string, Draft>>,
  check: typeof checkAnswers | null,
): { answers: CheckinAnswer[]; errors: Record<string, string> } {
  const answers: CheckinAnswer[] = [];
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const draft = drafts[question.id] ?? emptyDraft(question);
    const answer = answerOf(question, draft);
    if (typeof answer === "string") errors[question.id] = answer;
    else if (answer) answers.push({ questionId: question.id, answer });
  }
  // The server's check as well, so every question still to do is marked at once (a draft's own
  // sentence comes first: its question is left out of the answers checked).
  const checked = check?.(questions, answers) ?? { issues: [] };
  for (const issue of checked.issues) if (issue.questionId) errors[issue.questionId] ??= issue.message;
  if (Object.keys(errors).length === 0) return { answers, errors };
  // In the form's order, so the first sentence is the one for the first question to do.
  const inOrder: Record<string, string> = {};
  for (const question of questions) if (errors[question.id]) inOrder[question.id] = errors[question.id]!;
  return { answers: [], errors: inOrder };
}

/** The answer of one draft; null when left empty; a sentence when it cannot be sent as it is. */
function answerOf(question: CheckinQuestion, draft: Draft): CheckinAnswer["answer"] | null | string {
  switch (draft.kind) {
    case "scale":
      return draft.value === null ? null : { kind: "scale", value: draft.value };
    case "choice":
      return draft.value === null ? null : { kind: "choice", value: draft.value };
    case "yes_no": {
      if (draft.value === null) return null;
      const detail = draft.value && asksDetail(question) ? draft.detail.trim() : "";
      return detail ? { kind: "yes_no", value: draft.value, detail } : { kind: "yes_no", value: draft.value };
    }
    case "number": {
      const text = draft.text.trim().replace(",", ".");
      if (text === "") return null;
      const value = Number(text);
      return Number.isFinite(value) ? { kind: "number", value } : "Enter a number.";
    }
    case "text":
      return draft.value.trim() === "" ? null : { kind: "text", value: draft.value.trim() };
    case "pain_map": {
      const unscored = draft.marks.find((m) => m.score === null);
      if (unscored) return `Pick how much your ${describePainPlace(unscored.place, unscored.side)} hurts, from 0 to 10.`;
      return { kind: "pain_map", value: draft.marks.map((m) => ({ place: m.place, side: m.side, score: m.score ?? 0 })) };
    }
  }
}
