import { z } from "zod";
import {
  MAX_CHOICES,
  MAX_CHOICE_LENGTH,
  MAX_PROMPT_LENGTH,
  MAX_UNIT_LENGTH,
  PAIN_PLACES,
  type FormKind,
  type QuestionKind,
  type QuestionOptions,
} from "./vocabulary";

// What a trainer sends when they write the studio's questionnaires: a form's title, and each
// question with what its kind needs. Shared by the router (which validates) and the editor
// (which shows each message beside its field).

export const MAX_FORM_TITLE_LENGTH = 80;
export const MAX_FORM_DESCRIPTION_LENGTH = 300;
export const MAX_HELP_LENGTH = 300;
export const MAX_SCALE_LABEL_LENGTH = 30;
/** The numbers a client can answer (answers.ts refuses beyond them), so a range fits inside. */
export const MAX_NUMBER_BOUND = 1_000_000;

const scaleLabel = (end: string) =>
  z
    .string({ error: `Write the label of ${end} as text.` })
    .trim()
    .max(MAX_SCALE_LABEL_LENGTH, { error: `Keep the label of ${end} under ${MAX_SCALE_LABEL_LENGTH} characters.` })
    .default("");

const bound = (which: string) =>
  z
    .number({ error: `Enter the ${which} as a number.` })
    .finite({ error: `Enter the ${which} as a number.` })
    .min(-MAX_NUMBER_BOUND, { error: `Keep the ${which} between -${MAX_NUMBER_BOUND} and ${MAX_NUMBER_BOUND}.` })
    .max(MAX_NUMBER_BOUND, { error: `Keep the ${which} between -${MAX_NUMBER_BOUND} and ${MAX_NUMBER_BOUND}.` });

const choiceText = z
  .string({ error: "Write each choice as text." })
  .trim()
  .min(1, { error: "Write each choice, or remove the empty one." })
  .max(MAX_CHOICE_LENGTH, { error: `Keep each choice under ${MAX_CHOICE_LENGTH} characters.` });

/** What each kind of question needs beyond its prompt: exactly `QuestionOptions`. */
export const questionOptionsInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("scale"), minLabel: scaleLabel("0"), maxLabel: scaleLabel("10") }),
    z.object({
      kind: z.literal("choice"),
      choices: z
        .array(choiceText, { error: "List the choices the client picks from." })
        .min(2, { error: "Give at least two choices to pick from." })
        .max(MAX_CHOICES, { error: `Give at most ${MAX_CHOICES} choices.` })
        .refine((choices) => new Set(choices.map((c) => c.toLowerCase())).size === choices.length, { error: "Make each choice different from the others." }),
    }),
    z.object({ kind: z.literal("yes_no"), askDetailOnYes: z.boolean({ error: "Say whether a yes asks for details." }).default(false) }),
    z
      .object({
        kind: z.literal("number"),
        unit: z
          .string({ error: "Write the unit as text." })
          .trim()
          .min(1, { error: "Write the unit of the number (kg, hours, bpm…)." })
          .max(MAX_UNIT_LENGTH, { error: `Keep the unit under ${MAX_UNIT_LENGTH} characters.` }),
        min: bound("lowest answer"),
        max: bound("highest answer"),
        decimals: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: "Allow 0, 1 or 2 decimals." }),
      })
      .refine((o) => o.min < o.max, { error: "Make the highest answer larger than the lowest.", path: ["max"] }),
    z.object({ kind: z.literal("text") }),
    z.object({
      kind: z.literal("pain_map"),
      places: z
        .array(z.enum(PAIN_PLACES, { error: "Pick places from the body map." }), { error: "Pick the places the body map shows." })
        .min(1, { error: "Pick at least one place for the body map." })
        .max(PAIN_PLACES.length, { error: "Pick each place once." })
        .refine((places) => new Set(places).size === places.length, { error: "Pick each place once." }),
    }),
  ],
  { error: "Pick what kind of question it is." },
);

/** One question as the trainer writes it; its kind is its options' kind. */
export const questionInput = z
  .object({
    prompt: z
      .string({ error: "Write the question." })
      .trim()
      .min(1, { error: "Write the question." })
      .max(MAX_PROMPT_LENGTH, { error: `Keep the question under ${MAX_PROMPT_LENGTH} characters.` }),
    help: z.string({ error: "Write the help as text." }).trim().max(MAX_HELP_LENGTH, { error: `Keep the help under ${MAX_HELP_LENGTH} characters.` }).default(""),
    isRequired: z.boolean({ error: "Say whether the question must be answered." }).default(true),
    isRedFlag: z.boolean({ error: "Say whether a yes is a red flag." }).default(false),
    options: questionOptionsInput,
  })
  .refine((q) => !q.isRedFlag || q.options.kind === "yes_no", { error: "Only a yes-or-no question can be a red flag; make it yes or no, or untick red flag.", path: ["isRedFlag"] });
export type QuestionInput = z.input<typeof questionInput>;
export type QuestionFields = z.output<typeof questionInput>;

/** A red flag holds the client's programme until the trainer clears it, which only the intake does. */
export const RED_FLAG_ONLY_ON_INTAKE = "Only the health questionnaire can have red flags; untick red flag for a check-in question.";

// A question fits the form it is on: red flags belong to the intake (a "yes" there holds the programme); null when it fits.
export function questionFitsForm(formKind: FormKind, question: Pick<QuestionFields, "isRedFlag">): { field: string; message: string } | null {
  if (question.isRedFlag && formKind !== "intake") return { field: "question.isRedFlag", message: RED_FLAG_ONLY_ON_INTAKE };
  return null;
}

/** The kind of a written question. */
export const kindOf = (question: { options: QuestionOptions }): QuestionKind => question.options.kind;

/** Whether two questions ask for the same kind of answer the same way (their answers compare). */
export function sameAnswerShape(a: QuestionOptions, b: QuestionOptions): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const formInput = z.object({
  title: z
    .string({ error: "Give the form a title." })
    .trim()
    .min(1, { error: "Give the form a title." })
    .max(MAX_FORM_TITLE_LENGTH, { error: `Keep the title under ${MAX_FORM_TITLE_LENGTH} characters.` }),
  description: z
    .string({ error: "Write the description as text." })
    .trim()
    .max(MAX_FORM_DESCRIPTION_LENGTH, { error: `Keep the description under ${MAX_FORM_DESCRIPTION_LENGTH} characters.` })
    .default(""),
});
export type FormInput = z.input<typeof formInput>;
export type FormFields = z.output<typeof formInput>;

const formId = z.uuid({ error: "Pick a form from the list." });
const questionId = z.uuid({ error: "Pick a question of the form." });

export const formIdInput = z.object({ formId });
export const updateFormInput = z.object({ formId, form: formInput });
export const addQuestionInput = z.object({ formId, question: questionInput });
export const updateQuestionInput = z.object({ questionId, question: questionInput });
export const questionIdInput = z.object({ questionId });
export const moveQuestionInput = z.object({ questionId, direction: z.enum(["up", "down"], { error: "Move the question up or down." }) });
