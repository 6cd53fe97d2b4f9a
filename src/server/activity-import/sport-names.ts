// The sport as a GPX <type> or a TCX Sport attribute says it, in the lower-case snake words the
// FIT reader uses ("running", "trail_running", "cycling"), so validation reads one vocabulary.

/**
 * Strava's GPX export writes its activity type as a number; the ones a runner's export holds.
 * (1 Ride, 4 Hike, 9 Run, 10 Walk, 16 Swim, 17 Virtual Ride, 53 Virtual Run.)
 */
const STRAVA_TYPES: Record<string, string> = {
  "1": "cycling",
  "4": "hiking",
  "9": "running",
  "10": "walking",
  "16": "swimming",
  "17": "cycling",
  "53": "virtual_running",
};

/** Other apps' names for the same sports. */
const SYNONYMS: Record<string, string> = {
  run: "running",
  biking: "cycling",
  bike: "cycling",
  ride: "cycling",
  road_biking: "cycling",
  mountain_biking: "cycling",
  virtual_ride: "cycling",
  trail_run: "trail_running",
  treadmill: "treadmill_running",
  virtual_run: "virtual_running",
  walk: "walking",
  hike: "hiking",
};

/** "Running", "trail running", "9" → "running", "trail_running", "running"; "other"/"" → null. */
export function normalizeSport(raw: string | null | undefined): string | null {
  const text = (raw ?? "").trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return STRAVA_TYPES[text] ?? null;
  const snake = text
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!snake || snake === "other" || snake === "generic" || snake === "unknown") return null;
  return SYNONYMS[snake] ?? snake;
}
