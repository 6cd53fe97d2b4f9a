// A GPX file (Garmin Connect, Strava, Apple Health, most apps) → the points as the file has them.
// togeojson reads the track: positions, elevations, times, the trk's <type>. It does not read
// heart rate and cadence reliably: it knows Garmin's TrackPointExtension only under the prefix
// `gpxtpx:`, and Garmin Connect's own export writes `ns3:`, so those few extension elements are
// read from the same xmldom document, matched by local name whatever the prefix.
import { gpx } from "@tmcw/togeojson";
import type { Element } from "@xmldom/xmldom";

import { normalizeSport } from "./sport-names";
import { ActivityReadError, type ParsedActivity, type TrackPoint } from "./types";
import { parseGuardedXml } from "./xml-guard";

// The few GeoJSON shapes togeojson returns (its types name the `geojson` package, not installed here).
type Position = number[];
interface Feature {
  properties: Record<string, unknown> & { _gpxType?: string; type?: unknown; coordinateProperties?: { times?: unknown } } | null;
  geometry: { type: "LineString"; coordinates: Position[] } | { type: "MultiLineString"; coordinates: Position[][] } | { type: string } | null;
}

const HEART_NAMES = new Set(["hr", "heartrate", "heart"]);
const CADENCE_NAMES = new Set(["cad", "cadence", "runcadence"]);

/** A GPX document's recorded track (all its trk and trkseg, in time order) as a ParsedActivity. */
export function parseGpx(text: string): ParsedActivity {
  const doc = parseGuardedXml(text, "GPX", "gpx");
  const tracks = (gpx(doc) as unknown as { features: Feature[] }).features.filter((f) => f.properties?._gpxType === "trk");
  const segments = domSegments(doc.getElementsByTagName("trk"));

  const togeoSegments = tracks.flatMap((track) => lines(track).map((coords, i) => ({ coords, times: timesOf(track, i) })));
  if (togeoSegments.length === 0) {
    const pointCount = doc.getElementsByTagName("trkpt").length;
    if (pointCount === 1) throw new ActivityReadError("The file has only one point: there is no run in it.");
    if (pointCount === 0 && doc.getElementsByTagName("rtept").length > 0) {
      throw new ActivityReadError("The file holds a planned route, not a recorded run: export the activity instead.");
    }
    throw new ActivityReadError("The file has no recorded track: there is no run in it.");
  }
  if (togeoSegments.length !== segments.length) throw mismatch();

  const points: TrackPoint[] = [];
  let hasCadence = false;
  togeoSegments.forEach(({ coords, times }, s) => {
    const elements = segments[s] ?? [];
    if (elements.length !== coords.length) throw mismatch();
    if (times.length !== coords.length) {
      throw new ActivityReadError("Some points in the file have no time: it looks like a planned route, not a recorded run.");
    }
    coords.forEach((position, i) => {
      const time = new Date(times[i] ?? "");
      if (Number.isNaN(time.getTime())) {
        throw new ActivityReadError(`The file is not a readable GPX file: the time "${String(times[i]).slice(0, 40)}" is not a date.`);
      }
      const [lon, lat, ele] = position;
      const point: TrackPoint = { time, lat, lon };
      if (typeof ele === "number" && Number.isFinite(ele)) point.altitudeM = ele;
      const ext = extensionValues(elements[i]);
      if (ext.heartRate !== undefined) point.heartRate = ext.heartRate;
      if (ext.cadence !== undefined) {
        point.cadenceSpm = ext.cadence;
        hasCadence = true;
      }
      if (ext.speedMps !== undefined) point.speedMps = ext.speedMps;
      points.push(point);
    });
  });
  points.sort((a, b) => a.time.getTime() - b.time.getTime());

  const sport = normalizeSport(typeOf(tracks));
  if (hasCadence && sport !== "cycling") doubleFootCadence(points);

  const creator = doc.documentElement?.getAttribute("creator")?.trim();
  return { format: "gpx", sport, device: creator ? creator : null, points, deviceTotals: {} };
}

function mismatch(): ActivityReadError {
  return new ActivityReadError("The file is not a readable GPX file: its track points could not be matched up.");
}

/** The trkpt elements of each trkseg that togeojson keeps: those with a position, in segments of two or more. */
function domSegments(trks: ArrayLike<Element>): Element[][] {
  const result: Element[][] = [];
  for (const trk of Array.from(trks)) {
    for (const seg of Array.from(trk.getElementsByTagName("trkseg"))) {
      const kept = Array.from(seg.getElementsByTagName("trkpt")).filter(
        (pt) => !Number.isNaN(Number.parseFloat(pt.getAttribute("lat") ?? "")) && !Number.isNaN(Number.parseFloat(pt.getAttribute("lon") ?? "")),
      );
      if (kept.length >= 2) result.push(kept);
    }
  }
  return result;
}

function lines(track: Feature): Position[][] {
  const geometry = track.geometry;
  if (geometry && "coordinates" in geometry) {
    return geometry.type === "LineString" ? [geometry.coordinates as Position[]] : (geometry.coordinates as Position[][]);
  }
  return [];
}

/** togeojson's `coordinateProperties.times`: one list for a single segment, a list per segment otherwise. */
function timesOf(track: Feature, segment: number): string[] {
  const times: unknown = track.properties?.coordinateProperties?.times;
  if (!Array.isArray(times) || times.length === 0) return [];
  if (Array.isArray(times[0])) return (times[segment] as string[] | undefined) ?? [];
  return segment === 0 ? (times as string[]) : [];
}

function typeOf(tracks: Feature[]): string | null {
  for (const track of tracks) {
    const type: unknown = track.properties?.type;
    if (typeof type === "string" && type.trim()) return type;
  }
  return null;
}

/** Heart rate, cadence and speed from a trkpt's <extensions>, whatever namespace prefix the app used. */
function extensionValues(trkpt: Element | undefined): { heartRate?: number; cadence?: number; speedMps?: number } {
  const values: { heartRate?: number; cadence?: number; speedMps?: number } = {};
  const extensions = trkpt ? Array.from(trkpt.childNodes).find((n) => (n as Element).localName === "extensions") : undefined;
  if (!extensions) return values;
  for (const el of Array.from((extensions as Element).getElementsByTagName("*"))) {
    const name = (el.localName ?? "").toLowerCase();
    if (el.getElementsByTagName("*").length > 0) continue;
    const value = Number.parseFloat(el.textContent ?? "");
    if (!Number.isFinite(value)) continue;
    if (HEART_NAMES.has(name) && value >= 20 && value <= 250) values.heartRate = value;
    else if (CADENCE_NAMES.has(name) && value > 0 && value < 300) values.cadence = value;
    else if (name === "speed" && value >= 0 && value < 100) values.speedMps = value;
  }
  return values;
}

/**
 * Garmin's TrackPointExtension `cad` is per foot for a run (85 when the watch shows 170 steps a
 * minute), and Strava writes the same; an app that already writes both feet gives values over
 * ~130, which no runner reaches per foot, so those are left as they are.
 */
function doubleFootCadence(points: TrackPoint[]): void {
  const values = points.map((p) => p.cadenceSpm).filter((c): c is number => c !== undefined && c > 0).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)] ?? 0;
  if (median > 130) return;
  for (const p of points) if (p.cadenceSpm !== undefined) p.cadenceSpm *= 2;
}
