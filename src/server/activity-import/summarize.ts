// From a watch's points to the run's figures (the `runs` row) and what its page draws (the
// track: series over distance, route, splits). Pure: the import reads, validates, then calls this.
import { METRES_PER_MILE } from "@/lib/distance-units";
import type { RunSeries, RunSplit, RunTrackData } from "@/lib/runs/track-data";

import { measureTrack, positive, type MeasuredTrack } from "./measure";
import { validateMessages } from "./validate";
import { ActivityReadError, type ActivitySummary, type ParsedActivity, type TrackPoint } from "./types";

/** The page's chart draws at most this many samples; more only weighs the row. */
export const MAX_SERIES_SAMPLES = 500;
/** The route drawn on the page, at most this many points. */
export const MAX_ROUTE_POINTS = 1000;
/** Altitude is averaged over this many seconds each side before climbing is counted: GPS altitude jitters by metres. */
const ALTITUDE_SMOOTHING_S = 15;
/** A climb or descent counts once it passes this many metres, so noise on the flat adds no climb. */
const ELEVATION_THRESHOLD_M = 3;
/** The pace drawn is over this many seconds of moving each side of a point (a second's pace is noise). */
const PACE_WINDOW_S = 15;
/** Slower than an hour a kilometre is not a pace worth drawing. */
const SLOWEST_PACE_S_PER_KM = 3600;

const isNum = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const roundTo = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};
const inRange = (value: number | undefined, min: number, max: number): number | undefined =>
  isNum(value) && value >= min && value <= max ? value : undefined;

// What a point's sensor value must be to be believed; the summary's ranges are the runs table's checks.
const metrics = {
  heartRate: { point: (p: TrackPoint) => inRange(p.heartRate, 20, 250), min: 20, max: 250, decimals: 0 },
  cadenceSpm: { point: (p: TrackPoint) => inRange(p.cadenceSpm, 20, 300), min: 20, max: 300, decimals: 0 },
  groundContactMs: { point: (p: TrackPoint) => inRange(p.groundContactMs, 50, 1000), min: 50, max: 1000, decimals: 0 },
  balanceLeft: { point: (p: TrackPoint) => inRange(p.groundContactBalanceLeft, 1, 99), min: 30, max: 70, decimals: 1 },
  verticalOscillationMm: { point: (p: TrackPoint) => inRange(p.verticalOscillationMm, 1, 1000), min: 1, max: 1000, decimals: 0 },
  strideLengthMm: { point: (p: TrackPoint) => inRange(p.strideLengthMm, 1, 5000), min: 1, max: 5000, decimals: 0 },
} as const;
type MetricKey = keyof typeof metrics;

/** A run's figures and track from its points: the device's own totals where it gives them, else measured from the points. */
export function summarizeActivity(parsed: ParsedActivity): { summary: ActivitySummary; track: RunTrackData } {
  const measured = measureTrack(parsed);
  const n = measured.points.length;
  if (n === 0) throw new ActivityReadError(validateMessages.onePoint);
  const { points, t, moving, paused, m } = measured;

  const distanceM = Math.round(measured.distanceM);
  // Distances in whole metres of the stored total, so that the splits add up to it exactly.
  const d = measured.distanceM > 0 ? measured.d.map((x) => (x / measured.distanceM) * distanceM) : measured.d.map(() => 0);
  d[n - 1] = distanceM;
  const elapsedS = Math.max(1, Math.round(measured.elapsedS));
  const movingS = Math.min(elapsedS, Math.max(1, Math.round(measured.movingS)));

  // Each point stands for half the stretch on either side of it: recorded stretches for heart
  // rate (standing at a light still counts), moving stretches for the running figures.
  const recordedWeight = new Array<number>(n).fill(0);
  const movingWeight = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) {
    const half = (t[i]! - t[i - 1]!) / 2;
    if (!paused[i]) {
      recordedWeight[i - 1]! += half;
      recordedWeight[i]! += half;
    }
    if (moving[i]) {
      movingWeight[i - 1]! += half;
      movingWeight[i]! += half;
    }
  }

  const altitude = smoothedAltitude(points, t);
  const climb = altitude ? climbs(altitude) : null;
  const totals = parsed.deviceTotals;
  const values = Object.fromEntries(Object.entries(metrics).map(([key, metric]) => [key, valuesOf(points, metric.point)])) as Record<MetricKey, Float64Array>;

  const average = (key: MetricKey, weights: number[], device: number | undefined): number | null => {
    const metric = metrics[key];
    const value = inRange(device, metric.min, metric.max) ?? weightedAverage(values[key], weights);
    if (value === null || value === undefined) return null;
    const rounded = roundTo(value, metric.decimals);
    return rounded >= metric.min && rounded <= metric.max ? rounded : null;
  };
  const maxHeartRate = inRange(totals.maxHeartRate, 20, 250) ?? maxOf(values.heartRate);
  const deviceGain = isNum(totals.elevationGainM) && totals.elevationGainM >= 0 ? totals.elevationGainM : undefined;

  const summary: ActivitySummary = {
    startedAt: measured.startedAt,
    distanceM,
    elapsedS,
    movingS,
    elevationGainM: deviceGain !== undefined ? Math.round(deviceGain) : climb ? Math.round(climb.gain) : null,
    avgHeartRate: average("heartRate", recordedWeight, totals.avgHeartRate),
    maxHeartRate: maxHeartRate === undefined || maxHeartRate === null ? null : Math.round(maxHeartRate),
    avgCadenceSpm: average("cadenceSpm", movingWeight, totals.avgCadenceSpm),
    avgGroundContactMs: average("groundContactMs", movingWeight, totals.avgGroundContactMs),
    groundContactBalanceLeft: average("balanceLeft", movingWeight, totals.groundContactBalanceLeft),
    avgVerticalOscillationMm: average("verticalOscillationMm", movingWeight, positive(totals.avgVerticalOscillationMm)),
    avgStrideLengthMm: average("strideLengthMm", movingWeight, positive(totals.avgStrideLengthMm)),
    device: parsed.device,
  };

  const context: SplitContext = { values, d, m, climb, recordedWeight, movingWeight };
  const track: RunTrackData = {
    version: 1,
    series: seriesOf(measured, d, altitude, values),
    route: routeOf(measured),
    splitsKm: splitsOf(context, 1000),
    splitsMi: splitsOf(context, METRES_PER_MILE),
  };
  return { summary, track };
}

/** A metric's believable value at each point, NaN where there is none: read once, averaged many times. */
function valuesOf(points: TrackPoint[], read: (p: TrackPoint) => number | undefined): Float64Array {
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) out[i] = read(points[i]!) ?? Number.NaN;
  return out;
}

// The weighted mean of the values of points [from, to).
function weightedAverage(values: Float64Array, weights: number[], from = 0, to = values.length): number | null {
  let sum = 0;
  let weight = 0;
  let plainSum = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    sum += value * weights[i]!;
    weight += weights[i]!;
    plainSum += value;
    count++;
  }
  if (weight > 0) return sum / weight;
  // Values only at instants no stretch counts for (a sparse file): their plain mean.
  return count > 0 ? plainSum / count : null;
}

function maxOf(values: Float64Array): number | null {
  let best: number | null = null;
  for (const value of values) if (!Number.isNaN(value) && (best === null || value > best)) best = value;
  return best;
}

// Altitude at each point averaged over ±15 s of the points that have one; null for a point
// without altitude, and null altogether when no point has one.
function smoothedAltitude(points: TrackPoint[], t: number[]): (number | null)[] | null {
  const idx: number[] = [];
  for (let i = 0; i < points.length; i++) if (inRange(points[i]!.altitudeM, -500, 9000) !== undefined) idx.push(i);
  if (idx.length === 0) return null;
  const prefix = new Array<number>(idx.length + 1).fill(0);
  for (let k = 0; k < idx.length; k++) prefix[k + 1] = prefix[k]! + points[idx[k]!]!.altitudeM!;
  const out = new Array<number | null>(points.length).fill(null);
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < idx.length; k++) {
    const time = t[idx[k]!]!;
    while (t[idx[lo]!]! < time - ALTITUDE_SMOOTHING_S) lo++;
    while (hi + 1 < idx.length && t[idx[hi + 1]!]! <= time + ALTITUDE_SMOOTHING_S) hi++;
    out[idx[k]!] = (prefix[hi + 1]! - prefix[lo]!) / (hi - lo + 1);
  }
  return out;
}

interface Climbs {
  gain: number;
  loss: number;
  /** Metres climbed (positive) or descended (negative) counted at point i. */
  at: number[];
}

// Climb and descent with a 3 m hysteresis: a climb counts once the altitude is 3 m above the
// last low point (then all of it, and every metre more up to the top), a descent once it is 3 m
// below the last high point. Jitter smaller than that on the flat counts nothing.
function climbs(altitude: (number | null)[]): Climbs {
  const at = new Array<number>(altitude.length).fill(0);
  let extreme: number | null = null;
  let direction: 1 | -1 | 0 = 0;
  let gain = 0;
  let loss = 0;
  for (let i = 0; i < altitude.length; i++) {
    const a = altitude[i];
    if (a === null || a === undefined) continue;
    if (extreme === null) {
      extreme = a;
      continue;
    }
    const change = a - extreme;
    const counts =
      (direction === 1 && change > 0) || (direction === -1 && change < 0) || Math.abs(change) >= ELEVATION_THRESHOLD_M;
    if (!counts) continue;
    if (change > 0) gain += change;
    else loss -= change;
    at[i] = change;
    direction = change > 0 ? 1 : -1;
    extreme = a;
  }
  return { gain, loss, at };
}

interface SplitContext {
  values: Record<MetricKey, Float64Array>;
  d: number[];
  m: number[];
  climb: Climbs | null;
  recordedWeight: number[];
  movingWeight: number[];
}

/** The first index whose distance reaches `x` (distances are non-decreasing), or the last. */
function firstReaching(d: number[], x: number): number {
  let lo = 0;
  let hi = d.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Moving seconds when the runner passed `x` metres, between the two points either side of it.
function movingAt(d: number[], m: number[], x: number): number {
  const i = firstReaching(d, x);
  if (i === 0 || d[i]! < x) return m[i]!;
  const span = d[i]! - d[i - 1]!;
  const fraction = span > 0 ? (x - d[i - 1]!) / span : 1;
  return m[i - 1]! + fraction * (m[i]! - m[i - 1]!);
}

/** Splits of a whole `unit` each (the last one what is left), in whole metres that add up to the run. */
function splitsOf(context: SplitContext, unit: number): RunSplit[] {
  const { values, d, m, climb, recordedWeight, movingWeight } = context;
  const n = d.length;
  const total = d[n - 1]!;
  if (!(total > 0)) return [];
  const bounds = [0];
  for (let k = 1; k * unit < total; k++) {
    const b = Math.round(k * unit);
    if (b > bounds[bounds.length - 1]! && b < total) bounds.push(b);
  }
  bounds.push(total);

  const splits: RunSplit[] = [];
  let from = 0;
  let movedBefore = 0;
  for (let k = 1; k < bounds.length; k++) {
    const end = bounds[k]!;
    const isLast = k === bounds.length - 1;
    // The points of this split: distance in (previous bound, bound]; the first split also takes the start.
    let to = from;
    while (to < n && (d[to]! <= end || isLast)) to++;
    const movedBy = isLast ? m[n - 1]! : movingAt(d, m, end);
    let gain = 0;
    let loss = 0;
    if (climb) {
      for (let i = from; i < to; i++) {
        const step = climb.at[i]!;
        if (step > 0) gain += step;
        else loss -= step;
      }
    }
    const avg = (key: MetricKey, weights: number[]) => {
      const value = weightedAverage(values[key], weights, from, to);
      return value === null ? null : roundTo(value, metrics[key].decimals);
    };
    splits.push({
      index: k,
      distanceM: end - bounds[k - 1]!,
      durationS: Math.round(movedBy) - Math.round(movedBefore),
      elevationGainM: climb ? Math.round(gain) : null,
      elevationLossM: climb ? Math.round(loss) : null,
      avgHeartRate: avg("heartRate", recordedWeight),
      avgCadenceSpm: avg("cadenceSpm", movingWeight),
      avgGroundContactMs: avg("groundContactMs", movingWeight),
    });
    from = to;
    movedBefore = movedBy;
  }
  return splits;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

// The pace at each point over ±15 s of moving time; null where the runner stood.
function paceAt(measured: MeasuredTrack, d: number[]): (number | null)[] {
  const { m, moving } = measured;
  const n = m.length;
  const out = new Array<number | null>(n).fill(null);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    while (m[lo]! < m[i]! - PACE_WINDOW_S) lo++;
    if (hi < i) hi = i;
    while (hi + 1 < n && m[hi + 1]! <= m[i]! + PACE_WINDOW_S) hi++;
    const isMoving = moving[i] || (i + 1 < n && moving[i + 1]);
    if (!isMoving) continue;
    const metres = d[hi]! - d[lo]!;
    const seconds = m[hi]! - m[lo]!;
    if (metres < 1 || seconds <= 0) continue;
    const pace = (seconds / metres) * 1000;
    if (pace <= SLOWEST_PACE_S_PER_KM) out[i] = Math.round(pace);
  }
  return out;
}

/** The points drawn: all of them when few, else about evenly over the distance, always the first and the last. */
function sampleIndices(d: number[]): number[] {
  const n = d.length;
  if (n <= MAX_SERIES_SAMPLES) return range(0, n);
  const total = d[n - 1]!;
  const chosen = [0];
  for (let k = 1; k < MAX_SERIES_SAMPLES - 1; k++) {
    const i = total > 0 ? firstReaching(d, (total * k) / (MAX_SERIES_SAMPLES - 1)) : Math.round((k * (n - 1)) / (MAX_SERIES_SAMPLES - 1));
    if (i > chosen[chosen.length - 1]! && i < n - 1) chosen.push(i);
  }
  chosen.push(n - 1);
  return chosen;
}

function seriesOf(measured: MeasuredTrack, d: number[], altitude: (number | null)[] | null, values: Record<MetricKey, Float64Array>): RunSeries {
  const { points, t } = measured;
  const pace = paceAt(measured, d);
  const chosen = sampleIndices(d);
  const series: RunSeries = { distanceM: [], elapsedS: [], paceSPerKm: [], heartRate: [], cadenceSpm: [], altitudeM: [], groundContactMs: [] };
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    // Each sample averages the points halfway to its neighbours, so no point is left out.
    const from = k === 0 ? 0 : Math.floor((chosen[k - 1]! + c) / 2) + 1;
    const to = k === chosen.length - 1 ? points.length : Math.floor((c + chosen[k + 1]!) / 2) + 1;
    const mean = (read: ArrayLike<number | null>, decimals: number): number | null => {
      let sum = 0;
      let count = 0;
      for (let i = from; i < to; i++) {
        const value = read[i];
        if (value === null || value === undefined || Number.isNaN(value)) continue;
        sum += value;
        count++;
      }
      return count > 0 ? roundTo(sum / count, decimals) : null;
    };
    series.distanceM.push(Math.round(d[c]!));
    series.elapsedS.push(Math.round(t[c]!));
    series.paceSPerKm.push(pace[c]!);
    series.heartRate.push(mean(values.heartRate, 0));
    series.cadenceSpm.push(mean(values.cadenceSpm, 0));
    series.altitudeM.push(altitude ? mean(altitude, 1) : null);
    series.groundContactMs.push(mean(values.groundContactMs, 0));
  }
  return series;
}

/** Roughly a metre, in degrees: the route is kept to five decimals. */
const ROUTE_DECIMALS = 5;

function routeOf(measured: MeasuredTrack): [number, number][] | null {
  const line: [number, number][] = [];
  measured.points.forEach((p, i) => {
    if (!measured.gpsOk[i]) return;
    const point: [number, number] = [roundTo(p.lat!, ROUTE_DECIMALS), roundTo(p.lon!, ROUTE_DECIMALS)];
    const last = line[line.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) line.push(point);
  });
  if (line.length < 2) return null;
  // Douglas–Peucker from a metre's tolerance, doubled until the line fits.
  let tolerance = 1;
  let simplified = simplify(line, tolerance);
  while (simplified.length > MAX_ROUTE_POINTS) {
    tolerance *= 2;
    simplified = simplify(line, tolerance);
  }
  return simplified;
}

function simplify(line: [number, number][], toleranceM: number): [number, number][] {
  const n = line.length;
  if (n <= 2) return line;
  // Flat metres around the route's first point: plenty for a run's few kilometres.
  const lat0 = (line[0]![0] * Math.PI) / 180;
  const metresPerDegree = 111_320;
  const xs = line.map(([, lon]) => lon * metresPerDegree * Math.cos(lat0));
  const ys = line.map(([lat]) => lat * metresPerDegree);
  const keep = new Array<boolean>(n).fill(false);
  keep[0] = true;
  keep[n - 1] = true;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstAt = -1;
    const dx = xs[b]! - xs[a]!;
    const dy = ys[b]! - ys[a]!;
    const lengthSq = dx * dx + dy * dy;
    for (let i = a + 1; i < b; i++) {
      let px = xs[i]! - xs[a]!;
      let py = ys[i]! - ys[a]!;
      if (lengthSq > 0) {
        const along = Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSq));
        px -= along * dx;
        py -= along * dy;
      }
      const distSq = px * px + py * py;
      if (distSq > worst) {
        worst = distSq;
        worstAt = i;
      }
    }
    if (worstAt >= 0 && worst > toleranceM * toleranceM) {
      keep[worstAt] = true;
      stack.push([a, worstAt], [worstAt, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}
