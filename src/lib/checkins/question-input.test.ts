import { describe, expect, it } from "vitest";
import { formInput, questionFitsForm, questionInput, RED_FLAG_ONLY_ON_INTAKE, sameAnswerShape } from "./question-input";
import { MAX_CHOICES, MAX_PROMPT_LENGTH, PAIN_PLACES } from "./vocabulary";

/** The first message of a refused input, with the path it belongs to; null when accepted. */
function refusal(input: unknown) {
  const result = questionInput.safeParse(input);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { path: issue.path.join("."), message: issue.message };
}

const base = { prompt: "How do you feel?", help: "", isRequired: true, isRedFlag: false };

describe("a question as the trainer writes it", () => {
  it.each([
    ["a scale with labels", { kind: "scale", minLabel: "Awful", maxLabel: "Great" }],
    ["a scale without labels", { kind: "scale" }],
    ["two choices", { kind: "choice", choices: ["Easy", "Hard"] }],
    [`${MAX_CHOICES} choices`, { kind: "choice", choices: Array.from({ length: MAX_CHOICES }, (_, i) => `Choice ${i + 1}`) }],
    ["a yes or no", { kind: "yes_no", askDetailOnYes: true }],
    ["a number with a unit", { kind: "number", unit: "kg", min: 30, max: 200, decimals: 1 }],
    ["a negative range", { kind: "number", unit: "°C", min: -20, max: -1, decimals: 0 }],
    ["short text", { kind: "text" }],
    ["a pain map of one place", { kind: "pain_map", places: ["knee"] }],
    ["a pain map of every place", { kind: "pain_map", places: [...PAIN_PLACES] }],
  ])("accepts %s", (_name, options) => {
    expect(refusal({ ...base, options })).toBeNull();
  });

  it.each([
    ["no prompt", { ...base, prompt: "   ", options: { kind: "text" } }, "prompt", "Write the question."],
    ["a prompt too long", { ...base, prompt: "x".repeat(MAX_PROMPT_LENGTH + 1), options: { kind: "text" } }, "prompt", `Keep the question under ${MAX_PROMPT_LENGTH} characters.`],
    ["help too long", { ...base, help: "x".repeat(301), options: { kind: "text" } }, "help", "Keep the help under 300 characters."],
    ["an unknown kind", { ...base, options: { kind: "essay" } }, "options.kind", "Pick what kind of question it is."],
    ["one choice", { ...base, options: { kind: "choice", choices: ["Only"] } }, "options.choices", "Give at least two choices to pick from."],
    ["too many choices", { ...base, options: { kind: "choice", choices: Array.from({ length: MAX_CHOICES + 1 }, (_, i) => `C${i}`) } }, "options.choices", `Give at most ${MAX_CHOICES} choices.`],
    ["an empty choice", { ...base, options: { kind: "choice", choices: ["Easy", " "] } }, "options.choices.1", "Write each choice, or remove the empty one."],
    ["the same choice twice", { ...base, options: { kind: "choice", choices: ["Easy", "easy "] } }, "options.choices", "Make each choice different from the others."],
    ["a number without a unit", { ...base, options: { kind: "number", unit: "", min: 0, max: 10, decimals: 0 } }, "options.unit", "Write the unit of the number (kg, hours, bpm…)."],
    ["a unit too long", { ...base, options: { kind: "number", unit: "kilograms-ish", min: 0, max: 10, decimals: 0 } }, "options.unit", "Keep the unit under 12 characters."],
    ["min equal to max", { ...base, options: { kind: "number", unit: "kg", min: 10, max: 10, decimals: 0 } }, "options.max", "Make the highest answer larger than the lowest."],
    ["min above max", { ...base, options: { kind: "number", unit: "kg", min: 20, max: 10, decimals: 0 } }, "options.max", "Make the highest answer larger than the lowest."],
    ["three decimals", { ...base, options: { kind: "number", unit: "kg", min: 0, max: 10, decimals: 3 } }, "options.decimals", "Allow 0, 1 or 2 decimals."],
    ["a bound out of range", { ...base, options: { kind: "number", unit: "kg", min: 0, max: 1e9, decimals: 0 } }, "options.max", "Keep the highest answer between -1000000 and 1000000."],
    ["an infinite bound", { ...base, options: { kind: "number", unit: "kg", min: -Infinity, max: 1, decimals: 0 } }, "options.min", "Enter the lowest answer as a number."],
    ["a pain map of no place", { ...base, options: { kind: "pain_map", places: [] } }, "options.places", "Pick at least one place for the body map."],
    ["a pain map with an unknown place", { ...base, options: { kind: "pain_map", places: ["elbow"] } }, "options.places.0", "Pick places from the body map."],
    ["a pain map naming a place twice", { ...base, options: { kind: "pain_map", places: ["knee", "knee"] } }, "options.places", "Pick each place once."],
    ["a red flag on a scale", { ...base, isRedFlag: true, options: { kind: "scale" } }, "isRedFlag", "Only a yes-or-no question can be a red flag; make it yes or no, or untick red flag."],
  ])("refuses %s with a sentence", (_name, input, path, message) => {
    expect(refusal(input)).toEqual({ path, message });
  });

  it("trims what it keeps and fills the defaults", () => {
    expect(questionInput.parse({ prompt: "  Weight? ", options: { kind: "choice", choices: [" A ", "B"] } })).toEqual({
      prompt: "Weight?",
      help: "",
      isRequired: true,
      isRedFlag: false,
      options: { kind: "choice", choices: ["A", "B"] },
    });
  });
});

describe("a question on its form", () => {
  it.each([
    ["intake", true, null],
    ["intake", false, null],
    ["checkin", false, null],
    ["checkin", true, { field: "question.isRedFlag", message: RED_FLAG_ONLY_ON_INTAKE }],
  ] as const)("on a %s form, red flag %s", (kind, isRedFlag, expected) => {
    expect(questionFitsForm(kind, { isRedFlag })).toEqual(expected);
  });
});

describe("whether a change keeps the answers comparable", () => {
  it.each([
    ["the same options in another key order", { kind: "number", unit: "kg", min: 0, max: 9, decimals: 0 }, { decimals: 0, max: 9, min: 0, unit: "kg", kind: "number" }, true],
    ["another unit", { kind: "number", unit: "kg", min: 0, max: 9, decimals: 0 }, { kind: "number", unit: "lb", min: 0, max: 9, decimals: 0 }, false],
    ["another kind", { kind: "text" }, { kind: "yes_no", askDetailOnYes: false }, false],
    ["choices in another order", { kind: "choice", choices: ["A", "B"] }, { kind: "choice", choices: ["B", "A"] }, false],
  ] as const)("%s", (_name, a, b, same) => {
    expect(sameAnswerShape(a as never, b as never)).toBe(same);
  });
});

describe("a form as the trainer writes it", () => {
  it.each([
    [{ title: "Pre-race check" }, null],
    [{ title: " " }, "Give the form a title."],
    [{ title: "x".repeat(81) }, "Keep the title under 80 characters."],
    [{ title: "Ok", description: "x".repeat(301) }, "Keep the description under 300 characters."],
  ])("%j", (input, message) => {
    const result = formInput.safeParse(input);
    expect(result.success ? null : result.error.issues[0]!.message).toBe(message);
  });
});
