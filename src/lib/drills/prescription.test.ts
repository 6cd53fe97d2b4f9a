import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";

import {
  prescriptionFromDefaults,
  prescriptionInput,
  prescriptionInputFor,
  prescriptionMessages,
  validatePrescriptionForMeasure,
} from "./prescription";
import type { MeasureKind, Prescription } from "./vocabulary";

const valid = {
  sets: 1,
  targetPerSide: null,
  repMin: 15,
  repMax: 20,
  schedule: { daily: true, beforeRun: true },
  startDate: "2026-03-02",
  endDate: null,
};

function fieldErrors(input: unknown, schema: z.ZodType = prescriptionInput) {
  const result = schema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("prescriptionInput", () => {
  it("parses to a Prescription", () => {
    expectTypeOf<z.output<typeof prescriptionInput>>().toEqualTypeOf<Prescription>();
  });

  it("accepts a valid prescription and fills omitted optionals with null", () => {
    const parsed = prescriptionInput.parse({
      sets: 2,
      schedule: { daily: true, beforeRun: false },
      startDate: "2026-03-02",
      notes: "  slow and steady  ",
    });
    expect(parsed).toEqual({
      sets: 2,
      targetPerSide: null,
      repMin: null,
      repMax: null,
      schedule: { daily: true, beforeRun: false },
      startDate: "2026-03-02",
      endDate: null,
      notes: "slow and steady",
    });
  });

  it.each([
    { why: "one-day prescription", change: { endDate: "2026-03-02" } },
    { why: "equal rep bounds", change: { repMin: 15, repMax: 15 } },
    { why: "before-run only", change: { schedule: { daily: false, beforeRun: true } } },
    { why: "20 sets", change: { sets: 20 } },
    { why: "leap day", change: { startDate: "2028-02-29" } },
  ])("accepts: $why", ({ change }) => {
    expect(prescriptionInput.safeParse({ ...valid, ...change }).success).toBe(true);
  });

  it.each([
    { why: "rep range 25–15", change: { repMin: 25, repMax: 15 }, field: "repMax", message: prescriptionMessages.repRangeOrder },
    { why: "only the lowest reps", change: { repMin: 15, repMax: null }, field: "repMax", message: prescriptionMessages.repRangeIncomplete },
    { why: "only the highest reps", change: { repMin: null, repMax: 20 }, field: "repMin", message: prescriptionMessages.repRangeIncomplete },
    { why: "zero reps", change: { repMin: 0, repMax: 20 }, field: "repMin", message: "Enter the lowest reps as a whole number from 1 to 200, or leave it empty." },
    { why: "no schedule", change: { schedule: { daily: false, beforeRun: false } }, field: "schedule", message: prescriptionMessages.scheduleEmpty },
    { why: "schedule missing", change: { schedule: undefined }, field: "schedule", message: prescriptionMessages.scheduleEmpty },
    { why: "end before start", change: { endDate: "2026-03-01" }, field: "endDate", message: prescriptionMessages.endBeforeStart },
    { why: "0 sets", change: { sets: 0 }, field: "sets", message: "Enter the number of sets as a whole number from 1 to 20." },
    { why: "21 sets", change: { sets: 21 }, field: "sets", message: "Enter the number of sets as a whole number from 1 to 20." },
    { why: "1.5 sets", change: { sets: 1.5 }, field: "sets", message: "Enter the number of sets as a whole number from 1 to 20." },
    { why: "sets as text", change: { sets: "2" }, field: "sets", message: "Enter the number of sets as a whole number from 1 to 20." },
    { why: "negative target", change: { targetPerSide: -5 }, field: "targetPerSide", message: "Enter the target per side as a whole number above 0, or leave it empty." },
    { why: "zero target", change: { targetPerSide: 0 }, field: "targetPerSide", message: "Enter the target per side as a whole number above 0, or leave it empty." },
    { why: "30 February", change: { startDate: "2026-02-30" }, field: "startDate", message: "Pick a start date." },
    { why: "date with a time", change: { startDate: "2026-03-02T00:00:00Z" }, field: "startDate", message: "Pick a start date." },
    { why: "start date missing", change: { startDate: undefined }, field: "startDate", message: "Pick a start date." },
    { why: "bad end date", change: { endDate: "2026-13-01" }, field: "endDate", message: "Pick a valid end date, or leave it empty for no end." },
    { why: "long notes", change: { notes: "x".repeat(501) }, field: "notes", message: "Keep the notes under 500 characters." },
  ])("rejects $why on $field", ({ change, field, message }) => {
    expect(fieldErrors({ ...valid, ...change })).toEqual({ [field]: [message] });
  });

  it("reports a wrong rep range even when another field is wrong too", () => {
    expect(fieldErrors({ ...valid, repMin: 25, repMax: 15, sets: 0 })).toEqual({
      sets: ["Enter the number of sets as a whole number from 1 to 20."],
      repMax: [prescriptionMessages.repRangeOrder],
    });
  });
});

describe("validatePrescriptionForMeasure", () => {
  const none = { targetPerSide: null, repMin: null, repMax: null };
  it.each<{ measure: MeasureKind; p: { targetPerSide: number | null; repMin: number | null; repMax: number | null }; expected: string[] }>([
    { measure: "hold_seconds", p: none, expected: [] },
    { measure: "hold_seconds", p: { ...none, targetPerSide: 600 }, expected: [] },
    { measure: "hold_seconds", p: { ...none, targetPerSide: 601 }, expected: ["targetPerSide: Set a target of at most 600 seconds per side."] },
    { measure: "reps", p: { ...none, repMin: 15, repMax: 20 }, expected: [] },
    { measure: "reps", p: { ...none, targetPerSide: 200 }, expected: [] },
    { measure: "reps", p: { ...none, targetPerSide: 201 }, expected: ["targetPerSide: Set a target of at most 200 reps per side."] },
    {
      measure: "reps",
      p: { targetPerSide: 10, repMin: 15, repMax: 20 },
      expected: ["targetPerSide: Give either a fixed number of reps or a range such as 15–20, not both."],
    },
    { measure: "contacts", p: { ...none, targetPerSide: 500 }, expected: [] },
    { measure: "contacts", p: { ...none, targetPerSide: 501 }, expected: ["targetPerSide: Set a target of at most 500 contacts per side."] },
    {
      measure: "contacts",
      p: { ...none, repMin: 15, repMax: 20 },
      expected: ["repMin: A rep range only applies to drills counted in reps; clear it, or set a target instead."],
    },
    { measure: "distance_m", p: { ...none, targetPerSide: 10_000 }, expected: [] },
    { measure: "distance_m", p: { ...none, targetPerSide: 10_001 }, expected: ["targetPerSide: Set a target of at most 10000 metres per side."] },
    { measure: "free", p: none, expected: [] },
    { measure: "free", p: { ...none, targetPerSide: 1 }, expected: ["targetPerSide: This drill is not counted; clear the target."] },
  ])("$measure $p → $expected", ({ measure, p, expected }) => {
    const issues = validatePrescriptionForMeasure(measure, p);
    expect(issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual(expected);
  });
});

describe("prescriptionInputFor", () => {
  it("adds the measure's rules to the field errors", () => {
    expect(fieldErrors({ ...valid, repMin: 15, repMax: 20 }, prescriptionInputFor("hold_seconds"))).toEqual({
      repMin: ["A rep range only applies to drills counted in reps; clear it, or set a target instead."],
    });
    expect(fieldErrors({ ...valid, repMin: null, repMax: null, targetPerSide: 700 }, prescriptionInputFor("hold_seconds"))).toEqual({
      targetPerSide: ["Set a target of at most 600 seconds per side."],
    });
  });

  it("gives one message per mistake when a field already failed", () => {
    expect(fieldErrors({ ...valid, repMin: 25, repMax: 15 }, prescriptionInputFor("contacts"))).toEqual({
      repMax: [prescriptionMessages.repRangeOrder],
    });
  });

  it("accepts what the measure allows", () => {
    expect(prescriptionInputFor("reps").safeParse(valid).success).toBe(true);
  });
});

describe("prescriptionFromDefaults", () => {
  it("dates a default prescription without sharing its schedule object", () => {
    const defaults = { sets: 1, targetPerSide: 20, repMin: null, repMax: null, schedule: { daily: false, beforeRun: true } };
    const prescription = prescriptionFromDefaults(defaults, "2026-03-02");
    expect(prescription).toEqual({ ...defaults, startDate: "2026-03-02", endDate: null });
    expect(prescription.schedule).not.toBe(defaults.schedule);
    expect(prescriptionFromDefaults(defaults, "2026-03-02", "2026-03-29").endDate).toBe("2026-03-29");
  });
});
