import { z } from "zod";

import { masteryRuleInput } from "./mastery";
import { MAX_NOTES_LENGTH, MAX_SETS, prescriptionInput, validatePrescriptionForMeasure } from "@/lib/drills/prescription";
import { drillLevels, measureKinds } from "@/lib/drills/vocabulary";
import { PAIN_CONDITION_LIMITS, PAIN_PLACES } from "@/lib/checkins/vocabulary";

/**
 * What trainers submit for drills, programs and assignments: shared by the routers (which
 * validate) and the forms (which show each message beside its field).
 */

export const idOf = (what: string) => z.uuid({ error: `Pick ${what} from the list.` });

const lines = (what: string, max: number, maxItems: number) =>
  z
    .array(z.string().trim().min(1).max(max, { error: `Keep each ${what} under ${max} characters.` }), {
      error: `Write the ${what}s as a list.`,
    })
    .max(maxItems, { error: `Keep it to ${maxItems} ${what}s or fewer.` });

export const equipmentInput = z.object({
  name: z.string().trim().min(1, { error: "Name each piece of equipment." }).max(80, { error: "Keep equipment names under 80 characters." }),
  isOptional: z.boolean().default(false),
  note: z.string().trim().max(200, { error: "Keep equipment notes under 200 characters." }).default(""),
});

/** A default prescription: the prescription of an assignment without its dates. */
export const prescriptionDefaultsInput = z
  .object({
    sets: z
      .number({ error: `Enter the number of sets as a whole number from 1 to ${MAX_SETS}.` })
      .int({ error: `Enter the number of sets as a whole number from 1 to ${MAX_SETS}.` })
      .min(1, { error: `Enter the number of sets as a whole number from 1 to ${MAX_SETS}.` })
      .max(MAX_SETS, { error: `Enter the number of sets as a whole number from 1 to ${MAX_SETS}.` }),
    targetPerSide: prescriptionInput.shape.targetPerSide,
    repMin: prescriptionInput.shape.repMin,
    repMax: prescriptionInput.shape.repMax,
    schedule: prescriptionInput.shape.schedule,
    notes: z.string().trim().max(MAX_NOTES_LENGTH, { error: `Keep the notes under ${MAX_NOTES_LENGTH} characters.` }).optional(),
  })
  .superRefine((value, ctx) => {
    // The same cross-field rules as a dated prescription; a fixed date pair stands in.
    const dated = prescriptionInput.safeParse({ ...value, startDate: "2000-01-01", endDate: null });
    if (dated.success) return;
    for (const issue of dated.error.issues) {
      if (issue.code === "custom") ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
  });

const urlInput = z
  .string()
  .trim()
  .max(500, { error: "Keep the video link under 500 characters." })
  .refine((value) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), { error: "Enter a web link starting with https://, or leave it empty." });

export const drillFieldsInput = z
  .object({
    name: z.string({ error: "Give the drill a name." }).trim().min(1, { error: "Give the drill a name." }).max(80, { error: "Keep the name under 80 characters." }),
    purpose: z.string().trim().max(600, { error: "Keep the purpose under 600 characters." }).default(""),
    steps: lines("step", 300, 20).min(1, { error: "Write at least one step." }),
    cues: lines("cue", 200, 20).default([]),
    equipment: z.array(equipmentInput).max(10, { error: "List at most 10 pieces of equipment." }).default([]),
    level: z.enum(drillLevels, { error: "Pick a level: foundation, intermediate or advanced." }),
    measure: z.enum(measureKinds, { error: "Pick how the drill is measured." }),
    perSide: z.boolean({ error: "Say whether the drill is done on each side." }),
    recordsContactFeel: z.boolean().default(false),
    videoUrl: urlInput.nullable().default(null),
    defaultPrescription: prescriptionDefaultsInput,
  })
  .superRefine((value, ctx) => {
    if (!value.defaultPrescription) return;
    for (const issue of validatePrescriptionForMeasure(value.measure, value.defaultPrescription)) {
      ctx.addIssue({ code: "custom", message: issue.message, path: ["defaultPrescription", ...issue.path] });
    }
  });
export type DrillFieldsInput = z.input<typeof drillFieldsInput>;
export type DrillFields = z.output<typeof drillFieldsInput>;

export const drillIdInput = z.object({ drillId: idOf("a drill") });
export const updateDrillInput = z.object({ drillId: idOf("a drill"), drill: drillFieldsInput });
export const listDrillsInput = z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });

const { maxScore, checkins } = PAIN_CONDITION_LIMITS;
const maxScoreMessage = `Enter the highest pain allowed as a whole number from ${maxScore.min} to ${maxScore.max}.`;
const checkinsMessage = `Enter how many of the last check-ins count as a whole number from ${checkins.min} to ${checkins.max}.`;

/** "And pain at the drill's places ≤ 2 on each side in the last 5 check-ins"; null: no pain condition. */
export const painConditionInput = z.object({
  maxScore: z.number({ error: maxScoreMessage }).int({ error: maxScoreMessage }).min(maxScore.min, { error: maxScoreMessage }).max(maxScore.max, { error: maxScoreMessage }),
  checkins: z.number({ error: checkinsMessage }).int({ error: checkinsMessage }).min(checkins.min, { error: checkinsMessage }).max(checkins.max, { error: checkinsMessage }),
});

/** "Master this drill first, by this rule"; `requiresDrillId: null` removes the prerequisite. */
export const setPrerequisiteInput = z.object({
  drillId: idOf("a drill"),
  requiresDrillId: idOf("the drill to master first").nullable(),
  rule: masteryRuleInput,
  painCondition: painConditionInput.nullable().default(null),
});

/** The places a drill loads (pain there pauses it); an empty list: none. */
export const setDrillPainPlacesInput = z.object({
  drillId: idOf("a drill"),
  places: z
    .array(z.enum(PAIN_PLACES, { error: "Tick the places from the list." }), { error: "Tick the places from the list." })
    .max(PAIN_PLACES.length, { error: "Tick each place once." })
    .refine((places) => new Set(places).size === places.length, { error: "Tick each place once." }),
});

export const programItemInput = z.object({
  drillId: idOf("a drill"),
  prescription: prescriptionDefaultsInput,
});

export const createProgramInput = z.object({
  name: z.string({ error: "Give the program a name." }).trim().min(1, { error: "Give the program a name." }).max(80, { error: "Keep the name under 80 characters." }),
  description: z.string().trim().max(600, { error: "Keep the description under 600 characters." }).default(""),
  items: z.array(programItemInput).min(1, { error: "Add at least one drill to the program." }).max(20, { error: "Keep a program to 20 drills or fewer." }),
});
export type CreateProgramInput = z.input<typeof createProgramInput>;

export const updateProgramInput = createProgramInput.extend({ programId: idOf("a program") });

export const programIdInput = z.object({ programId: idOf("a program") });

export const applyProgramInput = z.object({
  programId: idOf("a program"),
  clientIds: z
    .array(idOf("a client"), { error: "Pick at least one client." })
    .min(1, { error: "Pick at least one client." })
    .max(100, { error: "Apply a program to at most 100 clients at a time." }),
  startDate: prescriptionInput.shape.startDate,
});

export const createAssignmentInput = z.object({
  clientId: idOf("a client"),
  drillId: idOf("a drill"),
  prescription: prescriptionInput,
});
export type CreateAssignmentInput = z.input<typeof createAssignmentInput>;

export const assignmentIdInput = z.object({ assignmentId: idOf("an assignment") });
export const changeAssignmentInput = z.object({ assignmentId: idOf("an assignment"), prescription: prescriptionInput });
export const setAssignmentStatusInput = z.object({
  assignmentId: idOf("an assignment"),
  action: z.enum(["pause", "resume", "end"], { error: "Pick pause, resume or end." }),
});

export const clientDrillInput = z.object({ clientId: idOf("a client"), drillId: idOf("a drill") });
export const overrideLockInput = clientDrillInput.extend({
  reason: z
    .string({ error: "Say why you are unlocking this drill early, e.g. 'Cleared by physio, strong balance'." })
    .trim()
    .min(3, { error: "Say why you are unlocking this drill early, e.g. 'Cleared by physio, strong balance'." })
    .max(500, { error: "Keep the reason under 500 characters." }),
});
