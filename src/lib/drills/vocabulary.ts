import { z } from "zod";

import type { LocalDate } from "@/lib/local-date";
import type { PainCondition, PainPlace } from "@/lib/checkins/vocabulary";

/**
 * How a drill is measured. The brief measures each built-in differently:
 * Knee Drive by seconds held before balance goes, Back Rotations by reps,
 * Hopping by ground contacts. `distance_m` is for trainers' own drills (strides, bounds);
 * `free` is a drill that is done, not counted (a stretch, a breathing routine).
 */
export const measureKinds = ["hold_seconds", "reps", "contacts", "distance_m", "free"] as const;
export const measureKindSchema = z.enum(measureKinds);
export type MeasureKind = z.infer<typeof measureKindSchema>;

/** How the words for each measure read in messages and summaries ("30 s", "20 contacts"). */
export const measureUnits: Record<MeasureKind, { singular: string; plural: string; short: string }> = {
  hold_seconds: { singular: "second", plural: "seconds", short: "s" },
  reps: { singular: "rep", plural: "reps", short: "reps" },
  contacts: { singular: "contact", plural: "contacts", short: "contacts" },
  distance_m: { singular: "metre", plural: "metres", short: "m" },
  free: { singular: "time", plural: "times", short: "" },
};

/**
 * Hopping is judged by how briefly the foot stays down, which only the runner can feel:
 * a self-rating logged beside the contact count.
 */
export const contactFeels = ["short", "medium", "long"] as const;
export const contactFeelSchema = z.enum(contactFeels);
export type ContactFeel = z.infer<typeof contactFeelSchema>;

/** Which side a logged value belongs to; `both` is for drills not measured per side. */
export const sides = ["left", "right", "both"] as const;
export const sideSchema = z.enum(sides);
export type Side = z.infer<typeof sideSchema>;

/** Foundation drills come first; advanced ones (Hopping) sit behind a prerequisite. */
export const drillLevels = ["foundation", "intermediate", "advanced"] as const;
export const drillLevelSchema = z.enum(drillLevels);
export type DrillLevel = z.infer<typeof drillLevelSchema>;

/**
 * The two kinds of schedule in the brief: every day, and as part of the warm-up before a
 * run. One assignment can carry both (Back Rotations: daily and before each run).
 */
export const scheduleKinds = ["daily", "before_run"] as const;
export const scheduleKindSchema = z.enum(scheduleKinds);
export type ScheduleKind = z.infer<typeof scheduleKindSchema>;

export type Schedule = {
  daily: boolean;
  beforeRun: boolean;
};

/** An assignment is paused (injury, holiday) or ended without deleting its history. */
export const assignmentStatuses = ["active", "paused", "ended"] as const;
export const assignmentStatusSchema = z.enum(assignmentStatuses);
export type AssignmentStatus = z.infer<typeof assignmentStatusSchema>;

/**
 * What the trainer prescribes for one drill for one client.
 *
 * - `targetPerSide`: the number to reach on each side in one set (seconds, contacts, reps,
 *   metres). `null` means "as long as you can", e.g. Knee Drive: hold until balance goes.
 *   For drills not measured per side it is the target for the single set.
 * - `repMin`/`repMax`: a rep range such as 15–20; only for drills counted in reps, and
 *   never together with `targetPerSide`.
 * - `startDate`/`endDate`: client-local dates, both inclusive; `endDate` null = open-ended.
 */
export type Prescription = {
  sets: number;
  targetPerSide: number | null;
  repMin: number | null;
  repMax: number | null;
  schedule: Schedule;
  startDate: LocalDate;
  endDate: LocalDate | null;
  notes?: string;
};

/** A prescription before it is given dates: what a drill or program suggests by default. */
export type PrescriptionDefaults = Omit<Prescription, "startDate" | "endDate">;

/**
 * When a drill counts as mastered: at least `minValuePerSide` on BOTH sides (in the
 * drill's own measure) on `requiredDays` of the last `windowDays` local days, today included.
 */
export type MasteryRule = {
  minValuePerSide: number;
  requiredDays: number;
  windowDays: number;
};

/** Knee Drive mastered: a hold of at least 30 s each side on 5 of the last 7 days. */
export const DEFAULT_MASTERY_RULE: Readonly<MasteryRule> = Object.freeze({
  minValuePerSide: 30,
  requiredDays: 5,
  windowDays: 7,
});

/** The built-in Hopping's pain condition: pain ≤ 2 on each side in the last 5 check-ins. */
export const DEFAULT_PAIN_CONDITION: Readonly<PainCondition> = Object.freeze({ maxScore: 2, checkins: 5 });

/** "Master drill X (by this rule) before doing this one", as Hopping requires of Knee Drive. */
export type DrillPrerequisite = {
  drillSlug: string;
  masteryRule: MasteryRule;
  /** How the client must feel too (Hopping: pain ≤ 2 on each side in the last 5 check-ins). */
  painCondition?: PainCondition;
};

/** Something a drill uses, listed on its card. */
export type Equipment = {
  name: string;
  isOptional: boolean;
  /** Why it helps, shown beside the item. */
  note: string;
};

/** What a drill is, built in (src/server/drills/catalogue.ts) or a trainer's own. */
export type DrillDefinition = {
  slug: string;
  name: string;
  /** Why a runner does it, in a sentence or two. */
  purpose: string;
  /** Short imperative sentences, in order. */
  steps: readonly string[];
  /** What to keep in mind while doing it. */
  cues: readonly string[];
  equipment: readonly Equipment[];
  level: DrillLevel;
  measure: MeasureKind;
  perSide: boolean;
  /** Also log how short the ground contact felt (Hopping). */
  recordsContactFeel: boolean;
  defaultPrescription: PrescriptionDefaults;
  prerequisites: readonly DrillPrerequisite[];
  /** The places it loads: pain there pauses it, and a pain condition on its unlock reads them. */
  painPlaces: readonly PainPlace[];
  /** Position in the method: lower comes first. */
  order: number;
  /** A short label shown on the card, e.g. "The foundation"; null for none. */
  tagline: string | null;
};
