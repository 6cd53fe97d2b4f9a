import { describe, expect, it } from "vitest";

import {
  backRotations,
  builtInDrills,
  hopping,
  kneeDrive,
  runnersFoundation,
} from "./catalogue";
import { masteryRuleInput } from "./mastery";
import { prescriptionFromDefaults, prescriptionInputFor } from "@/lib/drills/prescription";
import { DEFAULT_MASTERY_RULE } from "@/lib/drills/vocabulary";

describe("built-in drills", () => {
  it.each([
    { drill: kneeDrive, slug: "knee-drive", measure: "hold_seconds", level: "foundation", order: 1, schedule: { daily: true, beforeRun: false } },
    { drill: backRotations, slug: "back-rotations", measure: "reps", level: "foundation", order: 2, schedule: { daily: true, beforeRun: true } },
    { drill: hopping, slug: "hopping", measure: "contacts", level: "advanced", order: 3, schedule: { daily: false, beforeRun: true } },
  ])("$slug: $measure, $level, order $order", ({ drill, slug, measure, level, order, schedule }) => {
    expect(drill).toMatchObject({ slug, measure, level, order, perSide: true });
    expect(drill.defaultPrescription.sets).toBe(1);
    expect(drill.defaultPrescription.schedule).toEqual(schedule);
  });

  it("Knee Drive comes first and is the foundation: held until balance goes, no fixed target", () => {
    expect(builtInDrills[0]).toBe(kneeDrive);
    expect(kneeDrive.tagline).toBe("The foundation");
    expect(kneeDrive.defaultPrescription.targetPerSide).toBeNull();
  });

  it("Back Rotations: 15–20 reps each side, a broomstick optional", () => {
    expect(backRotations.defaultPrescription).toMatchObject({ repMin: 15, repMax: 20, targetPerSide: null });
    expect(backRotations.equipment).toEqual([expect.objectContaining({ name: "Broomstick", isOptional: true })]);
  });

  it("Hopping counts contacts, records how short they felt, and needs Knee Drive mastered by the default rule", () => {
    expect(hopping.recordsContactFeel).toBe(true);
    expect(hopping.defaultPrescription.targetPerSide).toBe(20);
    expect(hopping.prerequisites).toEqual([{ drillSlug: "knee-drive", masteryRule: DEFAULT_MASTERY_RULE }]);
  });

  it.each(builtInDrills.map((drill) => ({ slug: drill.slug, drill })))(
    "$slug: the default prescription and mastery rules pass the same validation as a trainer's",
    ({ drill }) => {
      const prescription = prescriptionFromDefaults(drill.defaultPrescription, "2026-03-02");
      expect(prescriptionInputFor(drill.measure).safeParse(prescription).success).toBe(true);
      for (const prerequisite of drill.prerequisites) {
        expect(builtInDrills.map((d) => d.slug)).toContain(prerequisite.drillSlug);
        expect(masteryRuleInput.safeParse(prerequisite.masteryRule).success).toBe(true);
      }
    },
  );

  it.each(builtInDrills.map((drill) => ({ slug: drill.slug, drill })))("$slug: text is complete", ({ drill }) => {
    expect(drill.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(drill.purpose.length).toBeGreaterThan(20);
    expect(drill.steps.length).toBeGreaterThanOrEqual(3);
    expect(drill.cues.length).toBeGreaterThanOrEqual(2);
    // Steps are short imperative sentences.
    for (const step of [...drill.steps, ...drill.cues]) expect(step).toMatch(/^[A-Z].{5,120}[.?]$/);
  });

  it("has unique slugs and orders", () => {
    expect(new Set(builtInDrills.map((d) => d.slug)).size).toBe(builtInDrills.length);
    expect(new Set(builtInDrills.map((d) => d.order)).size).toBe(builtInDrills.length);
  });

  it("cannot be changed by a caller", () => {
    expect(() => {
      (kneeDrive.defaultPrescription.schedule as { daily: boolean }).daily = false;
    }).toThrow(TypeError);
    expect(kneeDrive.defaultPrescription.schedule.daily).toBe(true);
  });
});

describe("Runner's foundation program", () => {
  it("assigns the three drills, in order, with their default prescriptions", () => {
    expect(runnersFoundation.slug).toBe("runners-foundation");
    expect(runnersFoundation.name).toBe("Runner's foundation");
    expect(runnersFoundation.items).toEqual([
      { drillSlug: "knee-drive", prescription: kneeDrive.defaultPrescription },
      { drillSlug: "back-rotations", prescription: backRotations.defaultPrescription },
      { drillSlug: "hopping", prescription: hopping.defaultPrescription },
    ]);
  });
});
