import { PAIN_PLACES, type CheckinCadence, type FormKind, type QuestionKind, type QuestionOptions } from "@/lib/checkins/vocabulary";

// The questionnaires every studio starts from, edited afterwards like the studio's own. The
// intake is in the spirit of the PAR-Q (the Physical Activity Readiness Questionnaire): a
// "yes" to any of its health questions means a professional should look before training
// starts, so each of them is a red flag that holds the programme until the trainer clears it.

export type BuiltInQuestion = {
  kind: QuestionKind;
  prompt: string;
  help?: string;
  options: QuestionOptions;
  isRequired?: boolean;
  isRedFlag?: boolean;
};

export type BuiltInForm = {
  key: string;
  kind: FormKind;
  title: string;
  description: string;
  /** How a schedule made from this form starts (the trainer picks the clients). */
  suggested?: { cadence: CheckinCadence; weekday: number | null; atTime: string };
  questions: BuiltInQuestion[];
};

const redFlag = (prompt: string, askDetailOnYes = false): BuiltInQuestion => ({ kind: "yes_no", prompt, options: { kind: "yes_no", askDetailOnYes }, isRedFlag: true });

/** Pain by place and side over every running place, scored 0–10; empty = nothing hurts. */
const painNow = (prompt: string): BuiltInQuestion => ({
  kind: "pain_map",
  prompt,
  help: "0 is no pain, 10 the worst you can imagine. Leave it empty if nothing hurts.",
  options: { kind: "pain_map", places: [...PAIN_PLACES] },
});

export const INTAKE_FORM: BuiltInForm = {
  key: "health-intake",
  kind: "intake",
  title: "Health questions before you start",
  description: "A few questions your coach reads before your first drill. If you answer yes to any, your coach will look at it with you before you start.",
  questions: [
    redFlag("Has a doctor ever said that you have a heart condition, or high blood pressure?"),
    redFlag("Do you feel pain in your chest at rest, during daily activities, or when you exercise?"),
    redFlag("Do you lose your balance because of dizziness, or have you lost consciousness in the last 12 months?"),
    redFlag("Do you have a bone, joint or soft-tissue problem (back, hip, knee, ankle…) that more activity could make worse?", true),
    redFlag("Do you take medication for a long-term condition, such as your heart or blood pressure?", true),
    redFlag("Are you pregnant, or have you given birth in the last six months?"),
    redFlag("Has a doctor said you should not exercise, or only under medical supervision?", true),
    painNow("Any injury or pain right now? Mark where, which side, and how much."),
    { kind: "text", prompt: "Anything else your coach should know?", options: { kind: "text" }, isRequired: false },
  ],
};

export const MORNING_FORM: BuiltInForm = {
  key: "morning-check-in",
  kind: "checkin",
  title: "Morning check-in",
  description: "How your body answers the training: a few taps each morning, before the day's drills.",
  suggested: { cadence: "daily", weekday: null, atTime: "07:00" },
  questions: [
    { kind: "scale", prompt: "How do you feel this morning?", options: { kind: "scale", minLabel: "Awful", maxLabel: "Great" } },
    { kind: "scale", prompt: "How well did you sleep?", options: { kind: "scale", minLabel: "Badly", maxLabel: "Very well" } },
    painNow("Any pain this morning? Mark where, which side, and how much."),
    { kind: "text", prompt: "Anything else?", options: { kind: "text" }, isRequired: false },
  ],
};

export const WEEKLY_FORM: BuiltInForm = {
  key: "weekly-review",
  kind: "checkin",
  title: "Weekly review",
  description: "A look back at the week, for planning the next one.",
  suggested: { cadence: "weekly", weekday: 7, atTime: "18:00" },
  questions: [
    { kind: "scale", prompt: "How well did your body cope with this week's training?", options: { kind: "scale", minLabel: "Badly", maxLabel: "Very well" } },
    { kind: "choice", prompt: "The drills this week felt", options: { kind: "choice", choices: ["Too easy", "About right", "Too hard"] } },
    { kind: "number", prompt: "How many hours did you sleep on a usual night?", options: { kind: "number", unit: "h", min: 0, max: 24, decimals: 1 } },
    { kind: "yes_no", prompt: "Any new niggle or pain this week?", options: { kind: "yes_no", askDetailOnYes: true } },
    { kind: "text", prompt: "What should your coach know for next week?", options: { kind: "text" }, isRequired: false },
  ],
};

export const BUILT_IN_FORMS: readonly BuiltInForm[] = [INTAKE_FORM, MORNING_FORM, WEEKLY_FORM];
