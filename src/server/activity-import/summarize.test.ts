import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_ROUTE_POINTS, MAX_SERIES_SAMPLES, summarizeActivity } from "./summarize";
import { gaussian, seededRandom, START, syntheticRun } from "./synthetic-activity.fixture";
import { ActivityReadError, type ParsedActivity, type TrackPoint } from "./types";
import { validateActivity } from "./validate";

const FIVE_MIN_KM = 1000 / 300;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("summarizeActivity: a 10 km run at 5:00/km", () => {
  const parsed = syntheticRun({ stretches: [{ seconds: 3000, speedMps: FIVE_MIN_KM }], deviceDistance: true, heartRate: 150, cadenceSpm: 172, groundContactMs: 245, balanceLeft: 49.64 });
  const { summary, track } = summarizeActivity(parsed);

  it("has the run's figures", () => {
    expect(summary).toMatchObject({
      startedAt: START,
      distanceM: 10_000,
      elapsedS: 3000,
      movingS: 3000,
      elevationGainM: null,
      avgHeartRate: 150,
      maxHeartRate: 150,
      avgCadenceSpm: 172,
      avgGroundContactMs: 245,
      groundContactBalanceLeft: 49.6,
      avgVerticalOscillationMm: null,
      avgStrideLengthMm: null,
      device: "Synthetic Watch",
    });
  });

  it("has 10 kilometre splits of 300 s", () => {
    expect(track.splitsKm).toHaveLength(10);
    for (const split of track.splitsKm) {
      expect(split).toMatchObject({ distanceM: 1000, durationS: 300, avgHeartRate: 150, avgCadenceSpm: 172, avgGroundContactMs: 245, elevationGainM: null });
    }
    expect(track.splitsKm.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("has 6 whole miles and a partial one", () => {
    expect(track.splitsMi).toHaveLength(7);
    expect(sum(track.splitsMi.map((s) => s.distanceM))).toBe(10_000);
    for (const split of track.splitsMi.slice(0, 6)) {
      expect(Math.abs(split.distanceM - 1609.344)).toBeLessThan(1);
      expect(Math.abs(split.durationS - 482.8)).toBeLessThanOrEqual(1);
    }
    expect(track.splitsMi[6]!.distanceM).toBe(10_000 - 9656);
    expect(Math.abs(track.splitsMi[6]!.durationS - 103.2)).toBeLessThanOrEqual(1);
    expect(sum(track.splitsMi.map((s) => s.durationS))).toBe(3000);
  });

  it("draws a pace of 300 s/km and a route", () => {
    expect(track.series.paceSPerKm.every((p) => p === 300)).toBe(true);
    expect(track.route).not.toBeNull();
    expect(track.route!.length).toBeGreaterThanOrEqual(2);
  });
});

describe("summarizeActivity: pauses", () => {
  it("takes a 2-minute gap in the recording (auto-pause) off the moving time", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 900, speedMps: 3 }, { seconds: 120, speedMps: 0, gap: true }, { seconds: 900, speedMps: 3 }], deviceDistance: true });
    const { summary, track } = summarizeActivity(parsed);
    expect(summary.elapsedS - summary.movingS).toBe(120);
    expect(summary.distanceM).toBe(5400);
    expect(sum(track.splitsKm.map((s) => s.durationS))).toBe(summary.movingS);
  });

  it("takes 2 minutes standing at a light off the moving time, and draws no pace there", () => {
    // Few enough points that the series keeps every one.
    const parsed = syntheticRun({ stretches: [{ seconds: 200, speedMps: 3 }, { seconds: 120, speedMps: 0 }, { seconds: 150, speedMps: 3 }], deviceDistance: true });
    const { summary, track } = summarizeActivity(parsed);
    expect(summary.elapsedS).toBe(470);
    expect(summary.elapsedS - summary.movingS).toBe(120);
    const standing = track.series.elapsedS.map((t, i) => ({ t, pace: track.series.paceSPerKm[i] })).filter(({ t }) => t > 201 && t < 320);
    expect(standing.length).toBe(118);
    expect(standing.every(({ pace }) => pace === null)).toBe(true);
  });

  it("uses the watch's own timer time when it gives one", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], deviceDistance: true, deviceTotals: { movingS: 590, elapsedS: 620, distanceM: 1810, startedAt: new Date(START.getTime() - 20_000) } });
    const { summary, track } = summarizeActivity(parsed);
    expect(summary).toMatchObject({ movingS: 590, elapsedS: 620, distanceM: 1810, startedAt: new Date(START.getTime() - 20_000) });
    expect(sum(track.splitsKm.map((s) => s.distanceM))).toBe(1810);
  });

  it("never has more moving than elapsed time, even when the device says so", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], deviceTotals: { movingS: 700 } });
    const { summary } = summarizeActivity(parsed);
    expect(summary.movingS).toBe(600);
    expect(summary.elapsedS).toBe(600);
  });
});

describe("summarizeActivity: what is believed", () => {
  it("counts a sparse recording's long gaps as moving when the distance across them was run (smart recording)", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 1500, speedMps: 3 }], everyS: 15, deviceDistance: true });
    const { summary } = summarizeActivity(parsed);
    expect(summary.movingS).toBe(1500);
    expect(summary.elapsedS).toBe(1500);
  });

  it("ignores sensor values and device totals outside what a runner can have", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], deviceDistance: true, heartRate: 150, balanceLeft: 51.26 });
    parsed.points[5]!.heartRate = 0;
    parsed.points[6]!.heartRate = 255;
    parsed.points[7]!.cadenceSpm = 0;
    parsed.deviceTotals = { avgHeartRate: 0, groundContactBalanceLeft: 80, avgCadenceSpm: 170 };
    const { summary } = summarizeActivity(parsed);
    expect(summary).toMatchObject({ avgHeartRate: 150, maxHeartRate: 150, groundContactBalanceLeft: 51.3, avgCadenceSpm: 170 });
  });

  it("summarizes a run lopsided to one side outside the table's 30–70 as no balance", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 300, speedMps: 3 }], deviceDistance: true, balanceLeft: 75 });
    expect(summarizeActivity(parsed).summary.groundContactBalanceLeft).toBeNull();
  });

  it("times a run across a daylight-saving change in real seconds (the points are instants)", () => {
    // Europe/London goes from 01:00 to 02:00 at 01:00 UTC on 29 March 2026.
    const parsed = syntheticRun({ stretches: [{ seconds: 3600, speedMps: 3 }], deviceDistance: true });
    const shift = new Date("2026-03-29T00:30:00Z").getTime() - START.getTime();
    const { summary } = summarizeActivity({ ...parsed, points: parsed.points.map((p) => ({ ...p, time: new Date(p.time.getTime() + shift) })) });
    expect(summary).toMatchObject({ startedAt: new Date("2026-03-29T00:30:00Z"), elapsedS: 3600, movingS: 3600 });
  });
});

describe("summarizeActivity: distance from GPS", () => {
  it("measures along the fixes and drops a fix that jumps", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 1500, speedMps: FIVE_MIN_KM }] });
    const jumped = parsed.points.map((p, i) => (i === 700 ? { ...p, lat: p.lat! + 0.01 } : p));
    const clean = summarizeActivity(parsed).summary.distanceM;
    expect(Math.abs(clean - 5000)).toBeLessThan(15);
    expect(summarizeActivity({ ...parsed, points: jumped }).summary.distanceM).toBe(clean);
  });

  it("counts a multisport leg's distance from its own start, not from the leg before", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: FIVE_MIN_KM }], deviceDistance: true });
    const afterRide = { ...parsed, points: parsed.points.map((p) => ({ ...p, distanceM: p.distanceM! + 40_000 })) };
    const { summary, track } = summarizeActivity(afterRide);
    expect(summary.distanceM).toBe(2000);
    expect(track.splitsKm.map((s) => s.durationS)).toEqual([300, 300]);
    // The session's own total agrees once the offset is gone.
    expect(summarizeActivity({ ...afterRide, deviceTotals: { distanceM: 2000 } }).track.splitsKm.map((s) => s.durationS)).toEqual([300, 300]);
  });

  it("has no route without GPS (a treadmill), and spreads the device's distance over the moving time", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 1200, speedMps: 3 }], gps: false, heartRate: 140, deviceTotals: { distanceM: 3600 } });
    const { summary, track } = summarizeActivity(parsed);
    expect(track.route).toBeNull();
    expect(summary.distanceM).toBe(3600);
    expect(track.splitsKm.map((s) => s.durationS)).toEqual([333, 334, 333, 200]);
  });
});

describe("summarizeActivity: elevation", () => {
  const noise = gaussian(seededRandom(19));

  it("counts no climb on the flat from noisy GPS altitude", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 3000, speedMps: FIVE_MIN_KM }], altitude: () => 35 + 2.5 * noise() });
    const { summary, track } = summarizeActivity(parsed);
    expect(summary.elevationGainM).toBeLessThanOrEqual(3);
    expect(sum(track.splitsKm.map((s) => s.elevationGainM ?? 0))).toBeLessThanOrEqual(3);
  });

  it("counts a hill's climb and descent, in the splits where they happen", () => {
    // Up 60 m over the second and third kilometres, down again over the fifth.
    const hill = (d: number) => (d < 1000 ? 10 : d < 3000 ? 10 + (60 * (d - 1000)) / 2000 : d < 4000 ? 70 : d < 5000 ? 70 - (60 * (d - 4000)) / 1000 : 10);
    const parsed = syntheticRun({ stretches: [{ seconds: 1800, speedMps: FIVE_MIN_KM }], altitude: (d) => hill(d) + 0.8 * noise(), deviceDistance: true });
    const { summary, track } = summarizeActivity(parsed);
    expect(summary.elevationGainM).toBeGreaterThanOrEqual(58);
    expect(summary.elevationGainM).toBeLessThanOrEqual(62);
    const gains = track.splitsKm.map((s) => s.elevationGainM!);
    const losses = track.splitsKm.map((s) => s.elevationLossM!);
    expect(gains[1]! + gains[2]!).toBeGreaterThanOrEqual(57);
    expect(losses[4]! + losses[5]!).toBeGreaterThanOrEqual(57);
    expect(gains[0]).toBe(0);
  });

  it("takes the device's climb when it gives one", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], altitude: () => 10, deviceTotals: { elevationGainM: 42.4 } });
    expect(summarizeActivity(parsed).summary.elevationGainM).toBe(42);
  });
});

describe("summarizeActivity: a 3-hour file with a point a second", () => {
  const parsed = syntheticRun({
    stretches: [{ seconds: 5400, speedMps: 3 }, { seconds: 90, speedMps: 0 }, { seconds: 5510, speedMps: 2.8 }],
    deviceDistance: true,
    heartRate: 145,
    cadenceSpm: 168,
    groundContactMs: 250,
    loopM: 2000,
    altitude: (d) => 20 + 10 * Math.sin(d / 500),
  });

  it("summarizes 11,000 points quickly", () => {
    expect(parsed.points.length).toBeGreaterThan(11_000);
    summarizeActivity(parsed);
    const began = performance.now();
    summarizeActivity(parsed);
    console.log(`summarizeActivity: ${parsed.points.length} points in ${(performance.now() - began).toFixed(1)} ms`);
  });

  it("downsamples the series, keeping the first and the last sample", () => {
    const { summary, track } = summarizeActivity(parsed);
    const { series } = track;
    expect(series.distanceM.length).toBeLessThanOrEqual(MAX_SERIES_SAMPLES);
    expect(series.distanceM.length).toBeGreaterThan(MAX_SERIES_SAMPLES * 0.9);
    expect(series.distanceM[0]).toBe(0);
    expect(series.elapsedS[0]).toBe(0);
    expect(series.distanceM.at(-1)).toBe(summary.distanceM);
    expect(series.elapsedS.at(-1)).toBe(summary.elapsedS);
    for (const key of Object.keys(series) as (keyof typeof series)[]) expect(series[key]).toHaveLength(series.distanceM.length);
    expect(series.heartRate.every((hr) => hr === 145)).toBe(true);
  });

  it("simplifies the route to at most 1000 points", () => {
    const { track } = summarizeActivity(parsed);
    expect(track.route!.length).toBeLessThanOrEqual(MAX_ROUTE_POINTS);
    expect(track.route!.length).toBeGreaterThan(20);
    expect(track.route![0]).toEqual([51.5, -0.12]);
  });
});

describe("summarizeActivity: points out of order", () => {
  it("sorts them and merges points at one instant", () => {
    const parsed = syntheticRun({ stretches: [{ seconds: 600, speedMps: 3 }], deviceDistance: true, heartRate: 150 });
    const split = parsed.points.flatMap((p): TrackPoint[] => {
      const { heartRate, ...rest } = p;
      return [{ time: p.time, heartRate }, rest];
    });
    const scrambled = { ...parsed, points: [...split].reverse() };
    expect(summarizeActivity(scrambled)).toEqual(summarizeActivity(parsed));
  });

  it("refuses nothing to summarize", () => {
    expect(() => summarizeActivity({ ...syntheticRun({ stretches: [] }), points: [] })).toThrow(ActivityReadError);
  });
});

// Everything on a run's page is a finite number (or null where a figure is missing).
function allFinite(value: unknown): boolean {
  if (value === null || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (value instanceof Date) return Number.isFinite(value.getTime());
  if (Array.isArray(value)) return value.every(allFinite);
  if (typeof value === "object") return Object.values(value as object).every(allFinite);
  return false;
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pointArb = fc.record({
  dtS: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 40, noNaN: true })),
  speedMps: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 8, noNaN: true }), fc.constant(40)),
  altitudeM: optional(fc.double({ min: -50, max: 3000, noNaN: true })),
  heartRate: optional(fc.integer({ min: 0, max: 260 })),
  cadenceSpm: optional(fc.integer({ min: 0, max: 320 })),
  groundContactMs: optional(fc.integer({ min: 0, max: 1200 })),
  groundContactBalanceLeft: optional(fc.double({ min: 0, max: 100, noNaN: true })),
  verticalOscillationMm: optional(fc.double({ min: 0, max: 200, noNaN: true })),
  strideLengthMm: optional(fc.integer({ min: 0, max: 3000 })),
});
const activityArb = fc.record({
  steps: fc.array(pointArb, { minLength: 1, maxLength: 400, size: "max" }),
  /** The steps over again, so that some files have more points than the series keeps. */
  repeat: fc.integer({ min: 1, max: 4 }),
  gps: fc.boolean(),
  deviceDistance: fc.boolean(),
  reversed: fc.boolean(),
  totals: fc.record({
    distanceM: optional(fc.double({ min: 0, max: 50_000, noNaN: true })),
    movingS: optional(fc.double({ min: 0, max: 20_000, noNaN: true })),
    elapsedS: optional(fc.double({ min: 0, max: 20_000, noNaN: true })),
    avgHeartRate: optional(fc.double({ min: 0, max: 300, noNaN: true })),
    groundContactBalanceLeft: optional(fc.double({ min: 0, max: 100, noNaN: true })),
  }),
});
type ActivityInput = typeof activityArb extends fc.Arbitrary<infer T> ? T : never;

function activityOf({ steps, repeat, gps, deviceDistance, reversed, totals }: ActivityInput): ParsedActivity {
  let t = 0;
  let d = 0;
  const points: TrackPoint[] = Array.from({ length: repeat }, () => steps).flat().map(({ dtS, speedMps, ...values }) => {
    t += dtS;
    d += dtS * speedMps;
    const point: TrackPoint = { time: new Date(START.getTime() + Math.round(t * 1000)), ...values };
    if (gps) Object.assign(point, { lat: 51.5, lon: -0.12 + d / 69_000 });
    if (deviceDistance) point.distanceM = d;
    return point;
  });
  const deviceTotals = Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== undefined));
  return { format: "gpx", sport: "running", device: null, points: reversed ? points.reverse() : points, deviceTotals };
}

describe("summarizeActivity: properties", () => {
  it("splits add up to the distance, moving ≤ elapsed, series arrays line up, every number finite", () => {
    fc.assert(
      fc.property(activityArb, (input) => {
        const parsed = activityOf(input);
        let valid = true;
        try {
          validateActivity(parsed, new Date("2027-01-01T00:00:00Z"));
        } catch (error) {
          if (!(error instanceof ActivityReadError)) throw error;
          valid = false;
        }
        const { summary, track } = summarizeActivity(parsed);
        expect(allFinite(summary)).toBe(true);
        expect(allFinite(track)).toBe(true);
        expect(summary.movingS).toBeLessThanOrEqual(summary.elapsedS);
        for (const splits of [track.splitsKm, track.splitsMi]) {
          expect(sum(splits.map((s) => s.distanceM))).toBe(summary.distanceM);
          expect(splits.every((s) => s.distanceM > 0)).toBe(true);
        }
        const length = track.series.distanceM.length;
        for (const values of Object.values(track.series)) expect(values).toHaveLength(length);
        expect(length).toBeLessThanOrEqual(MAX_SERIES_SAMPLES);
        expect(track.series.distanceM.every((x, i, xs) => i === 0 || x >= xs[i - 1]!)).toBe(true);
        if (track.route) expect(track.route.length).toBeLessThanOrEqual(MAX_ROUTE_POINTS);
        if (valid) {
          // What validation lets through fits the runs table's checks.
          expect(summary.distanceM).toBeGreaterThan(0);
          expect(summary.movingS).toBeGreaterThan(0);
          expect(summary.elapsedS).toBeLessThanOrEqual(172_800);
          const within = (value: number | null, min: number, max: number) => value === null || (value >= min && value <= max);
          expect(within(summary.avgHeartRate, 20, 250) && within(summary.maxHeartRate, 20, 250)).toBe(true);
          expect(within(summary.avgCadenceSpm, 20, 300)).toBe(true);
          expect(within(summary.avgGroundContactMs, 50, 1000)).toBe(true);
          expect(within(summary.groundContactBalanceLeft, 30, 70)).toBe(true);
          expect(within(summary.avgVerticalOscillationMm, 0, 32_767) && within(summary.avgStrideLengthMm, 0, 32_767)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 19 },
    );
  }, 60_000);
});
