import { randomBytes } from "node:crypto";
import type { ActivitySummary } from "@/server/activity-import/types";
import type { RunTrackData } from "@/lib/runs/track-data";
import type { ReadRun } from "@/server/runs/import-activity";

/** A small track as summarize.ts makes it: three samples, one split of each unit. */
export function sampleTrack(distanceM = 10_000): RunTrackData {
  const split = { index: 1, distanceM: Math.min(1000, distanceM), durationS: 300, elevationGainM: 4, elevationLossM: 3, avgHeartRate: 150, avgCadenceSpm: 172, avgGroundContactMs: 248 };
  return {
    version: 1,
    series: {
      distanceM: [0, distanceM / 2, distanceM],
      elapsedS: [0, 1500, 3000],
      paceSPerKm: [null, 300, 300],
      heartRate: [120, 150, 160],
      cadenceSpm: [168, 172, 174],
      altitudeM: [12, 15, 13],
      groundContactMs: [250, 248, 246],
    },
    route: [
      [51.5, -0.12],
      [51.51, -0.11],
      [51.52, -0.1],
    ],
    splitsKm: [split],
    splitsMi: [{ ...split, distanceM: Math.min(1609.344, distanceM) }],
  };
}

/** A 10 km run's figures as a FIT with running dynamics gives them. */
export function sampleSummary(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    startedAt: new Date("2026-11-03T07:00:00Z"),
    distanceM: 10_200,
    elapsedS: 3200,
    movingS: 3100,
    elevationGainM: 42,
    avgHeartRate: 151,
    maxHeartRate: 178,
    avgCadenceSpm: 172,
    avgGroundContactMs: 248,
    groundContactBalanceLeft: 49.6,
    avgVerticalOscillationMm: 84,
    avgStrideLengthMm: 1120,
    device: "Garmin Forerunner 255",
    ...overrides,
  };
}

/**
 * A file as the readers hand it over (ReadOutcome, ok). `bytes` are random unless given, so
 * two calls are two different files; pass the same bytes for "the same file twice".
 */
export function readRun(options: { fileName?: string; format?: ReadRun["format"]; bytes?: Uint8Array; summary?: Partial<ActivitySummary> } = {}): ReadRun {
  const summary = sampleSummary(options.summary);
  return {
    ok: true,
    fileName: options.fileName ?? "Morning_Run.fit",
    format: options.format ?? "fit",
    bytes: options.bytes ?? new Uint8Array(randomBytes(2048)),
    summary,
    track: sampleTrack(summary.distanceM),
  };
}
