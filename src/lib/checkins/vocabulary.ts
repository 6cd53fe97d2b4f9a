// The words of check-ins and the health questionnaire, shared by the server, the forms and the
// charts. Places are the usual running places (the brief's drills load the leg from the foot to
// the lower back); each is asked per side, because left and right matter to runners.

export const PAIN_PLACES = ["foot", "ankle", "shin", "calf", "knee", "thigh", "hip", "lower_back"] as const;
export type PainPlace = (typeof PAIN_PLACES)[number];

export const PAIN_PLACE_LABELS: Record<PainPlace, string> = {
  foot: "Foot",
  ankle: "Ankle",
  shin: "Shin",
  calf: "Calf",
  knee: "Knee",
  thigh: "Thigh",
  hip: "Hip",
  lower_back: "Lower back",
};

export const PAIN_SIDES = ["left", "right"] as const;
export type PainSide = (typeof PAIN_SIDES)[number];

/** Pain is scored 0 (none) to 10 (the worst imaginable), the numeric rating scale physios use. */
export const PAIN_MAX = 10;

/** "left knee", "lower back (right)": how a place and side read in a sentence. */
export function describePainPlace(place: PainPlace, side: PainSide): string {
  return place === "lower_back" ? `lower back (${side})` : `${side} ${PAIN_PLACE_LABELS[place].toLowerCase()}`;
}

export const FORM_KINDS = ["intake", "checkin"] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const QUESTION_KINDS = ["scale", "choice", "yes_no", "number", "text", "pain_map"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  scale: "Scale 0–10",
  choice: "One of several choices",
  yes_no: "Yes or no",
  number: "A number with a unit",
  text: "Short text",
  pain_map: "Pain by place and side",
};

export const MAX_CHOICES = 8;
export const MAX_CHOICE_LENGTH = 60;
export const MAX_PROMPT_LENGTH = 200;
export const MAX_TEXT_ANSWER_LENGTH = 500;
export const MAX_UNIT_LENGTH = 12;
export const MAX_QUESTIONS_PER_FORM = 20;

/** What a question of each kind needs beyond its prompt (stored as `checkin_questions.options`). */
export type QuestionOptions =
  | { kind: "scale"; minLabel: string; maxLabel: string }
  | { kind: "choice"; choices: string[] }
  | { kind: "yes_no"; askDetailOnYes: boolean }
  | { kind: "number"; unit: string; min: number; max: number; decimals: 0 | 1 | 2 }
  | { kind: "text" }
  | { kind: "pain_map"; places: PainPlace[] };

/** One question as the client is shown it (a form's live questions, in order). */
export type CheckinQuestion = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  help: string;
  options: QuestionOptions;
  isRequired: boolean;
  /** Intake only: a "yes" holds the programme until the trainer has read and cleared it. */
  isRedFlag: boolean;
};

export const CHECKIN_CADENCES = ["daily", "weekly"] as const;
export type CheckinCadence = (typeof CHECKIN_CADENCES)[number];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WEEKDAY_LABELS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** One pain score at one place and side. A pain map lists only the places that hurt: absent = 0. */
export type PainScore = { place: PainPlace; side: PainSide; score: number };

/**
 * A prerequisite's pain condition (drill_prerequisites.pain_*): pain at the unlocked drill's
 * places at most `maxScore` (0–9) on each side in each of the last `checkins` (1–30) check-ins.
 */
export type PainCondition = { maxScore: number; checkins: number };
export const PAIN_CONDITION_LIMITS = { maxScore: { min: 0, max: 9 }, checkins: { min: 1, max: 30 } } as const;
