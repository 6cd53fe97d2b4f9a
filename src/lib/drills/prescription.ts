import { z } from "zod";

import { isValidLocalDate, type LocalDate } from "@/lib/local-date";
import {
  measureUnits,
  type MeasureKind,
  type Prescription,
  type PrescriptionDefaults,
} from "./vocabulary";
import { MAX_REPS, MAX_TARGET_PER_SIDE } from "./limits";

export const MAX_SETS = 20;
export const MAX_NOTES_LENGTH = 500;
export { MAX_REPS, MAX_TARGET_PER_SIDE };

const LARGEST_TARGET = Math.max(
  ...Object.values(MAX_TARGET_PER_SIDE).filter((max): max is number => max !== null),
);

const setsMessage = `Enter the number of sets as a whole number from 1 to ${MAX_SETS}.`;
const targetMessage = "Enter the target per side as a whole number above 0, or leave it empty.";
const repMinMessage = `Enter the lowest reps as a whole number from 1 to ${MAX_REPS}, or leave it empty.`;
const repMaxMessage = `Enter the highest reps as a whole number from 1 to ${MAX_REPS}, or leave it empty.`;
const startDateMessage = "Pick a start date.";
const endDateMessage = "Pick a valid end date, or leave it empty for no end.";

/** The exact words shown for the two cross-field rules, exported so UI tests can find them. */
export const prescriptionMessages = {
  repRangeOrder: "Make the lowest reps no more than the highest, e.g. 15–20.",
  repRangeIncomplete: "Enter both the lowest and the highest reps, or neither.",
  scheduleEmpty: "Pick daily, before each run, or both.",
  endBeforeStart: "Pick an end date on or after the start date.",
} as const;

const localDateField = (message: string) =>
  z.string({ error: message }).max(10, { error: message, abort: true }).refine(isValidLocalDate, { error: message });

const wholeNumber = (message: string, min: number, max: number) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

/**
 * A prescription as a trainer submits it. Checks that hold for every drill; what depends on
 * how the drill is measured is `validatePrescriptionForMeasure` (or `prescriptionInputFor`).
 * Optional numbers may be omitted and come out as `null`.
 */
export const prescriptionInput = z
  .object({
    sets: wholeNumber(setsMessage, 1, MAX_SETS),
    targetPerSide: wholeNumber(targetMessage, 1, LARGEST_TARGET).nullable().default(null),
    repMin: wholeNumber(repMinMessage, 1, MAX_REPS).nullable().default(null),
    repMax: wholeNumber(repMaxMessage, 1, MAX_REPS).nullable().default(null),
    schedule: z.object(
      {
        daily: z.boolean({ error: prescriptionMessages.scheduleEmpty }),
        beforeRun: z.boolean({ error: prescriptionMessages.scheduleEmpty }),
      },
      { error: prescriptionMessages.scheduleEmpty },
    ),
    startDate: localDateField(startDateMessage),
    endDate: localDateField(endDateMessage).nullable().default(null),
    notes: z
      .string({ error: "Write the notes as text." })
      .trim()
      .max(MAX_NOTES_LENGTH, { error: `Keep the notes under ${MAX_NOTES_LENGTH} characters.` })
      .optional(),
  })
  // Cross-field rules. zod still runs this when an unrelated field failed, so each check
  // first makes sure the fields it compares are themselves valid, to avoid double messages.
  .superRefine((value, ctx) => {
    const { repMin, repMax, schedule, startDate, endDate } = value;
    const isRep = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 1;
    if (isRep(repMin) && isRep(repMax) && repMin > repMax) {
      ctx.addIssue({ code: "custom", message: prescriptionMessages.repRangeOrder, path: ["repMax"] });
    }
    if ((repMin === null) !== (repMax === null)) {
      const path = repMin === null ? "repMin" : "repMax";
      ctx.addIssue({ code: "custom", message: prescriptionMessages.repRangeIncomplete, path: [path] });
    }
    if (schedule?.daily === false && schedule.beforeRun === false) {
      ctx.addIssue({ code: "custom", message: prescriptionMessages.scheduleEmpty, path: ["schedule"] });
    }
    if (
      typeof startDate === "string" &&
      typeof endDate === "string" &&
      isValidLocalDate(startDate) &&
      isValidLocalDate(endDate) &&
      endDate < startDate
    ) {
      ctx.addIssue({ code: "custom", message: prescriptionMessages.endBeforeStart, path: ["endDate"] });
    }
  });

export type PrescriptionInput = z.input<typeof prescriptionInput>;

export type PrescriptionIssue = {
  path: [keyof Prescription];
  message: string;
};

// A target, a rep range or neither, as the drill's measure allows: ranges are for reps, free drills take no number.
export function validatePrescriptionForMeasure(
  measure: MeasureKind,
  prescription: Pick<Prescription, "targetPerSide" | "repMin" | "repMax">,
): PrescriptionIssue[] {
  const issues: PrescriptionIssue[] = [];
  const { targetPerSide, repMin, repMax } = prescription;
  const hasRange = repMin !== null || repMax !== null;
  const max = MAX_TARGET_PER_SIDE[measure];

  if (measure === "free") {
    if (targetPerSide !== null) {
      issues.push({ path: ["targetPerSide"], message: "This drill is not counted; clear the target." });
    }
  } else if (max !== null && targetPerSide !== null && targetPerSide > max) {
    issues.push({
      path: ["targetPerSide"],
      message: `Set a target of at most ${max} ${measureUnits[measure].plural} per side.`,
    });
  }

  if (hasRange && measure !== "reps") {
    issues.push({
      path: [repMin !== null ? "repMin" : "repMax"],
      message: "A rep range only applies to drills counted in reps; clear it, or set a target instead.",
    });
  }
  if (hasRange && measure === "reps" && targetPerSide !== null) {
    // Two numbers for one set would leave the client guessing which one to aim for.
    issues.push({
      path: ["targetPerSide"],
      message: "Give either a fixed number of reps or a range such as 15–20, not both.",
    });
  }
  return issues;
}

/** `prescriptionInput` plus the rules of one measure, for forms that know the drill already. */
export function prescriptionInputFor(measure: MeasureKind) {
  return prescriptionInput.check((ctx) => {
    // Once a field already failed its own check, one message per mistake is enough.
    if (ctx.issues.length > 0) return;
    for (const issue of validatePrescriptionForMeasure(measure, ctx.value)) {
      ctx.issues.push({ code: "custom", message: issue.message, path: issue.path, input: ctx.value });
    }
  });
}

// A drill's or program's default prescription starts on the day it is assigned and, unless the trainer says otherwise, never ends.
export function prescriptionFromDefaults(
  defaults: PrescriptionDefaults,
  startDate: LocalDate,
  endDate: LocalDate | null = null,
): Prescription {
  return {
    ...defaults,
    schedule: { ...defaults.schedule },
    startDate,
    endDate,
  };
}

