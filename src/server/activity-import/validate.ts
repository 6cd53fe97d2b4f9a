// Whether a file read from a watch is a run Stride can store, checked before it is summarized;
// each refusal is the sentence the client reads (the import puts the file's name in front).
import { MAX_RUN_DISTANCE_M, MAX_RUN_DURATION_S } from "@/lib/session-input";

import { measureTrack, normalizePoints } from "./measure";
import { normalizeSport } from "./sport-names";
import { ActivityReadError, type ParsedActivity } from "./types";

/** A watch's clock set by GPS may still be a little ahead of the server's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** FIT's clock starts on 31 December 1989: a watch that never had its time set writes dates around then. */
const EARLIEST_RUN = Date.UTC(1990, 0, 1);

export const validateMessages = {
  onePoint: "The file has only one point: there is no run in it.",
  noDistance: "The file records no distance: there is no run in it to import.",
  noMovement: "The file records no movement: there is no run in it to import.",
  datedWrongly: (date: string) => `The run is dated ${date}: check the watch's clock.`,
  notARun: (sport: string) => `This is ${/^[aeiou]/.test(sport) ? "an" : "a"} ${sport} activity; Stride imports runs.`,
  tooLong: `The run lasts more than ${MAX_RUN_DURATION_S / 3600} hours, the longest run Stride records.`,
  tooFar: `The run is longer than ${MAX_RUN_DISTANCE_M / 1000} km, the longest run Stride records.`,
} as const;

/** A file is a run when it is a running activity, dated plausibly, with at least two instants, some distance, and within the runs' limits. */
export function validateActivity(parsed: ParsedActivity, now: Date): void {
  const sport = refusedSport(parsed.sport);
  if (sport) throw new ActivityReadError(validateMessages.notARun(sport));

  const points = normalizePoints(parsed.points);
  if (points.length < 2) throw new ActivityReadError(validateMessages.onePoint);

  // The device's start when it has a valid one (as the summary takes it), the first and the last point.
  const deviceStart = parsed.deviceTotals.startedAt;
  const instants = [points[0]!.time, points[points.length - 1]!.time];
  if (deviceStart && Number.isFinite(deviceStart.getTime())) instants.unshift(deviceStart);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  for (const instant of instants) {
    const ms = instant.getTime();
    if (ms > latest || ms < EARLIEST_RUN) throw new ActivityReadError(validateMessages.datedWrongly(instant.toISOString().slice(0, 10)));
  }

  const measured = measureTrack(parsed);
  if (Math.round(measured.elapsedS) > MAX_RUN_DURATION_S) throw new ActivityReadError(validateMessages.tooLong);
  if (Math.round(measured.distanceM) > MAX_RUN_DISTANCE_M) throw new ActivityReadError(validateMessages.tooFar);
  if (Math.round(measured.distanceM) < 1) throw new ActivityReadError(validateMessages.noDistance);
  if (Math.round(measured.movingS) < 1) throw new ActivityReadError(validateMessages.noMovement);
}

// The sports a watch or app may name a run by; everything else a device names is matched
// against the sports known not to be running. A name we do not know lets the run in: refusing a
// run is worse than importing a ride the client can delete.
const RUNNING = new Set(["running", "run", "trail_running", "treadmill_running", "track_running", "virtual_running", "street_running", "indoor_running", "ultra_running", "jogging", "jog"]);
const NOT_RUNNING_WORDS = new Set([
  "cycling", "biking", "bike", "ride", "ebiking", "e_biking", "swimming", "swim", "walking", "walk", "hiking", "hike",
  "rowing", "paddling", "kayaking", "canoeing", "rafting", "skiing", "snowboarding", "snowshoeing", "skating",
  "mountaineering", "climbing", "bouldering", "sailing", "surfing", "windsurfing", "kitesurfing", "wakeboarding",
  "wakesurfing", "paddleboarding", "diving", "snorkeling", "golf", "tennis", "soccer", "football", "basketball",
  "baseball", "cricket", "rugby", "hockey", "lacrosse", "volleyball", "boxing", "yoga", "pilates", "training",
  "strength", "hiit", "elliptical", "driving", "motorcycling", "boating", "flying", "transition", "multisport",
  "wheelchair", "dance", "meditation", "hunting", "fishing", "archery", "shooting", "snowmobiling", "racket",
  "pickleball", "padel", "geocaching", "mobility", "breathing", "gliding", "riding", "tubing", "apnea", "jumpmaster",
  "tactical", "grinding", "gaming", "jumprope", "rope",
]);
const STRAVA_NOT_RUNNING = new Set([
  "virtualride", "mountainbikeride", "gravelride", "ebikeride", "emountainbikeride", "velomobile", "handcycle",
  "alpineski", "backcountryski", "nordicski", "rollerski", "iceskate", "inlineskate", "standuppaddling",
  "weighttraining", "workout", "crossfit", "stairstepper", "rockclimbing", "wheelchair", "kitesurf", "windsurf",
]);

/** The sport's name in words when it is known not to be running, else null. */
function refusedSport(sport: string | null): string | null {
  // The readers' own vocabulary ("Trail Running", "9" → "trail_running", "running"); idempotent.
  const name = normalizeSport(sport);
  if (name === null) return null;
  const words = name.split("_");
  const compact = words.join("");
  if (!words.includes("wheelchair")) {
    if (RUNNING.has(name) || words.includes("run") || words.includes("running") || /(run|running)$/.test(compact)) return null;
  }
  if (STRAVA_NOT_RUNNING.has(compact) || words.some((word) => NOT_RUNNING_WORDS.has(word))) return name.replace(/_/g, " ");
  return null;
}
