// The figures both the check (validate.ts) and the summary (summarize.ts) are made from: the
// points in time order, each one's distance from the start, and which stretches between them
// were moving. One function, so that what is checked is exactly what is stored.
import type { ParsedActivity, TrackPoint } from "./types";

/** A gap longer than this between two points is a pause (auto-pause, the timer stopped)… */
export const PAUSE_GAP_S = 10;
/** …unless the distance across it is covered at this speed or more (smart recording leaves long gaps while running). */
const GAP_MOVING_MPS = 1.0;
/** Slower than this is standing (a traffic light), not moving: about 33 minutes a kilometre. */
export const STANDING_MPS = 0.5;
/** Faster than this between two GPS fixes is the fix jumping, not the runner (12 m/s is a sprinter's top speed). */
const GPS_JUMP_MPS = 12;
/** After this many jumped fixes in a row the new position is where the runner is (the fix was wrong before, not now). */
const GPS_JUMP_RESET = 5;
/** Less than a millimetre along the points is no distance (a rounding's remainder). */
const MIN_DISTANCE_M = 0.001;

export interface MeasuredTrack {
  /** In time order, one per instant (duplicates merged), only points with a valid time. */
  points: TrackPoint[];
  /** Seconds since the first point. */
  t: number[];
  /** Metres from the start, non-decreasing, last = `distanceM`. */
  d: number[];
  /** moving[i]: the stretch from point i-1 to point i was moving (moving[0] is false). */
  moving: boolean[];
  /** paused[i]: the stretch from point i-1 to point i is a gap in the recording (a pause). */
  paused: boolean[];
  /** Cumulative moving seconds at each point. */
  m: number[];
  /** Whether the GPS fix of point i is used (valid and not a jump). */
  gpsOk: boolean[];
  /** The run's figures as stored (device totals where given), before rounding. */
  distanceM: number;
  elapsedS: number;
  movingS: number;
  startedAt: Date;
}

const isNum = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** The points in time order, one per instant: a later point at the same instant fills what the earlier one lacks. */
export function normalizePoints(points: readonly TrackPoint[]): TrackPoint[] {
  const timed = points.filter((p) => p.time instanceof Date && Number.isFinite(p.time.getTime()));
  // Array.prototype.sort is stable, so points at one instant keep the file's order.
  const sorted = [...timed].sort((a, b) => a.time.getTime() - b.time.getTime());
  const merged: TrackPoint[] = [];
  let copied = -1;
  for (const point of sorted) {
    const at = merged.length - 1;
    const last = merged[at];
    if (last && last.time.getTime() === point.time.getTime()) {
      // The reader's point is copied before it is filled in, only when there is something to merge.
      const target = copied === at ? last : (merged[at] = { ...last });
      copied = at;
      for (const [key, value] of Object.entries(point) as [keyof TrackPoint, unknown][]) {
        if (target[key] === undefined && value !== undefined) (target as unknown as Record<string, unknown>)[key] = value;
      }
    } else {
      merged.push(point);
    }
  }
  return merged;
}

export function hasGps(point: TrackPoint): boolean {
  const { lat, lon } = point;
  // (0, 0) is what some devices write before a fix, not a run in the Gulf of Guinea.
  return isNum(lat) && isNum(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A device total when it is a usable number (positive and finite), else undefined. */
export function positive(value: number | undefined): number | undefined {
  return isNum(value) && value > 0 ? value : undefined;
}

/** The track's distances and moving stretches, and the run's distance, elapsed and moving time. */
export function measureTrack(parsed: ParsedActivity): MeasuredTrack {
  const points = normalizePoints(parsed.points);
  const n = points.length;
  const t0 = n > 0 ? points[0]!.time.getTime() : 0;
  const t = points.map((p) => (p.time.getTime() - t0) / 1000);
  const gpsOk = new Array<boolean>(n).fill(false);
  const raw = rawDistances(points, t, gpsOk);

  const paused = new Array<boolean>(n).fill(false);
  const moving = new Array<boolean>(n).fill(false);
  const hasDistance = n > 0 && raw[n - 1]! >= MIN_DISTANCE_M;
  for (let i = 1; i < n; i++) {
    const dt = t[i]! - t[i - 1]!;
    const dd = raw[i]! - raw[i - 1]!;
    if (dt > PAUSE_GAP_S && dd / dt < GAP_MOVING_MPS) {
      paused[i] = true;
      continue;
    }
    if (!hasDistance) {
      // Nothing says how fast (a distance only in the device's totals): every recorded stretch moved.
      moving[i] = dt > 0;
      continue;
    }
    const s1 = points[i - 1]!.speedMps;
    const s2 = points[i]!.speedMps;
    const speed = isNum(s1) && isNum(s2) ? (s1 + s2) / 2 : dt > 0 ? dd / dt : 0;
    moving[i] = dt > 0 && speed >= STANDING_MPS;
  }
  const m = new Array<number>(n).fill(0);
  for (let i = 1; i < n; i++) m[i] = m[i - 1]! + (moving[i] ? t[i]! - t[i - 1]! : 0);

  const computedElapsed = n > 0 ? t[n - 1]! : 0;
  const computedMoving = n > 0 ? m[n - 1]! : 0;
  const rawTotal = n > 0 && raw[n - 1]! >= MIN_DISTANCE_M ? raw[n - 1]! : 0;
  const totals = parsed.deviceTotals;
  const distanceM = positive(totals.distanceM) ?? rawTotal;

  // The device's total distance wins; the points' distances are scaled to it so that the splits
  // add up to the run. Without any distance in the points, it is spread over the moving time.
  let d: number[];
  if (rawTotal > 0) {
    d = raw.map((x) => (x / rawTotal) * distanceM);
  } else if (computedMoving > 0) {
    d = m.map((x) => (distanceM * x) / computedMoving);
  } else {
    d = t.map((x) => (computedElapsed > 0 ? (distanceM * x) / computedElapsed : 0));
  }
  if (n > 0) d[n - 1] = distanceM;

  const elapsedS = positive(totals.elapsedS) ?? computedElapsed;
  const movingS = Math.min(positive(totals.movingS) ?? computedMoving, elapsedS);
  const startedAt = totals.startedAt && Number.isFinite(totals.startedAt.getTime()) ? totals.startedAt : new Date(t0);
  return { points, t, d, moving, paused, m, gpsOk, distanceM, elapsedS, movingS, startedAt };
}

// Distance from the start at each point: the device's own (GPS or foot pod) if the points carry
// it, else along the GPS fixes, else from the device's speed; non-decreasing.
function rawDistances(points: TrackPoint[], t: number[], gpsOk: boolean[]): number[] {
  const n = points.length;
  const d = new Array<number>(n).fill(0);
  const restart = new Array<boolean>(n).fill(false);
  const firstKnown = points.findIndex((p) => isNum(p.distanceM));
  if (firstKnown >= 0) {
    // A multisport watch counts on from the leg before (a run after a ride starts at the ride's
    // distance): more than could be run by the first reading is where the count started, not the run.
    const first = points[firstKnown]!.distanceM!;
    const offset = first > GPS_JUMP_MPS * (t[firstKnown]! + 1) ? first : 0;
    let last = 0;
    for (let i = 0; i < n; i++) {
      const value = points[i]!.distanceM;
      if (isNum(value) && value - offset > last) last = value - offset;
      d[i] = last;
    }
    markGps(points, t, gpsOk, restart);
    return d;
  }
  if (markGps(points, t, gpsOk, restart) >= 2) {
    let anchor = -1;
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (gpsOk[i]) {
        if (anchor >= 0 && !restart[i]) total += haversineM(points[anchor]!.lat!, points[anchor]!.lon!, points[i]!.lat!, points[i]!.lon!);
        anchor = i;
      }
      d[i] = total;
    }
    return d;
  }
  let total = 0;
  for (let i = 1; i < n; i++) {
    const s1 = points[i - 1]!.speedMps;
    const s2 = points[i]!.speedMps;
    const dt = t[i]! - t[i - 1]!;
    if (isNum(s1) && isNum(s2) && dt <= PAUSE_GAP_S && s1 >= 0 && s2 >= 0) total += ((s1 + s2) / 2) * dt;
    d[i] = total;
  }
  return d;
}

// Marks the GPS fixes to use: valid, and not a jump away from the last good one; `restart` marks
// a fix taken after a run of jumps, which starts the line afresh. Returns how many fixes are used.
function markGps(points: TrackPoint[], t: number[], gpsOk: boolean[], restart: boolean[]): number {
  let anchor = -1;
  let jumped = 0;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!hasGps(p)) continue;
    if (anchor >= 0) {
      const a = points[anchor]!;
      const dt = t[i]! - t[anchor]!;
      const dist = haversineM(a.lat!, a.lon!, p.lat!, p.lon!);
      if (dist > GPS_JUMP_MPS * Math.max(dt, 1) && jumped < GPS_JUMP_RESET) {
        jumped++;
        continue;
      }
      restart[i] = jumped >= GPS_JUMP_RESET;
    }
    jumped = 0;
    gpsOk[i] = true;
    anchor = i;
    count++;
  }
  return count;
}
