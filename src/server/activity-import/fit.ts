// Reads a FIT activity file (what Garmin, Coros, Suunto, Wahoo and most watches write) with
// Garmin's own SDK: the decoder checks the header and the CRC, applies each field's scale and
// offset, and names the enums; this file only maps its messages onto our TrackPoint.
import { Decoder, Stream } from "@garmin/fitsdk";
import type { DeviceInfoMesg, FileIdMesg, FitMessages, RecordMesg, SessionMesg } from "@garmin/fitsdk";
import { ActivityReadError, type ParsedActivity, type TrackPoint } from "./types";

const NOT_FIT = "This is not a FIT file: export the activity from the watch or its app as FIT, GPX or TCX.";
const DAMAGED = "The file is cut short or damaged: export it from the watch again.";
const UNREADABLE =
  "The FIT file's contents could not be read (damaged inside, or written in a form the reader does not follow): export it from the watch again, or as GPX or TCX.";
const NO_POINTS =
  "The FIT file has no recorded points with a time: export the activity itself, not a course or a workout.";

const DEGREES_PER_SEMICIRCLE = 180 / 2 ** 31;

/**
 * What a body and a watch can produce; a value outside is a sensor glitch and is dropped, not
 * stored. Balance is the left foot's share of the ground contact (50 = even): a real runner is
 * within 30–70. Heart rate within 20–250 bpm.
 */
const PLAUSIBLE = {
  heartRate: [20, 250],
  cadenceSpm: [1, 400],
  groundContactMs: [50, 2000],
  groundContactBalanceLeft: [30, 70],
  verticalOscillationMm: [1, 500],
  strideLengthMm: [1, 5000],
} as const satisfies Record<string, readonly [number, number]>;

function plausible(value: number | null | undefined, [min, max]: readonly [number, number]): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function degrees(semicircles: unknown, limit: number): number | undefined {
  const v = finite(semicircles);
  if (v === undefined) return undefined;
  const deg = v * DEGREES_PER_SEMICIRCLE;
  return Math.abs(deg) <= limit ? deg : undefined;
}

/**
 * FIT's running cadence is per foot (strides a minute, "rpm"), with the fraction in its own
 * field; a runner's cadence is steps a minute with both feet, so it is doubled. (A ride's
 * cadence is pedal turns and would be doubled wrongly, but a ride is refused by its sport; a
 * walk's FIT cadence is per foot like a run's.)
 */
function stepsPerMinute(whole: unknown, fraction: unknown): number | undefined {
  const w = finite(whole);
  if (w === undefined) return undefined;
  return (w + (finite(fraction) ?? 0)) * 2;
}

function toPoint(r: RecordMesg): TrackPoint | null {
  if (!(r.timestamp instanceof Date) || Number.isNaN(r.timestamp.getTime())) return null;
  const p: TrackPoint = { time: r.timestamp };
  const lat = degrees(r.positionLat, 90);
  const lon = degrees(r.positionLong, 180);
  if (lat !== undefined && lon !== undefined) {
    p.lat = lat;
    p.lon = lon;
  }
  const altitude = finite(r.enhancedAltitude) ?? finite(r.altitude);
  if (altitude !== undefined) p.altitudeM = altitude;
  const distance = finite(r.distance);
  if (distance !== undefined && distance >= 0) p.distanceM = distance;
  const speed = finite(r.enhancedSpeed) ?? finite(r.speed);
  if (speed !== undefined && speed >= 0) p.speedMps = speed;
  const hr = plausible(r.heartRate, PLAUSIBLE.heartRate);
  if (hr !== undefined) p.heartRate = hr;
  const cadence = plausible(stepsPerMinute(r.cadence, r.fractionalCadence), PLAUSIBLE.cadenceSpm);
  if (cadence !== undefined) p.cadenceSpm = cadence;
  const gct = plausible(r.stanceTime, PLAUSIBLE.groundContactMs);
  if (gct !== undefined) p.groundContactMs = gct;
  const balance = plausible(r.stanceTimeBalance, PLAUSIBLE.groundContactBalanceLeft);
  if (balance !== undefined) p.groundContactBalanceLeft = balance;
  const vo = plausible(r.verticalOscillation, PLAUSIBLE.verticalOscillationMm);
  if (vo !== undefined) p.verticalOscillationMm = vo;
  const step = plausible(r.stepLength, PLAUSIBLE.strideLengthMm);
  if (step !== undefined) p.strideLengthMm = step;
  return p;
}

/** "trailRunning" → "trail_running", as ParsedActivity's sport is spelled. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** The sport as the file says it; a trail run is "trail_running", other running sub-sports are "running". */
function sportName(sport: unknown, subSport: unknown): string | null {
  if (typeof sport !== "string" || sport === "" || sport === "generic") return null;
  if (sport === "running" && subSport === "trail") return "trail_running";
  return snake(sport);
}

function isRunning(sport: string | null): boolean {
  return sport === "running" || sport === "trail_running";
}

/** Garmin's short product names ("fr255", "fenix7Pro") as the box says them. */
const PRODUCT_FAMILIES: [RegExp, string][] = [
  [/^fr(?=\d)/, "Forerunner "],
  [/^fenix/, "Fenix "],
  [/^epix/, "Epix "],
  [/^edge/, "Edge "],
  [/^vivoactive/, "Vivoactive "],
  [/^venu/, "Venu "],
  [/^instinct/, "Instinct "],
  [/^enduro/, "Enduro "],
  [/^approach/, "Approach "],
  [/^marq/, "MARQ "],
];

function readableWords(name: string): string {
  return name
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .replace(/([0-9])([A-Za-z])/g, "$1 $2")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

function readableProduct(name: string): string {
  for (const [prefix, family] of PRODUCT_FAMILIES) {
    if (prefix.test(name)) return (family + readableWords(name.replace(prefix, ""))).trim();
  }
  return readableWords(name);
}

/**
 * "Garmin Forerunner 255" from the file's maker and product; the maker and the product number
 * when the profile has no name for it; null when the file names neither.
 */
function deviceName(fileId: FileIdMesg | undefined, creator: DeviceInfoMesg | undefined): string | null {
  for (const m of [fileId, creator]) {
    if (!m) continue;
    const productName = typeof m.productName === "string" ? m.productName.trim() : "";
    const maker = typeof m.manufacturer === "string" && m.manufacturer !== "development" ? readableWords(m.manufacturer) : null;
    if (productName) return maker && !productName.toLowerCase().startsWith(maker.toLowerCase()) ? `${maker} ${productName}` : productName;
    if (!maker) continue;
    if (typeof m.garminProduct === "string") return `${maker} ${readableProduct(m.garminProduct)}`;
    const id = finite(m.garminProduct) ?? finite(m.product);
    return id === undefined || id === 0 ? maker : `${maker} ${id}`;
  }
  return null;
}

/** What the other kinds of FIT file hold (file_id.type, up to its first capital: monitoringB → monitoring). */
const FILE_KINDS: Record<string, string> = {
  course: "a course (a planned route), not a recorded activity",
  workout: "a planned workout, not a recorded activity",
  schedules: "a training schedule, not a recorded activity",
  settings: "the watch's settings, not an activity",
  sport: "sport settings, not an activity",
  totals: "totals, not an activity",
  goals: "goals, not an activity",
  monitoring: "daily health monitoring, not an activity",
  weight: "weight measurements, not an activity",
  bloodPressure: "blood pressure readings, not an activity",
  segment: "a segment, not an activity",
  segmentList: "a list of segments, not an activity",
};

type Totals = ParsedActivity["deviceTotals"];

/** One session's figures, each only where the watch wrote a plausible value. */
function sessionTotals(s: SessionMesg): Totals {
  const t: Totals = {};
  if (s.startTime instanceof Date && !Number.isNaN(s.startTime.getTime())) t.startedAt = s.startTime;
  const distance = finite(s.totalDistance);
  if (distance !== undefined && distance >= 0) t.distanceM = distance;
  const elapsed = finite(s.totalElapsedTime);
  if (elapsed !== undefined && elapsed >= 0) t.elapsedS = elapsed;
  const timer = finite(s.totalTimerTime);
  if (timer !== undefined && timer >= 0) t.movingS = timer;
  const ascent = finite(s.totalAscent);
  if (ascent !== undefined && ascent >= 0) t.elevationGainM = ascent;
  const avgHr = plausible(s.avgHeartRate, PLAUSIBLE.heartRate);
  if (avgHr !== undefined) t.avgHeartRate = avgHr;
  const maxHr = plausible(s.maxHeartRate, PLAUSIBLE.heartRate);
  if (maxHr !== undefined) t.maxHeartRate = maxHr;
  const cadence = plausible(stepsPerMinute(s.avgRunningCadence ?? s.avgCadence, s.avgFractionalCadence), PLAUSIBLE.cadenceSpm);
  if (cadence !== undefined) t.avgCadenceSpm = cadence;
  const gct = plausible(s.avgStanceTime, PLAUSIBLE.groundContactMs);
  if (gct !== undefined) t.avgGroundContactMs = gct;
  const balance = plausible(s.avgStanceTimeBalance, PLAUSIBLE.groundContactBalanceLeft);
  if (balance !== undefined) t.groundContactBalanceLeft = balance;
  const vo = plausible(s.avgVerticalOscillation, PLAUSIBLE.verticalOscillationMm);
  if (vo !== undefined) t.avgVerticalOscillationMm = vo;
  const step = plausible(s.avgStepLength, PLAUSIBLE.strideLengthMm);
  if (step !== undefined) t.avgStrideLengthMm = step;
  return t;
}

type AverageKey = "avgHeartRate" | "avgCadenceSpm" | "avgGroundContactMs" | "groundContactBalanceLeft" | "avgVerticalOscillationMm" | "avgStrideLengthMm";
const AVERAGES: AverageKey[] = [
  "avgHeartRate",
  "avgCadenceSpm",
  "avgGroundContactMs",
  "groundContactBalanceLeft",
  "avgVerticalOscillationMm",
  "avgStrideLengthMm",
];

/** Several running sessions (a run with a transition, say) as one: sums, and averages weighted by moving time. */
function combineTotals(parts: Totals[]): Totals {
  if (parts.length === 1) return parts[0]!;
  const t: Totals = {};
  const starts = parts.map((p) => p.startedAt).filter((d): d is Date => d !== undefined);
  if (starts.length) t.startedAt = new Date(Math.min(...starts.map((d) => d.getTime())));
  for (const key of ["distanceM", "elapsedS", "movingS", "elevationGainM"] as const) {
    const values = parts.map((p) => p[key]).filter((v): v is number => v !== undefined);
    if (values.length) t[key] = values.reduce((a, b) => a + b, 0);
  }
  const maxes = parts.map((p) => p.maxHeartRate).filter((v): v is number => v !== undefined);
  if (maxes.length) t.maxHeartRate = Math.max(...maxes);
  for (const key of AVERAGES) {
    let sum = 0;
    let weight = 0;
    for (const p of parts) {
      const v = p[key];
      if (v === undefined) continue;
      const w = p.movingS ?? p.elapsedS ?? 1;
      sum += v * w;
      weight += w;
    }
    if (weight > 0) t[key] = sum / weight;
  }
  return t;
}

function decode(bytes: Uint8Array): FitMessages {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) throw new ActivityReadError(NOT_FIT);
  const decoder = new Decoder(stream);
  // Its length and CRC: a file cut short in the upload or on the watch fails here.
  if (!decoder.checkIntegrity()) throw new ActivityReadError(DAMAGED);
  // The SDK never throws from read(): what it cannot decode comes back as errors. With a sound
  // CRC that is a file written wrong, or in a form the SDK does not decode (compressed
  // timestamps); half an activity is not imported as if it were the whole.
  const { messages, errors } = decoder.read({ includeUnknownData: false, mergeHeartRates: true });
  if (errors.length > 0) throw new ActivityReadError(UNREADABLE);
  return messages;
}

/** A FIT activity file as points and the watch's own totals. Throws ActivityReadError with the client's sentence. */
export function parseFit(bytes: Uint8Array): ParsedActivity {
  const messages = decode(bytes);
  const fileId = messages.fileIdMesgs?.[0];
  if (fileId && fileId.type !== undefined && fileId.type !== "activity") {
    const what = typeof fileId.type === "string" ? FILE_KINDS[fileId.type.replace(/[A-Z].*$/, "")] : undefined;
    throw new ActivityReadError(
      `This FIT file ${what ? `holds ${what}` : "is not a recorded activity"}: export the activity itself from the watch or its app.`,
    );
  }
  const creator = messages.deviceInfoMesgs?.find((d) => d.deviceIndex === "creator" || d.deviceIndex === 0);
  const device = deviceName(fileId, creator);

  const sessions = (messages.sessionMesgs ?? []).map((s) => ({ mesg: s, sport: sportName(s.sport, s.subSport) }));
  const running = sessions.filter((s) => isRunning(s.sport));

  let records = messages.recordMesgs ?? [];
  let sport: string | null;
  let deviceTotals: Totals;
  if (running.length > 0) {
    sport = running.some((s) => s.sport === "running") ? "running" : "trail_running";
    deviceTotals = combineTotals(running.map((s) => sessionTotals(s.mesg)));
    if (running.length < sessions.length) records = runningRecords(records, sessions);
  } else if (sessions.length > 0) {
    // Not a run: say what it is (the longest session's sport), so validation can refuse it by name.
    const longest = sessions.reduce((a, b) => ((finite(b.mesg.totalElapsedTime) ?? 0) > (finite(a.mesg.totalElapsedTime) ?? 0) ? b : a));
    sport = longest.sport ?? sessions.find((s) => s.sport !== null)?.sport ?? null;
    deviceTotals = sessions.length === 1 ? sessionTotals(longest.mesg) : {};
  } else {
    const s = messages.sportMesgs?.[0] ?? messages.lapMesgs?.[0];
    sport = s ? sportName(s.sport, s.subSport) : null;
    deviceTotals = {};
  }

  const points: TrackPoint[] = [];
  for (const r of records) {
    const p = toPoint(r);
    if (p) points.push(p);
  }
  if (points.length === 0) throw new ActivityReadError(NO_POINTS);
  return { format: "fit", sport, device, points, deviceTotals };
}

/**
 * A multisport file (a triathlon): the points recorded during the running sessions only. A
 * record belongs to the last session started at or before it (a leg's end and the next leg's
 * start share a second). Watches count the records' distance from the start of the whole
 * activity (the swim and the ride included) or from each leg's start, so the running legs'
 * distance is counted on from zero, one leg after the other, whichever the watch did.
 */
function runningRecords(records: RecordMesg[], sessions: { mesg: SessionMesg; sport: string | null }[]): RecordMesg[] {
  const starts = sessions
    .filter((s) => s.mesg.startTime instanceof Date)
    .map((s) => ({ at: (s.mesg.startTime as Date).getTime(), running: isRunning(s.sport) }))
    .sort((a, b) => a.at - b.at);
  const kept: RecordMesg[] = [];
  let leg = -1;
  let keptLeg = -1;
  let base = 0;
  let legStart = 0;
  let previous: number | undefined;
  let counted = 0;
  for (const r of records) {
    const t = r.timestamp instanceof Date ? r.timestamp.getTime() : NaN;
    if (Number.isNaN(t)) continue;
    while (leg + 1 < starts.length && starts[leg + 1]!.at <= t) leg++;
    if (leg < 0 || !starts[leg]!.running) continue;
    const d = finite(r.distance);
    if (d === undefined) {
      kept.push(r);
      continue;
    }
    if (keptLeg !== leg || previous === undefined || d < previous) {
      // A new running leg, or the watch started counting again from zero.
      base = counted;
      legStart = keptLeg !== leg || previous === undefined ? d : 0;
      keptLeg = leg;
    }
    previous = d;
    counted = base + d - legStart;
    kept.push({ ...r, distance: counted });
  }
  return kept;
}
