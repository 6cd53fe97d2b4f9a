// The contract between reading a watch's file (FIT, GPX, TCX) and storing it as a run.
// Readers turn bytes into a ParsedActivity (points as the file has them); summarize.ts turns
// that into the run's figures and its track; the import service stores both with the file.
import type { RunTrackData, WatchFigures } from "@/lib/runs/track-data";

export type ActivityFormat = "fit" | "gpx" | "tcx";

/** One recorded point. Only `time` is always there; everything else is as the file has it. */
export interface TrackPoint {
  time: Date;
  /** Degrees (FIT's semicircles are converted by its reader). */
  lat?: number;
  lon?: number;
  altitudeM?: number;
  /** Cumulative distance as the device measured it (GPS or foot pod), metres. */
  distanceM?: number;
  /** Metres a second, as the device measured it. */
  speedMps?: number;
  heartRate?: number;
  /** Steps a minute, both feet (FIT's per-foot cadence is doubled by its reader). */
  cadenceSpm?: number;
  groundContactMs?: number;
  /** Percent of the contact time on the left foot (FIT's stance_time_balance is the left share). */
  groundContactBalanceLeft?: number;
  verticalOscillationMm?: number;
  /** FIT's step_length, millimetres. */
  strideLengthMm?: number;
}

/** A stretch the device says was recorded (FIT: timer start/stop events; GPX: a trkseg). */
export interface ParsedActivity {
  format: ActivityFormat;
  /** "running", "trail_running", "cycling", … as the file says, lower case; null when it does not say. */
  sport: string | null;
  /** The watch or app that recorded it ("Garmin Forerunner 255"); null when unnamed. */
  device: string | null;
  points: TrackPoint[];
  /**
   * What the device itself computed for the whole activity (FIT session, TCX lap totals), used
   * over the points' own figures where present: a watch knows its pauses better than we can guess.
   */
  deviceTotals: {
    startedAt?: Date;
    distanceM?: number;
    elapsedS?: number;
    /** Timer time: elapsed minus the pauses. */
    movingS?: number;
    elevationGainM?: number;
    avgHeartRate?: number;
    maxHeartRate?: number;
    avgCadenceSpm?: number;
    avgGroundContactMs?: number;
    groundContactBalanceLeft?: number;
    avgVerticalOscillationMm?: number;
    avgStrideLengthMm?: number;
  };
}

/** The run's figures, as stored on the `runs` row. */
export interface ActivitySummary extends WatchFigures {
  startedAt: Date;
  distanceM: number;
  elapsedS: number;
  /** Elapsed minus the pauses: what the pace is from. */
  movingS: number;
}

/** One file as the import reads it: a run ready to store, or the sentence that says why not. */
export type ReadOutcome =
  | { ok: true; fileName: string; format: ActivityFormat; bytes: Uint8Array; summary: ActivitySummary; track: RunTrackData }
  | { ok: false; fileName: string; reason: string };

/**
 * A file that cannot be read as a run, with the sentence the client reads (without the file's
 * name: the import puts it in front). Readers throw it; anything else thrown is a bug.
 */
export class ActivityReadError extends Error {
  constructor(readonly sentence: string) {
    super(sentence);
    this.name = "ActivityReadError";
  }
}
