import { describe, expect, it } from "vitest";

import { backRotations, hopping, kneeDrive } from "@/server/drills/catalogue";
import { describeDates, describeDose, describeSchedule } from "./describe";

describe("describeDose", () => {
  it("reads the built-in prescriptions as the brief puts them", () => {
    expect(describeDose(kneeDrive.defaultPrescription, "hold_seconds", true)).toBe("1 hold each side, as long as you can");
    expect(describeDose(backRotations.defaultPrescription, "reps", true)).toBe("1 set of 15–20 reps each side");
    expect(describeDose(hopping.defaultPrescription, "contacts", true)).toBe("1 set of 20 contacts each side");
  });

  it.each([
    [{ sets: 2, targetPerSide: 45, repMin: null, repMax: null }, "hold_seconds", true, "2 holds of 45 s each side"],
    [{ sets: 3, targetPerSide: 12, repMin: null, repMax: null }, "reps", false, "3 sets of 12 reps"],
    [{ sets: 1, targetPerSide: null, repMin: 10, repMax: 10 }, "reps", true, "1 set of 10 reps each side"],
    [{ sets: 4, targetPerSide: 100, repMin: null, repMax: null }, "distance_m", false, "4 sets of 100 m"],
    [{ sets: 1, targetPerSide: 1, repMin: null, repMax: null }, "contacts", true, "1 set of 1 contact each side"],
    [{ sets: 2, targetPerSide: null, repMin: null, repMax: null }, "free", false, "2 sets"],
  ] as const)("%j as %s (per side: %s) reads %s", (p, measure, perSide, text) => {
    expect(describeDose(p, measure, perSide)).toBe(text);
  });
});

describe("describeSchedule and describeDates", () => {
  it("names the two kinds of schedule", () => {
    expect(describeSchedule({ daily: true, beforeRun: true })).toBe("Daily and before each run");
    expect(describeSchedule({ daily: false, beforeRun: true })).toBe("Before each run");
    expect(describeSchedule({ daily: true, beforeRun: false })).toBe("Daily");
  });

  it("shows open-ended and bounded dates", () => {
    expect(describeDates({ startDate: "2026-03-02", endDate: null })).toBe("From 2 Mar 2026");
    expect(describeDates({ startDate: "2026-03-02", endDate: "2026-04-30" })).toBe("2 Mar – 30 Apr 2026");
    expect(describeDates({ startDate: "2025-12-29", endDate: "2026-01-31" })).toBe("29 Dec 2025 – 31 Jan 2026");
  });
});
