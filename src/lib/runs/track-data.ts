// What a run's page draws, stored with the run at import (run_tracks.data). Shared by the
// server that computes it and the page that draws it; plain numbers so it is JSON as it is.

/** One split: a whole kilometre or mile (the last one may be shorter). */
export interface RunSplit {
  /** 1-based. */
  index: number;
  distanceM: number;
  /** Moving time of the split, seconds. */
  durationS: number;
  elevationGainM: number | null;
  elevationLossM: number | null;
  avgHeartRate: number | null;
  avgCadenceSpm: number | null;
  avgGroundContactMs: number | null;
}

/**
 * The run's series over distance, downsampled to at most ~500 samples. Arrays are parallel:
 * sample i is at distanceM[i]. A value the file does not have is null (a pause, no sensor).
 */
export interface RunSeries {
  distanceM: number[];
  /** Seconds since the start (elapsed, pauses included). */
  elapsedS: number[];
  /** Seconds per kilometre, smoothed; null while standing. */
  paceSPerKm: (number | null)[];
  heartRate: (number | null)[];
  cadenceSpm: (number | null)[];
  altitudeM: (number | null)[];
  groundContactMs: (number | null)[];
}

export interface RunTrackData {
  /** Format version, so a page can tell an older shape and the file can be read again. */
  version: 1;
  series: RunSeries;
  /** The route as [latitude, longitude] in degrees, simplified to at most ~1000 points; null without GPS (a treadmill). */
  route: [number, number][] | null;
  splitsKm: RunSplit[];
  splitsMi: RunSplit[];
}

/**
 * What a watch records beside distance and time, as a run keeps it (the `runs` columns of the
 * same names): the one list the reader's summary, the stored row and the run's page share.
 * Null where the file has no such sensor.
 */
export interface WatchFigures {
  elevationGainM: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  /** Steps a minute, both feet. */
  avgCadenceSpm: number | null;
  avgGroundContactMs: number | null;
  /** Percent of the contact time on the left foot (50.0 is even). */
  groundContactBalanceLeft: number | null;
  avgVerticalOscillationMm: number | null;
  avgStrideLengthMm: number | null;
  /** The watch or app that recorded it ("Garmin Forerunner 255"). */
  device: string | null;
}
