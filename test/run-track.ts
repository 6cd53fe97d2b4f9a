import { METRES_PER_MILE } from "@/lib/distance-units";
import type { RunSeries, RunSplit, RunTrackData } from "@/lib/runs/track-data";

// A realistic 8 km run as the import would store it (issue 19): a loop of a park, a negative
// split (5:20 /km down to 4:50 /km), heart rate drifting up, running dynamics of a trained
// runner, and the splits per kilometre and per mile computed from the same series. Plain
// numbers, deterministic, no database: integration tests insert it through drizzle, the e2e
// story through SQL on the server's folder.

const DISTANCE_M = 8000;
const SAMPLES = 500;
/** Hyde Park, London. */
const CENTRE = { lat: 51.5073, lon: -0.1657 };

/** Seconds per km at a distance: easing from 5:20 to 4:50, with a small wave. */
function paceAt(d: number): number {
  return 320 - (30 * d) / DISTANCE_M + 6 * Math.sin(d / 450);
}

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.round(present.reduce((a, b) => a + b, 0) / present.length) : null;
}

function splitsOf(series: RunSeries, length: number): RunSplit[] {
  const splits: RunSplit[] = [];
  const total = series.distanceM[series.distanceM.length - 1]!;
  const timeAt = (d: number) => {
    const i = series.distanceM.findIndex((x) => x >= d);
    if (i <= 0) return i === 0 ? 0 : series.elapsedS[series.elapsedS.length - 1]!;
    const [d0, d1, t0, t1] = [series.distanceM[i - 1]!, series.distanceM[i]!, series.elapsedS[i - 1]!, series.elapsedS[i]!];
    return t0 + ((t1 - t0) * (d - d0)) / (d1 - d0);
  };
  for (let from = 0, index = 1; from < total - 1; from += length, index++) {
    const to = Math.min(total, from + length);
    const inside = series.distanceM.map((d, i) => (d >= from && d <= to ? i : -1)).filter((i) => i >= 0);
    let gain = 0;
    let loss = 0;
    for (let k = 1; k < inside.length; k++) {
      const step = series.altitudeM[inside[k]!]! - series.altitudeM[inside[k - 1]!]!;
      if (step > 0) gain += step;
      else loss -= step;
    }
    splits.push({
      index,
      distanceM: Math.round(to - from),
      durationS: Math.round(timeAt(to) - timeAt(from)),
      elevationGainM: Math.round(gain),
      elevationLossM: Math.round(loss),
      avgHeartRate: mean(inside.map((i) => series.heartRate[i]!)),
      avgCadenceSpm: mean(inside.map((i) => series.cadenceSpm[i]!)),
      avgGroundContactMs: mean(inside.map((i) => series.groundContactMs[i]!)),
    });
  }
  return splits;
}

/** The track of an 8 km loop run (500 samples, 1000 route points, 8 km and 5 mile splits). */
export function sampleRunTrack(): RunTrackData {
  const series: RunSeries = { distanceM: [], elapsedS: [], paceSPerKm: [], heartRate: [], cadenceSpm: [], altitudeM: [], groundContactMs: [] };
  let elapsed = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const d = (DISTANCE_M * i) / (SAMPLES - 1);
    if (i > 0) elapsed += (paceAt(d) * (d - series.distanceM[i - 1]!)) / 1000;
    const progress = d / DISTANCE_M;
    series.distanceM.push(Math.round(d * 10) / 10);
    series.elapsedS.push(Math.round(elapsed));
    series.paceSPerKm.push(Math.round(paceAt(d) * 10) / 10);
    series.heartRate.push(Math.round(128 + 40 * Math.min(1, progress * 1.6) + 3 * Math.sin(d / 300)));
    series.cadenceSpm.push(Math.round(172 + 6 * progress + Math.sin(d / 200)));
    series.altitudeM.push(Math.round((26 + 7 * Math.sin((2 * Math.PI * d) / 2600) + 3 * Math.sin(d / 170)) * 10) / 10);
    series.groundContactMs.push(Math.round(248 - 12 * progress + 2 * Math.sin(d / 250)));
  }
  const route: [number, number][] = [];
  const cosLat = Math.cos((CENTRE.lat * Math.PI) / 180);
  for (let i = 0; i < 1000; i++) {
    const a = (2 * Math.PI * i) / 999;
    const wobble = 1 + 0.06 * Math.sin(5 * a);
    const north = 1000 * wobble * Math.sin(a);
    const east = 1500 * wobble * Math.cos(a);
    route.push([Math.round((CENTRE.lat + north / 111_320) * 1e6) / 1e6, Math.round((CENTRE.lon + east / (111_320 * cosLat)) * 1e6) / 1e6]);
  }
  return { version: 1, series, route, splitsKm: splitsOf(series, 1000), splitsMi: splitsOf(series, METRES_PER_MILE) };
}

/** The runs row's figures for that track, as the import would write them for a FIT file. */
export function sampleFileRunFigures(track: RunTrackData) {
  const moving = track.series.elapsedS[track.series.elapsedS.length - 1]!;
  const gain = track.splitsKm.reduce((sum, s) => sum + (s.elevationGainM ?? 0), 0);
  const heart = track.series.heartRate.filter((v): v is number => v !== null);
  return {
    source: "file" as const,
    distanceM: DISTANCE_M,
    durationS: moving,
    elapsedS: moving + 35,
    elevationGainM: gain,
    avgHeartRate: mean(heart)!,
    maxHeartRate: Math.max(...heart),
    avgCadenceSpm: 176,
    avgGroundContactMs: 241,
    groundContactBalanceLeft: 49.2,
    avgVerticalOscillationMm: 84,
    avgStrideLengthMm: 1180,
    device: "Garmin Forerunner 255",
  };
}
