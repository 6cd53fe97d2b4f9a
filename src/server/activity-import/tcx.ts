// A TCX file (Garmin's Training Center format, still what Garmin Connect, Polar Flow and
// TrainingPeaks export) → the points as the file has them, and the laps' totals.
// togeojson's tcx() draws a route, not a run: it drops every Trackpoint without a Position (a
// treadmill run, the first seconds before GPS locks), keeps heart rates in a list that then no
// longer lines up with the points, and does not read DistanceMeters or RunCadence. So the
// document is parsed by xmldom (guarded), tcx() is asked only whether it sees a route, and the few
// elements a runner needs are read from each Trackpoint and Lap of the same document.
import { tcx } from "@tmcw/togeojson";
import type { Element } from "@xmldom/xmldom";

import { normalizeSport } from "./sport-names";
import { ActivityReadError, type ParsedActivity, type TrackPoint } from "./types";
import { parseGuardedXml } from "./xml-guard";

/** A TCX document's (first running, else first) Activity as a ParsedActivity. */
export function parseTcx(text: string): ParsedActivity {
  const doc = parseGuardedXml(text, "TCX", "TrainingCenterDatabase");
  const activities = Array.from(doc.getElementsByTagName("Activity"));
  const activity = activities.find((a) => normalizeSport(a.getAttribute("Sport")) === "running") ?? activities[0];
  if (!activity) {
    const isCourse = doc.getElementsByTagName("Course").length > 0 && tcx(doc).features.length > 0;
    throw new ActivityReadError(
      isCourse
        ? "The file holds a planned course, not a recorded run: export the activity instead."
        : "The file has no activity in it: there is no run to import.",
    );
  }

  const sport = normalizeSport(activity.getAttribute("Sport"));
  const laps = children(activity, "Lap");
  const points: TrackPoint[] = [];
  for (const lap of laps) {
    for (const track of children(lap, "Track")) {
      for (const trackpoint of children(track, "Trackpoint")) {
        const point = readTrackpoint(trackpoint);
        if (point) points.push(point);
      }
    }
  }
  if (points.length === 1) throw new ActivityReadError("The file has only one point: there is no run in it.");
  if (points.length === 0) throw new ActivityReadError("The file has no recorded points: there is no run in it.");
  points.sort((a, b) => a.time.getTime() - b.time.getTime());

  const creator = child(activity, "Creator");
  const deviceName = creator ? text1(creator, "Name") : null;
  return { format: "tcx", sport, device: deviceName, points, deviceTotals: lapTotals(activity, laps) };
}

function readTrackpoint(trackpoint: Element): TrackPoint | null {
  const time = new Date(text1(trackpoint, "Time") ?? "");
  // A Trackpoint without a time cannot be placed in the run (Garmin writes one per lap start).
  if (Number.isNaN(time.getTime())) return null;
  const point: TrackPoint = { time };
  const position = child(trackpoint, "Position");
  if (position) {
    const lat = num(text1(position, "LatitudeDegrees"));
    const lon = num(text1(position, "LongitudeDegrees"));
    if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      point.lat = lat;
      point.lon = lon;
    }
  }
  const altitude = num(text1(trackpoint, "AltitudeMeters"));
  if (altitude !== undefined) point.altitudeM = altitude;
  const distance = num(text1(trackpoint, "DistanceMeters"));
  if (distance !== undefined && distance >= 0) point.distanceM = distance;
  const heart = child(trackpoint, "HeartRateBpm");
  const heartRate = heart ? num(text1(heart, "Value")) : undefined;
  if (heartRate !== undefined && heartRate >= 20 && heartRate <= 250) point.heartRate = heartRate;

  // Cadence: ns3:RunCadence (ActivityExtension's TPX) or the plain <Cadence>; both per foot for a run.
  const extensions = child(trackpoint, "Extensions");
  const runCadence = extensions ? num(deepText(extensions, "RunCadence")) : undefined;
  const cadence = runCadence ?? num(text1(trackpoint, "Cadence"));
  if (cadence !== undefined && cadence > 0 && cadence < 150) point.cadenceSpm = cadence * 2;
  const speed = extensions ? num(deepText(extensions, "Speed")) : undefined;
  if (speed !== undefined && speed >= 0 && speed < 100) point.speedMps = speed;
  return point;
}

/**
 * The laps' own totals: TotalTimeSeconds is Garmin's timer time (pauses left out), so their sum is
 * the moving time; DistanceMeters sums to the distance; heart rate is weighted by each lap's time.
 */
function lapTotals(activity: Element, laps: Element[]): ParsedActivity["deviceTotals"] {
  const totals: ParsedActivity["deviceTotals"] = {};
  const started = new Date(laps[0]?.getAttribute("StartTime") ?? text1(activity, "Id") ?? "");
  if (!Number.isNaN(started.getTime())) totals.startedAt = started;

  let seconds = 0;
  let metres = 0;
  let hasTime = false;
  let hasDistance = false;
  let heartWeighted = 0;
  let heartSeconds = 0;
  let maxHeart: number | undefined;
  for (const lap of laps) {
    const lapSeconds = num(text1(lap, "TotalTimeSeconds"));
    const lapMetres = num(text1(lap, "DistanceMeters"));
    if (lapSeconds !== undefined && lapSeconds >= 0) {
      seconds += lapSeconds;
      hasTime = true;
    }
    if (lapMetres !== undefined && lapMetres >= 0) {
      metres += lapMetres;
      hasDistance = true;
    }
    const avg = num(text1OfChild(lap, "AverageHeartRateBpm"));
    if (avg !== undefined && lapSeconds !== undefined && lapSeconds > 0) {
      heartWeighted += avg * lapSeconds;
      heartSeconds += lapSeconds;
    }
    const max = num(text1OfChild(lap, "MaximumHeartRateBpm"));
    if (max !== undefined) maxHeart = Math.max(maxHeart ?? 0, max);
  }
  if (hasTime && seconds > 0) totals.movingS = seconds;
  if (hasDistance && metres > 0) totals.distanceM = metres;
  if (heartSeconds > 0) totals.avgHeartRate = Math.round(heartWeighted / heartSeconds);
  if (maxHeart !== undefined && maxHeart >= 20 && maxHeart <= 250) totals.maxHeartRate = maxHeart;
  return totals;
}

/** Direct children named `name` (by local name, whatever the prefix). */
function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
}

function child(parent: Element, name: string): Element | undefined {
  return children(parent, name)[0];
}

/** The text of the direct child `name`, trimmed; null when absent or empty. */
function text1(parent: Element, name: string): string | null {
  const text = child(parent, name)?.textContent?.trim();
  return text ? text : null;
}

/** `<AverageHeartRateBpm><Value>142</Value></AverageHeartRateBpm>` → "142". */
function text1OfChild(parent: Element, name: string): string | null {
  const el = child(parent, name);
  return el ? text1(el, "Value") : null;
}

/** The first descendant named `name` (by local name: `ns3:RunCadence`, `RunCadence`). */
function deepText(parent: Element, name: string): string | null {
  const found = Array.from(parent.getElementsByTagName("*")).find((el) => el.localName === name);
  const text = found?.textContent?.trim();
  return text ? text : null;
}

function num(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
