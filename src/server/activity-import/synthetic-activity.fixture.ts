// Synthetic activities for the summary's tests: built as a reader would hand them over, so the
// tests need no FIT or GPX reader.
import type { ParsedActivity, TrackPoint } from "./types";

/** A small seeded generator (mulberry32): the same noise on every run of the tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normal noise from a seeded uniform generator (Box–Muller). */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export const START = new Date("2026-05-10T07:00:00Z");
const LAT0 = 51.5;
const LON0 = -0.12;
const METRES_PER_DEGREE = 111_320;

export interface Stretch {
  /** Seconds of this stretch. */
  seconds: number;
  /** Metres a second (0: standing). */
  speedMps: number;
  /** No points at all during this stretch (the watch paused). */
  gap?: boolean;
}

export interface SyntheticOptions {
  stretches: Stretch[];
  /** Seconds between points. */
  everyS?: number;
  gps?: boolean;
  deviceDistance?: boolean;
  /** Altitude at a distance along the run, metres; none when absent. */
  altitude?: (distanceM: number, index: number) => number;
  heartRate?: number;
  cadenceSpm?: number;
  groundContactMs?: number;
  balanceLeft?: number;
  /** Along a circle of this circumference rather than a straight line (so the route has corners). */
  loopM?: number;
  sport?: string | null;
  deviceTotals?: ParsedActivity["deviceTotals"];
}

/** The point at `distanceM` along the course: a straight line east, or round a circle. */
function position(distanceM: number, loopM: number | undefined): { lat: number; lon: number } {
  const cos = Math.cos((LAT0 * Math.PI) / 180);
  if (!loopM) return { lat: LAT0, lon: LON0 + distanceM / (METRES_PER_DEGREE * cos) };
  const r = loopM / (2 * Math.PI);
  const angle = distanceM / r;
  return { lat: LAT0 + (r * Math.sin(angle)) / METRES_PER_DEGREE, lon: LON0 + (r * (1 - Math.cos(angle))) / (METRES_PER_DEGREE * cos) };
}

export function syntheticRun(options: SyntheticOptions): ParsedActivity {
  const every = options.everyS ?? 1;
  const points: TrackPoint[] = [];
  let t = 0;
  let d = 0;
  const push = () => {
    const point: TrackPoint = { time: new Date(START.getTime() + t * 1000) };
    if (options.gps ?? true) Object.assign(point, position(d, options.loopM));
    if (options.deviceDistance) point.distanceM = d;
    if (options.altitude) point.altitudeM = options.altitude(d, points.length);
    if (options.heartRate) point.heartRate = options.heartRate;
    if (options.cadenceSpm) point.cadenceSpm = options.cadenceSpm;
    if (options.groundContactMs) point.groundContactMs = options.groundContactMs;
    if (options.balanceLeft) point.groundContactBalanceLeft = options.balanceLeft;
    points.push(point);
  };
  push();
  for (const stretch of options.stretches) {
    if (stretch.gap) {
      t += stretch.seconds;
      d += stretch.speedMps * stretch.seconds;
      push();
      continue;
    }
    for (let s = every; s <= stretch.seconds + 1e-9; s += every) {
      t += every;
      d += stretch.speedMps * every;
      push();
    }
  }
  return { format: "fit", sport: options.sport === undefined ? "running" : options.sport, device: "Synthetic Watch", points, deviceTotals: options.deviceTotals ?? {} };
}
