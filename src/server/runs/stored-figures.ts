import type { WatchFigures } from "@/lib/runs/track-data";
import type { ActivitySummary } from "@/server/activity-import/types";

// A file's figures as the runs table stores them: whole metres and seconds, small integers for
// heart rate, cadence and the running dynamics, the balance to a tenth of a percent. The readers'
// validation already refuses a file that is not a run; this is the last guard before the table's
// checks, so a figure a sensor got wrong is left out of the run instead of failing the import.

/** The runs row's figures from a file (the columns of `runs` an import writes). */
export type StoredFigures = WatchFigures & {
  startedAt: Date;
  distanceM: number;
  durationS: number;
  elapsedS: number;
};

/** The same bounds as the runs table's checks (drizzle/0030_run_files.sql and training.ts). */
const BOUNDS = {
  distanceM: [1, 300_000],
  durationS: [1, 172_800],
  heartRate: [20, 250],
  cadenceSpm: [20, 300],
  groundContactMs: [50, 1000],
  balanceLeft: [30, 70],
  smallint: [0, 32_767],
  elevationGainM: [0, 100_000],
} as const;

const within = (value: number | null, [min, max]: readonly [number, number], decimals = 0): number | null => {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded >= min && rounded <= max ? rounded : null;
};

/** The figures to store, or null when the run itself (distance, time) cannot be stored. */
export function storedFigures(summary: ActivitySummary): StoredFigures | null {
  const distanceM = within(summary.distanceM, BOUNDS.distanceM);
  const durationS = within(summary.movingS, BOUNDS.durationS);
  if (distanceM === null || durationS === null || Number.isNaN(summary.startedAt.getTime())) return null;
  // Clock time is never shorter than moving time (the table's check); a file that says so is rounded to it.
  const elapsedS = Math.min(BOUNDS.durationS[1], Math.max(durationS, Math.round(Number.isFinite(summary.elapsedS) ? summary.elapsedS : durationS)));
  const device = summary.device?.replace(/\u0000/g, "").trim().slice(0, 120) || null;
  return {
    startedAt: summary.startedAt,
    distanceM,
    durationS,
    elapsedS,
    elevationGainM: within(summary.elevationGainM, BOUNDS.elevationGainM),
    avgHeartRate: within(summary.avgHeartRate, BOUNDS.heartRate),
    maxHeartRate: within(summary.maxHeartRate, BOUNDS.heartRate),
    avgCadenceSpm: within(summary.avgCadenceSpm, BOUNDS.cadenceSpm),
    avgGroundContactMs: within(summary.avgGroundContactMs, BOUNDS.groundContactMs),
    groundContactBalanceLeft: within(summary.groundContactBalanceLeft, BOUNDS.balanceLeft, 1),
    avgVerticalOscillationMm: within(summary.avgVerticalOscillationMm, BOUNDS.smallint),
    avgStrideLengthMm: within(summary.avgStrideLengthMm, BOUNDS.smallint),
    device,
  };
}

/**
 * A file name as stored: no control characters, at most 200 characters (the end kept: it has
 * the extension), the entry's own for a zip's, and without a ".gz" the reader took off (the bytes
 * kept are the file itself).
 */
export function storedFileName(fileName: string): string {
  // A zip's entry is shown as "<zip> › <path in it>"; the file itself is the path's.
  const own = fileName.split(" › ").at(-1) ?? fileName;
  const clean = own.replace(/[\u0000-\u001f\u007f]/g, "").trim().replace(/\.(fit|gpx|tcx)\.gz$/i, ".$1");
  return (clean.length > 200 ? clean.slice(-200) : clean) || "activity";
}
