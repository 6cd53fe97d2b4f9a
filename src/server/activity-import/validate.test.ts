import { describe, expect, it } from "vitest";

import { START, syntheticRun } from "./synthetic-activity.fixture";
import { ActivityReadError, type ParsedActivity } from "./types";
import { validateActivity, validateMessages } from "./validate";

const NOW = new Date("2026-06-01T12:00:00Z");
const run = (overrides: Partial<ParsedActivity> = {}): ParsedActivity => ({
  ...syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], deviceDistance: true }),
  ...overrides,
});

function refusal(parsed: ParsedActivity, now = NOW): string | null {
  try {
    validateActivity(parsed, now);
    return null;
  } catch (error) {
    if (error instanceof ActivityReadError) return error.sentence;
    throw error;
  }
}

const at = (iso: string) => new Date(iso);

describe("validateActivity", () => {
  it("lets a plain run in", () => {
    expect(refusal(run())).toBeNull();
  });

  it("refuses a file with one point, or with two at the same instant", () => {
    expect(refusal(run({ points: [{ time: START, lat: 51.5, lon: 0 }] }))).toBe(validateMessages.onePoint);
    expect(refusal(run({ points: [{ time: START, heartRate: 120 }, { time: START, lat: 51.5, lon: 0 }] }))).toBe(validateMessages.onePoint);
    expect(refusal(run({ points: [] }))).toBe(validateMessages.onePoint);
    expect(refusal(run({ points: [{ time: START }, { time: new Date(Number.NaN) }] }))).toBe(validateMessages.onePoint);
  });

  it("refuses a run dated in the future beyond clock skew, or before 1990, naming the date", () => {
    const shifted = (start: Date) =>
      run().points.map((p) => ({ ...p, time: new Date(p.time.getTime() - START.getTime() + start.getTime()) }));
    expect(refusal(run({ points: shifted(at("2099-03-04T10:00:00Z")) }))).toBe("The run is dated 2099-03-04: check the watch's clock.");
    expect(refusal(run({ points: shifted(at("1989-12-31T00:00:00Z")) }))).toBe("The run is dated 1989-12-31: check the watch's clock.");
    // A watch a few minutes ahead of the server is not a wrong clock…
    expect(refusal(run(), new Date(START.getTime() + 600_000 - 5 * 60_000))).toBeNull();
    // …but a run that ends an hour from now is.
    expect(refusal(run(), new Date(START.getTime() - 3600_000))).toMatch(/^The run is dated 2026-05-10/);
    // The device's own start counts as well.
    expect(refusal(run({ deviceTotals: { startedAt: at("2099-01-01T00:00:00Z") } }))).toBe("The run is dated 2099-01-01: check the watch's clock.");
    // A start the device could not say is no start: the points date the run.
    expect(refusal(run({ deviceTotals: { startedAt: new Date(Number.NaN) } }))).toBeNull();
  });

  it("refuses a sport that is not running, in words", () => {
    expect(refusal(run({ sport: "cycling" }))).toBe("This is a cycling activity; Stride imports runs.");
    expect(refusal(run({ sport: "mountain_biking" }))).toBe("This is a cycling activity; Stride imports runs.");
    expect(refusal(run({ sport: "gravel_biking" }))).toBe("This is a gravel biking activity; Stride imports runs.");
    expect(refusal(run({ sport: "eBiking" }))).toBe("This is an e biking activity; Stride imports runs.");
    expect(refusal(run({ sport: "Biking" }))).toBe("This is a cycling activity; Stride imports runs.");
    // Strava's GPX writes a number: 1 is a ride.
    expect(refusal(run({ sport: "1" }))).toBe("This is a cycling activity; Stride imports runs.");
    expect(refusal(run({ sport: "wheelchair_push_run" }))).toBe("This is a wheelchair push run activity; Stride imports runs.");
    expect(refusal(run({ sport: "virtualride" }))).toBe("This is a virtualride activity; Stride imports runs.");
    expect(refusal(run({ sport: "swimming" }))).toMatch(/swimming activity/);
    expect(refusal(run({ sport: "hiking" }))).toMatch(/hiking activity/);
  });

  it.each([
    "running", "trail_running", "treadmill_running", "track_running", "virtual_running", "run", "Running", "trailRunning",
    "TrailRun", "VirtualRun", "street running", "indoor_running", "other", "generic", "9", "laufen", "",
  ])("lets %j in", (sport) => {
    expect(refusal(run({ sport }))).toBeNull();
  });

  it("lets a run whose sport is not named in", () => {
    expect(refusal(run({ sport: null }))).toBeNull();
  });

  it("refuses a run longer than the runs' limits: 48 hours, 300 km", () => {
    const long = syntheticRun({ stretches: [{ seconds: 48 * 3600 + 60, speedMps: 1.5, gap: true }], deviceDistance: true });
    expect(refusal(long, new Date("2026-06-01T00:00:00Z"))).toBe(validateMessages.tooLong);
    expect(refusal(run({ deviceTotals: { elapsedS: 49 * 3600 } }))).toBe(validateMessages.tooLong);
    expect(refusal(run({ deviceTotals: { distanceM: 300_001 } }))).toBe(validateMessages.tooFar);
    expect(refusal(run({ deviceTotals: { distanceM: 300_000 } }))).toBeNull();
    expect(validateMessages.tooLong).toBe("The run lasts more than 48 hours, the longest run Stride records.");
    expect(validateMessages.tooFar).toBe("The run is longer than 300 km, the longest run Stride records.");
  });

  it("refuses a file with no distance or no movement in it", () => {
    const standing = syntheticRun({ stretches: [{ seconds: 300, speedMps: 0 }] });
    expect(refusal(standing)).toBe(validateMessages.noDistance);
    const noDistance = syntheticRun({ stretches: [{ seconds: 300, speedMps: 3 }], gps: false });
    expect(refusal(noDistance)).toBe(validateMessages.noDistance);
    // A treadmill without points' distances, but the device's total: a run.
    expect(refusal({ ...noDistance, deviceTotals: { distanceM: 900 } })).toBeNull();
  });

  it("tolerates time going backwards and duplicate instants", () => {
    const parsed = run();
    const shuffled = [...parsed.points].reverse();
    expect(refusal({ ...parsed, points: [...shuffled, ...parsed.points.slice(0, 10)] })).toBeNull();
  });
});
