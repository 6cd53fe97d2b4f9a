import { CrcCalculator, Encoder, Profile } from "@garmin/fitsdk";
import { DateTime } from "luxon";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { planFitRun, writeFitMultisport, writeFitRun, type FitRunOptions } from "@/server/seed/fit-writer";

import { parseFit } from "./fit";
import { ActivityReadError } from "./types";

const DAMAGED = "The file is cut short or damaged: export it from the watch again.";

function sentenceOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActivityReadError) return e.sentence;
    throw e;
  }
  throw new Error("expected an ActivityReadError");
}

describe("parseFit on a run written by Garmin's encoder", () => {
  const opts: FitRunOptions = { start: new Date("2026-03-02T07:00:00Z"), seconds: 1200, paceSPerKm: 300 };
  const plan = planFitRun(opts);
  const parsed = parseFit(writeFitRun(opts));

  it("reads every record back with the same values, running dynamics included", () => {
    expect(parsed.format).toBe("fit");
    expect(parsed.sport).toBe("running");
    expect(parsed.device).toBe("Garmin Forerunner 255");
    expect(parsed.points).toHaveLength(plan.records.length);
    parsed.points.forEach((p, i) => {
      const r = plan.records[i]!;
      expect(p.time.toISOString()).toBe(r.timestamp.toISOString());
      expect(p.lat).toBeCloseTo(r.lat!, 9);
      expect(p.lon).toBeCloseTo(r.lon!, 9);
      expect(p.altitudeM).toBeCloseTo(r.altitudeM, 6);
      expect(p.distanceM).toBeCloseTo(r.distanceM, 6);
      expect(p.speedMps).toBeCloseTo(r.speedMps, 6);
      expect(p.heartRate).toBe(r.heartRate);
      // FIT's cadence is per foot, whole strides plus the fraction; steps a minute is twice it.
      expect(p.cadenceSpm).toBeCloseTo((r.cadence + r.fractionalCadence) * 2, 6);
      expect(p.groundContactMs).toBeCloseTo(r.stanceTimeMs!, 6);
      expect(p.groundContactBalanceLeft).toBeCloseTo(r.stanceTimeBalance!, 6);
      expect(p.verticalOscillationMm).toBeCloseTo(r.verticalOscillationMm!, 6);
      expect(p.strideLengthMm).toBeCloseTo(r.stepLengthMm!, 6);
    });
  });

  it("takes the watch's own totals from the session", () => {
    const t = parsed.deviceTotals;
    expect(t.startedAt?.toISOString()).toBe("2026-03-02T07:00:00.000Z");
    expect(t.distanceM).toBeCloseTo(plan.totals.distanceM, 6);
    expect(t.elapsedS).toBe(plan.totals.elapsedS);
    expect(t.movingS).toBe(plan.totals.timerS);
    expect(t.elevationGainM).toBe(plan.totals.ascentM);
    expect(t.avgHeartRate).toBe(plan.totals.avgHeartRate);
    expect(t.maxHeartRate).toBe(plan.totals.maxHeartRate);
    expect(t.avgCadenceSpm).toBeCloseTo((plan.totals.avgCadence + plan.totals.avgFractionalCadence) * 2, 6);
    expect(t.avgGroundContactMs).toBeCloseTo(plan.totals.avgStanceTimeMs!, 6);
    expect(t.groundContactBalanceLeft).toBeCloseTo(plan.totals.avgStanceTimeBalance!, 6);
    expect(t.avgVerticalOscillationMm).toBeCloseTo(plan.totals.avgVerticalOscillationMm!, 6);
    expect(t.avgStrideLengthMm).toBeCloseTo(plan.totals.avgStepLengthMm!, 6);
    // A sanity check on the units, not only on the round trip: 5:00 /km is 3.33 m/s, ~172 spm, ~1.16 m a step.
    expect(t.avgCadenceSpm).toBeGreaterThan(160);
    expect(t.avgCadenceSpm).toBeLessThan(180);
    expect(t.avgStrideLengthMm).toBeGreaterThan(1000);
    expect(t.avgStrideLengthMm).toBeLessThan(1300);
    expect(t.groundContactBalanceLeft).toBeGreaterThan(48);
    expect(t.groundContactBalanceLeft).toBeLessThan(51);
  });
});

describe("parseFit on the bytes it is given", () => {
  it("reads a file that is a view into a larger buffer (a zip entry, Node's buffer pool)", () => {
    const bytes = writeFitRun({ seconds: 30 });
    const pool = new Uint8Array(bytes.length + 100).fill(0xaa);
    pool.set(bytes, 37);
    expect(parseFit(pool.subarray(37, 37 + bytes.length)).points).toHaveLength(30);
  });
});

describe("parseFit on the clock", () => {
  it("keeps a run across the autumn DST change in UTC instants, one a second, never going back", () => {
    // Europe/Berlin goes from 03:00 CEST back to 02:00 CET at 01:00 UTC on 2026-10-25.
    const start = new Date("2026-10-25T00:30:00Z");
    const parsed = parseFit(writeFitRun({ start, seconds: 7200 }));
    const times = parsed.points.map((p) => p.time.getTime());
    expect(times[0]).toBe(start.getTime());
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1000);
    expect(parsed.deviceTotals.elapsedS).toBe(7199);
    // The wall clock in Berlin does repeat an hour inside the run; the instants do not.
    const wall = parsed.points.map((p) => DateTime.fromJSDate(p.time, { zone: "Europe/Berlin" }));
    expect(wall[0]!.toFormat("HH:mm ZZ")).toBe("02:30 +02:00");
    expect(wall[wall.length - 1]!.toFormat("HH:mm ZZ")).toBe("03:29 +01:00");
    const twice = wall.filter((w) => w.toFormat("HH:mm:ss") === "02:45:00").map((w) => w.offset);
    expect(twice).toEqual([120, 60]);
  });

  it("tells moving time from clock time when the watch was paused", () => {
    const parsed = parseFit(writeFitRun({ seconds: 600, pause: { afterS: 300, forS: 120 } }));
    expect(parsed.deviceTotals.elapsedS).toBe(599 + 120);
    expect(parsed.deviceTotals.movingS).toBe(599);
    const gap = parsed.points[300]!.time.getTime() - parsed.points[299]!.time.getTime();
    expect(gap).toBe(121_000);
  });
});

describe("parseFit on what the watch was and did", () => {
  it("names a cycling file's sport, so validation can refuse it", () => {
    expect(parseFit(writeFitRun({ sport: "cycling", runningDynamics: false, seconds: 120 })).sport).toBe("cycling");
  });

  it("reads a treadmill run without a position", () => {
    const parsed = parseFit(writeFitRun({ gps: false, subSport: "treadmill", seconds: 120 }));
    expect(parsed.sport).toBe("running");
    expect(parsed.points.every((p) => p.lat === undefined && p.lon === undefined)).toBe(true);
    expect(parsed.points.at(-1)!.distanceM).toBeGreaterThan(300);
  });

  it("says a trail run is one", () => {
    expect(parseFit(writeFitRun({ subSport: "trail", seconds: 60 })).sport).toBe("trail_running");
  });

  it("reads a run without running dynamics or heart rate without inventing them", () => {
    const parsed = parseFit(writeFitRun({ runningDynamics: false, heartRate: false, seconds: 60 }));
    const p = parsed.points[10]!;
    expect(p.groundContactMs).toBeUndefined();
    expect(p.groundContactBalanceLeft).toBeUndefined();
    expect(p.heartRate).toBeUndefined();
    expect(parsed.deviceTotals.avgGroundContactMs).toBeUndefined();
    expect(parsed.deviceTotals.avgHeartRate).toBeUndefined();
  });

  it("drops values no body produces (a balance of 80 %, a heart rate of 10)", () => {
    const parsed = parseFit(
      writeFitRun({
        seconds: 60,
        mapRecord: (r, i) => (i === 5 ? { ...r, heartRate: 10, stanceTimeBalance: 80 } : r),
        session: { avgStanceTimeBalance: 85, maxHeartRate: 251 },
      }),
    );
    expect(parsed.points[5]!.heartRate).toBeUndefined();
    expect(parsed.points[5]!.groundContactBalanceLeft).toBeUndefined();
    expect(parsed.points[5]!.groundContactMs).toBeGreaterThan(200);
    expect(parsed.points[6]!.heartRate).toBeGreaterThan(100);
    expect(parsed.deviceTotals.groundContactBalanceLeft).toBeUndefined();
    expect(parsed.deviceTotals.maxHeartRate).toBeUndefined();
    expect(parsed.deviceTotals.avgHeartRate).toBeGreaterThan(100);
  });

  it("names the device readably, or by maker and number when the profile has no name", () => {
    expect(parseFit(writeFitRun({ seconds: 10, product: 4315 })).device).toBe("Garmin Forerunner 965");
    expect(parseFit(writeFitRun({ seconds: 10, product: 3906 })).device).toBe("Garmin Fenix 7");
    expect(parseFit(writeFitRun({ seconds: 10, product: 65_000 })).device).toBe("Garmin 65000");
    expect(parseFit(writeFitRun({ seconds: 10, manufacturer: "coros", product: 7 })).device).toBe("Coros 7");
  });

  it("takes the running leg of a multisport file, its points and its totals", () => {
    const ride: FitRunOptions = { sport: "cycling", seconds: 600, paceSPerKm: 120, runningDynamics: false };
    const run: FitRunOptions = { sport: "running", seconds: 300, paceSPerKm: 300 };
    const parsed = parseFit(writeFitMultisport([{ ...ride, start: new Date("2026-06-07T06:00:00Z") }, run]));
    expect(parsed.sport).toBe("running");
    expect(parsed.points).toHaveLength(300);
    expect(parsed.points[0]!.time.toISOString()).toBe("2026-06-07T06:10:59.000Z");
    expect(parsed.deviceTotals.startedAt?.toISOString()).toBe("2026-06-07T06:10:59.000Z");
    expect(parsed.deviceTotals.movingS).toBe(299);
    expect(parsed.deviceTotals.avgGroundContactMs).toBeGreaterThan(200);
    // The records count the ride's kilometres too; the run's points start again from zero.
    expect(parsed.points[0]!.distanceM).toBe(0);
    expect(parsed.points.at(-1)!.distanceM).toBeCloseTo(parsed.deviceTotals.distanceM!, 6);
  });

  it("says which sport a multisport file without running was", () => {
    const parsed = parseFit(
      writeFitMultisport([
        { sport: "swimming", seconds: 300, runningDynamics: false, gps: false },
        { sport: "cycling", seconds: 900, runningDynamics: false },
      ]),
    );
    expect(parsed.sport).toBe("cycling");
  });
});

describe("parseFit refuses, with the client's sentence", () => {
  const run = writeFitRun({ seconds: 600 });

  it("a file cut short", () => {
    for (const length of [run.length - 1, Math.floor(run.length / 2), 200, 20]) {
      expect(sentenceOf(() => parseFit(run.slice(0, length)))).toBe(DAMAGED);
    }
  });

  it("a file damaged inside", () => {
    const damaged = run.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    expect(sentenceOf(() => parseFit(damaged))).toBe(DAMAGED);
  });

  it("a file with a sound CRC that the SDK cannot decode (a compressed-timestamp record, which it does not support)", () => {
    const odd = run.slice();
    odd[14] = 0x80; // the first record's header, made a compressed-timestamp header
    const crc = CrcCalculator.calculateCRC(odd, 0, odd.length - 2);
    odd[odd.length - 2] = crc & 0xff;
    odd[odd.length - 1] = crc >> 8;
    expect(sentenceOf(() => parseFit(odd))).toMatch(/^The FIT file's contents could not be read/);
  });

  it("a photo renamed .fit, an empty file and text", async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c33" } }).jpeg().toBuffer();
    const notFit = /^This is not a FIT file/;
    expect(sentenceOf(() => parseFit(new Uint8Array(jpeg)))).toMatch(notFit);
    expect(sentenceOf(() => parseFit(new Uint8Array(0)))).toMatch(notFit);
    expect(sentenceOf(() => parseFit(new TextEncoder().encode("<gpx></gpx>")))).toMatch(notFit);
  });

  it("an activity without a single record", () => {
    expect(sentenceOf(() => parseFit(writeFitRun({ seconds: 0 })))).toMatch(/no recorded points with a time/);
  });

  it("a course (a planned route), which has points but is no activity", () => {
    const encoder = new Encoder();
    encoder.onMesg(Profile.MesgNum.FILE_ID!, { type: "course", manufacturer: "garmin", product: 3992 } as never);
    encoder.onMesg(Profile.MesgNum.RECORD!, { timestamp: new Date("2026-03-02T07:00:00Z"), distance: 0 } as never);
    expect(sentenceOf(() => parseFit(encoder.close()))).toBe(
      "This FIT file holds a course (a planned route), not a recorded activity: export the activity itself from the watch or its app.",
    );
  });
});

describe("parseFit on a 3-hour run with a record every second", () => {
  it("reads all ~10,800 points (the time is logged for the bench, not asserted)", () => {
    let t = performance.now();
    const bytes = writeFitRun({ seconds: 3 * 3600, pause: { afterS: 5400, forS: 90 } });
    const encodeMs = performance.now() - t;
    t = performance.now();
    const parsed = parseFit(bytes);
    const parseMs = performance.now() - t;
    console.log(
      `3-hour FIT file: ${bytes.length} bytes, encoded in ${encodeMs.toFixed(0)} ms, parsed in ${parseMs.toFixed(0)} ms (${parsed.points.length} points)`,
    );
    expect(parsed.points).toHaveLength(10_800);
  });
});
