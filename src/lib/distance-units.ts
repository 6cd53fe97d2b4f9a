import { formatDuration } from "./wording";

// The units a distance is shown and typed in; distances are always stored in metres. Every
// page, chart, sentence and export that shows a distance or a pace goes through this module,
// so that changing a person's unit changes how their runs read, never what was stored.
export const DISTANCE_UNITS = ["km", "mi"] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

/** The international mile, exactly. */
export const METRES_PER_MILE = 1609.344;
const METRES_PER: Record<DistanceUnit, number> = { km: 1000, mi: METRES_PER_MILE };

export const unitWords: Record<DistanceUnit, { short: string; plural: string; singular: string }> = {
  km: { short: "km", plural: "kilometres", singular: "kilometre" },
  mi: { short: "mi", plural: "miles", singular: "mile" },
};

/** The person's own choice if they made one, else their studio's, else kilometres. */
export function resolveDistanceUnit(personal: DistanceUnit | null | undefined, studio: DistanceUnit | null | undefined): DistanceUnit {
  return personal ?? studio ?? "km";
}

/** 1000 or 1609.344: for SQL that converts in the database (exports). */
export function metresPerUnit(unit: DistanceUnit): number {
  return METRES_PER[unit];
}

/** Metres as a number of the unit (unrounded). */
export function inUnit(distanceM: number, unit: DistanceUnit): number {
  return distanceM / METRES_PER[unit];
}

/**
 * A distance typed in `unit` ("m" for a track rep) as metres, to a tenth of a metre like the
 * other typed distances; runs are then stored in whole metres.
 */
export function metresOf(value: number, unit: DistanceUnit | "m"): number {
  return unit === "m" ? value : Math.round(value * METRES_PER[unit] * 10) / 10;
}

/** The number alone for a file's column: "4.99" (km), "3.10" (mi). */
export function distanceNumber(distanceM: number, unit: DistanceUnit, decimals = 2): string {
  return roundTo(inUnit(distanceM, unit), decimals).toFixed(decimals);
}

/** "5.00 km", "3.11 mi", "12.4 mi": two decimals under 10, one from 10 on (or as asked). */
export function formatDistance(distanceM: number, unit: DistanceUnit, options: { decimals?: number } = {}): string {
  const value = inUnit(distanceM, unit);
  const decimals = options.decimals ?? (value < 9.995 ? 2 : 1);
  return `${roundTo(value, decimals).toFixed(decimals)} ${unitWords[unit].short}`;
}

// Halves round up as a person would (5.005 km reads 5.01), not as the binary fraction falls.
function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** The number alone to one decimal, without a trailing ".0", for sentences: "8.2", "11" (then "km run"). */
export function shortDistance(distanceM: number, unit: DistanceUnit): string {
  return roundTo(inUnit(distanceM, unit), 1).toString();
}

/** Seconds per kilometre or per mile; null without a distance. */
export function paceIn(distanceM: number, durationS: number, unit: DistanceUnit): number | null {
  return distanceM > 0 ? durationS / inUnit(distanceM, unit) : null;
}

/** A pace kept per kilometre (as the progression sums it) in the person's unit. */
export function perKmPaceIn(secondsPerKm: number, unit: DistanceUnit): number {
  return (secondsPerKm * METRES_PER[unit]) / 1000;
}

/** "5:30 /km", "8:51 /mi", from seconds per unit. */
export function formatPace(secondsPerUnit: number, unit: DistanceUnit): string {
  return `${formatDuration(secondsPerUnit)} /${unitWords[unit].short}`;
}

/** Speed, for those who read it that way: "10.9 km/h", "6.8 mph". */
export function formatSpeed(distanceM: number, durationS: number, unit: DistanceUnit): string {
  const perHour = durationS > 0 ? (inUnit(distanceM, unit) * 3600) / durationS : 0;
  return `${perHour.toFixed(1)} ${unit === "km" ? "km/h" : "mph"}`;
}

/** "5.00 km in 27:30 (5:30 /km)". */
export function describeRun(distanceM: number, durationS: number, unit: DistanceUnit): string {
  const pace = paceIn(distanceM, durationS, unit);
  return `${formatDistance(distanceM, unit)} in ${formatDuration(durationS)}${pace === null ? "" : ` (${formatPace(pace, unit)})`}`;
}

/** Said once on a page whose distances are in the viewer's unit, not the client's: "Distances shown in miles." */
export function shownIn(unit: DistanceUnit): string {
  return `Distances shown in ${unitWords[unit].plural}.`;
}

/** The longest run recorded, said in the unit: "300 km", "186.4 mi". */
export function longestRunIn(maxM: number, unit: DistanceUnit): string {
  return `${shortDistance(maxM, unit)} ${unitWords[unit].short}`;
}

export type ParsedDistance = { ok: true; value: number; metres: number } | { ok: false; message: string };

const example: Record<DistanceUnit, string> = { km: "5", mi: "3.1" };

/**
 * A distance as the person typed it in their unit ("3.1", "3,1", "3.1 mi"), as metres, or the
 * sentence to show beside the field. `maxM` is the longest distance accepted.
 */
export function parseDistance(text: string, unit: DistanceUnit, maxM: number): ParsedDistance {
  const words = unitWords[unit];
  const typed = text.trim().toLowerCase();
  if (typed === "") return { ok: false, message: `Enter the distance in ${words.plural}, e.g. ${example[unit]}.` };
  const match = /^(\d+(?:[.,]\d*)?|[.,]\d+)\s*([a-z]*)$/.exec(typed);
  if (!match) return { ok: false, message: `Enter the distance as a number of ${words.plural}, e.g. ${example[unit]}.` };
  const suffix = match[2]!;
  if (suffix !== "" && !unitSpellings[unit].includes(suffix)) {
    const other = unit === "km" ? "mi" : "km";
    return unitSpellings[other].includes(suffix) || suffix === "m"
      ? { ok: false, message: `Enter the distance in ${words.plural} (your setting in Account), e.g. ${example[unit]}.` }
      : { ok: false, message: `Enter the distance as a number of ${words.plural}, e.g. ${example[unit]}.` };
  }
  const value = Number(match[1]!.replace(",", "."));
  const metres = metresOf(value, unit);
  // Runs are stored in whole metres: a distance that rounds to 0 m is no run.
  if (!Number.isFinite(value) || Math.round(metres) < 1) return { ok: false, message: `Enter a distance above 0 ${words.plural}.` };
  if (metres > maxM) return { ok: false, message: `${longestRunIn(maxM, unit)} is the longest run we record; check the distance.` };
  return { ok: true, value, metres };
}

const unitSpellings: Record<DistanceUnit, string[]> = {
  km: ["km", "kms", "k", "kilometre", "kilometres", "kilometer", "kilometers"],
  mi: ["mi", "mile", "miles"],
};
