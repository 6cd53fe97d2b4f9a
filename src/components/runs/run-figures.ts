import { formatDistance, formatPace, inUnit, paceIn, perKmPaceIn, unitWords, type DistanceUnit } from "@/lib/distance-units";
import type { RunSeries, RunSplit, RunTrackData, WatchFigures } from "@/lib/runs/track-data";
import { formatDuration } from "@/lib/wording";

// What a run's page says about a run, in the viewer's unit: plain data in, words out, so the
// page for the client and the one for the trainer say the same thing the same way.

/** The run's figures the page reads (a typed run has only the first few). */
export type RunFiguresOf = WatchFigures & {
  source: "typed" | "file";
  distanceM: number;
  durationS: number;
  elapsedS: number | null;
};

export type RunFigure = { label: string; value: string };

/** "49.2 % left / 50.8 % right": the share of ground contact time on each foot, from the left one's. */
export function describeBalance(leftPercent: number): string {
  const left = Math.round(leftPercent * 10) / 10;
  return `${left.toFixed(1)} % left / ${(Math.round((100 - left) * 10) / 10).toFixed(1)} % right`;
}

// Short body lengths (bounce, stride) as a watch shows them: centimetres and metres, or inches and feet for miles.
function formatOscillation(mm: number, unit: DistanceUnit): string {
  return unit === "mi" ? `${(mm / 25.4).toFixed(1)} in` : `${(mm / 10).toFixed(1)} cm`;
}
function formatStride(mm: number, unit: DistanceUnit): string {
  return unit === "mi" ? `${(mm / 304.8).toFixed(2)} ft` : `${(mm / 1000).toFixed(2)} m`;
}
function formatClimb(m: number, unit: DistanceUnit): string {
  return unit === "mi" ? `${Math.round(m / 0.3048)} ft` : `${Math.round(m)} m`;
}

/** "+6 m", "−5 m", and a flat split's "0 m" (not "−0 m"). */
function signedClimb(sign: "+" | "−", m: number, unit: DistanceUnit): string {
  const text = formatClimb(m, unit);
  return text.startsWith("0 ") ? text : `${sign}${text}`;
}

/** Where the figures came from: "Garmin Forerunner 255, from a file", "From a file", "Typed". */
export function describeSource(run: Pick<RunFiguresOf, "source" | "device">): string {
  if (run.source === "typed") return "Typed";
  return run.device ? `${run.device}, from a file` : "From a file";
}

/** The summary's figures in order; a figure the run does not have is left out, never shown empty. */
export function runFigures(run: RunFiguresOf, unit: DistanceUnit): RunFigure[] {
  const figures: RunFigure[] = [{ label: "Distance", value: formatDistance(run.distanceM, unit) }];
  const isFile = run.source === "file";
  figures.push({ label: isFile ? "Moving time" : "Time", value: formatDuration(run.durationS) });
  if (run.elapsedS !== null && run.elapsedS !== run.durationS) figures.push({ label: "Elapsed time", value: formatDuration(run.elapsedS) });
  const pace = paceIn(run.distanceM, run.durationS, unit);
  if (pace !== null) figures.push({ label: "Average pace", value: formatPace(pace, unit) });
  if (run.elevationGainM !== null) figures.push({ label: "Elevation gain", value: formatClimb(run.elevationGainM, unit) });
  if (run.avgHeartRate !== null) figures.push({ label: "Average heart rate", value: `${run.avgHeartRate} bpm` });
  if (run.maxHeartRate !== null) figures.push({ label: "Max heart rate", value: `${run.maxHeartRate} bpm` });
  if (run.avgCadenceSpm !== null) figures.push({ label: "Cadence", value: `${run.avgCadenceSpm} steps/min` });
  if (run.avgGroundContactMs !== null) figures.push({ label: "Ground contact time", value: `${run.avgGroundContactMs} ms` });
  if (run.groundContactBalanceLeft !== null) figures.push({ label: "Ground contact balance", value: describeBalance(run.groundContactBalanceLeft) });
  if (run.avgVerticalOscillationMm !== null) figures.push({ label: "Vertical oscillation", value: formatOscillation(run.avgVerticalOscillationMm, unit) });
  if (run.avgStrideLengthMm !== null) figures.push({ label: "Stride length", value: formatStride(run.avgStrideLengthMm, unit) });
  figures.push({ label: "Recorded", value: describeSource(run) });
  return figures;
}

/** The splits in the viewer's unit (the track keeps both). */
export function splitsIn(track: RunTrackData, unit: DistanceUnit): RunSplit[] {
  return unit === "mi" ? track.splitsMi : track.splitsKm;
}

export type SplitRow = { split: string; time: string; pace: string; elevation: string | null; heartRate: string | null; cadence: string | null; groundContact: string | null };

/** One row per split: "1" or, for a short last split, "9 (0.35 km)"; its time, pace and what the watch measured. */
export function splitRows(splits: RunSplit[], unit: DistanceUnit): SplitRow[] {
  const full = unit === "mi" ? 1609.344 : 1000;
  return splits.map((s) => {
    const pace = paceIn(s.distanceM, s.durationS, unit);
    const isShort = s.distanceM < full - 5;
    const climb = s.elevationGainM !== null || s.elevationLossM !== null ? `${signedClimb("+", s.elevationGainM ?? 0, unit)} / ${signedClimb("−", s.elevationLossM ?? 0, unit)}` : null;
    return {
      split: isShort ? `${s.index} (${formatDistance(s.distanceM, unit)})` : String(s.index),
      time: formatDuration(s.durationS),
      pace: pace === null ? "–" : formatPace(pace, unit),
      elevation: climb,
      heartRate: s.avgHeartRate !== null ? `${s.avgHeartRate} bpm` : null,
      cadence: s.avgCadenceSpm !== null ? `${s.avgCadenceSpm} spm` : null,
      groundContact: s.avgGroundContactMs !== null ? `${s.avgGroundContactMs} ms` : null,
    };
  });
}

/** A chart sample: distance in the unit, pace in seconds per unit, heart rate. */
export type ChartPoint = { distance: number; pace: number | null; heartRate: number | null };

// Paces slower than this (a walk, a stop at the lights) would flatten the chart; they are gaps.
const SLOWEST_CHARTED_S_PER_KM = 15 * 60;

/** The series as the chart draws it, in the viewer's unit. */
export function chartPoints(series: RunSeries, unit: DistanceUnit): ChartPoint[] {
  return series.distanceM.map((d, i) => {
    const pace = series.paceSPerKm[i] ?? null;
    return {
      distance: Math.round(inUnit(d, unit) * 1000) / 1000,
      pace: pace === null || pace > SLOWEST_CHARTED_S_PER_KM ? null : Math.round(perKmPaceIn(pace, unit) * 10) / 10,
      heartRate: series.heartRate[i] ?? null,
    };
  });
}

/** An axis from `values` rounded out to whole steps, with a tick at each ("4:45, 5:00, 5:15" for paces); null without values. */
export function niceAxis(values: (number | null)[], steps: readonly number[], maxTicks = 6): { domain: [number, number]; ticks: number[] } | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const [min, max] = [Math.min(...present), Math.max(...present)];
  const step = steps.find((s) => Math.ceil(max / s) - Math.floor(min / s) <= maxTicks - 1) ?? steps[steps.length - 1]!;
  let lo = Math.floor(min / step) * step;
  let hi = Math.ceil(max / step) * step;
  if (lo === hi) [lo, hi] = [lo - step, hi + step];
  const ticks: number[] = [];
  for (let t = lo; t <= hi; t += step) ticks.push(t);
  return { domain: [lo, hi], ticks };
}

/** Whether the series has anything to chart (a file without pace or heart rate has not). */
export function hasChart(track: RunTrackData | null): track is RunTrackData {
  return Boolean(track && track.series.distanceM.length > 1 && (track.series.paceSPerKm.some((p) => p !== null) || track.series.heartRate.some((h) => h !== null)));
}

/**
 * The chart in words, for those who do not see it: the first and last split's pace, the fastest
 * split, and the heart rate's range. "Pace over 8.00 km: 5:21 /km in kilometre 1, 4:52 /km in
 * kilometre 8; fastest kilometre 7 at 4:49 /km. Heart rate from 128 to 171 bpm."
 */
export function describeChart(track: RunTrackData, unit: DistanceUnit): string {
  const words = unitWords[unit];
  const splits = splitsIn(track, unit).filter((s) => s.distanceM > 0 && s.durationS > 0);
  const sentences: string[] = [];
  const total = track.series.distanceM[track.series.distanceM.length - 1] ?? 0;
  const paced = splits.map((s) => ({ s, pace: paceIn(s.distanceM, s.durationS, unit)! }));
  if (paced.length > 0) {
    const first = paced[0]!;
    const last = paced[paced.length - 1]!;
    // The fastest whole split: a short last one says little about pace.
    const whole = paced.filter((p) => p === first || p.s.distanceM >= (unit === "mi" ? 1604 : 995));
    const fastest = whole.reduce((a, b) => (b.pace < a.pace ? b : a), whole[0]!);
    const ends = paced.length > 1 ? `${formatPace(first.pace, unit)} in ${words.singular} 1, ${formatPace(last.pace, unit)} in ${words.singular} ${last.s.index}` : `${formatPace(first.pace, unit)}`;
    sentences.push(`Pace over ${formatDistance(total, unit)}: ${ends}${paced.length > 1 ? `; fastest ${words.singular} ${fastest.s.index} at ${formatPace(fastest.pace, unit)}` : ""}.`);
  }
  const beats = track.series.heartRate.filter((h): h is number => h !== null);
  if (beats.length > 0) sentences.push(`Heart rate from ${Math.min(...beats)} to ${Math.max(...beats)} bpm.`);
  return sentences.join(" ") || "No pace or heart rate was recorded.";
}
