import { describe, expect, it } from "vitest";
import { checkAnswers } from "@/lib/checkins/answers";
import type { CheckinQuestion } from "@/lib/checkins/vocabulary";
import { answersFromDrafts, markName, type Draft } from "./answer-drafts";

const q = (id: string, kind: CheckinQuestion["kind"], options: CheckinQuestion["options"], isRequired = true): CheckinQuestion => ({ id, kind, prompt: `Question ${id}`, help: "", options, isRequired, isRedFlag: false });

const FEEL = q("00000000-0000-4000-8000-000000000001", "scale", { kind: "scale", minLabel: "Awful", maxLabel: "Great" });
const PAIN = q("00000000-0000-4000-8000-000000000002", "pain_map", { kind: "pain_map", places: ["knee", "shin"] });
const WEIGHT = q("00000000-0000-4000-8000-000000000003", "number", { kind: "number", unit: "kg", min: 30, max: 200, decimals: 1 });
const SWOLLEN = q("00000000-0000-4000-8000-000000000004", "yes_no", { kind: "yes_no", askDetailOnYes: true });
const NOTE = q("00000000-0000-4000-8000-000000000005", "text", { kind: "text" }, false);
const FORM = [FEEL, PAIN, WEIGHT, SWOLLEN, NOTE];
// As the form calls it once its rules have loaded.
const fromDrafts = (questions: readonly CheckinQuestion[], drafts: Record<string, Draft>) => answersFromDrafts(questions, drafts, checkAnswers);

const filled = (over: Record<string, Draft> = {}): Record<string, Draft> => ({
  [FEEL.id]: { kind: "scale", value: 7 },
  [WEIGHT.id]: { kind: "number", text: "71,5" },
  [SWOLLEN.id]: { kind: "yes_no", value: true, detail: " A little, left ankle " },
  ...over,
});

describe("the answer form's drafts become the answers sent", () => {
  it("sends a filled form: nothing marked on the body map is 'nothing hurts', an empty optional note is left out", () => {
    expect(fromDrafts(FORM, filled())).toEqual({
      answers: [
        { questionId: FEEL.id, answer: { kind: "scale", value: 7 } },
        { questionId: PAIN.id, answer: { kind: "pain_map", value: [] } },
        { questionId: WEIGHT.id, answer: { kind: "number", value: 71.5 } },
        { questionId: SWOLLEN.id, answer: { kind: "yes_no", value: true, detail: "A little, left ankle" } },
      ],
      errors: {},
    });
  });

  it("sends each marked place with its score", () => {
    const { answers } = fromDrafts(FORM, filled({ [PAIN.id]: { kind: "pain_map", marks: [{ place: "knee", side: "left", score: 4 }, { place: "shin", side: "right", score: 0 }] } }));
    expect(answers[1]).toEqual({ questionId: PAIN.id, answer: { kind: "pain_map", value: [{ place: "knee", side: "left", score: 4 }, { place: "shin", side: "right", score: 0 }] } });
  });

  it("says what is still to do, per question, in the server's words", () => {
    const { answers, errors } = fromDrafts(FORM, {
      [PAIN.id]: { kind: "pain_map", marks: [{ place: "knee", side: "left", score: null }] },
      [WEIGHT.id]: { kind: "number", text: "seventy" },
    });
    expect(answers).toEqual([]);
    // Every question still to do at once: the drafts' own sentences and the unanswered ones.
    expect(Object.keys(errors)).toEqual([FEEL.id, PAIN.id, WEIGHT.id, SWOLLEN.id]);
    expect(errors).toEqual({
      [FEEL.id]: `Answer "Question ${FEEL.id}".`,
      [PAIN.id]: "Pick how much your left knee hurts, from 0 to 10.",
      [WEIGHT.id]: "Enter a number.",
      [SWOLLEN.id]: `Answer "Question ${SWOLLEN.id}".`,
    });
    expect(fromDrafts(FORM, filled({ [WEIGHT.id]: { kind: "number", text: "250" } })).errors).toEqual({ [WEIGHT.id]: "Enter a number from 30 to 200 kg." });
    expect(fromDrafts(FORM, filled({ [FEEL.id]: { kind: "scale", value: null } })).errors).toEqual({ [FEEL.id]: 'Answer "Question 00000000-0000-4000-8000-000000000001".' });
  });

  it("without the shared rules (never loaded, offline) says only what the drafts themselves can tell, and the server the rest", () => {
    const { answers, errors } = answersFromDrafts(FORM, filled({ [FEEL.id]: { kind: "scale", value: null }, [WEIGHT.id]: { kind: "number", text: "seventy" } }), null);
    expect(answers).toEqual([]);
    expect(errors).toEqual({ [WEIGHT.id]: "Enter a number." });
    expect(answersFromDrafts(FORM, filled({ [WEIGHT.id]: { kind: "number", text: "250" } }), null).errors).toEqual({});
  });

  it("drops the details of a 'no'", () => {
    const { answers } = fromDrafts(FORM, filled({ [SWOLLEN.id]: { kind: "yes_no", value: false, detail: "typed, then changed my mind" } }));
    expect(answers.find((a) => a.questionId === SWOLLEN.id)).toEqual({ questionId: SWOLLEN.id, answer: { kind: "yes_no", value: false } });
  });

  it("names a mark as the client reads it", () => {
    expect(markName("knee", "left")).toBe("Left knee");
    expect(markName("lower_back", "right")).toBe("Lower back (right)");
  });
});
