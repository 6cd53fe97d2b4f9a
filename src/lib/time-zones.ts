import { IANAZone } from "luxon";

/** Every zone the runtime knows, UTC included: the choices of a "Your time zone" field. */
export function timeZoneOptions(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const zoneValidity = new Map<string, boolean>();
/** True when the name is an IANA time zone this runtime knows, e.g. 'Europe/London'. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0) return false;
  let isValid = zoneValidity.get(timeZone);
  if (isValid === undefined) {
    // luxon's check builds an Intl formatter each time, and the set of zones is fixed for the
    // life of the process: remember the answer (bounded, the cache cannot grow past it by much).
    isValid = IANAZone.isValidZone(timeZone);
    if (zoneValidity.size < 1000) zoneValidity.set(timeZone, isValid);
  }
  return isValid;
}

/** The zone a person's days and times are read in when none is stored, or the stored one is unknown. */
export const FALLBACK_ZONE = "UTC";

// A stored zone is used as it is when this runtime knows it; none, or one it does not know
// (an old import, a zone since renamed), reads as UTC rather than failing the page.
export function usableZone(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : FALLBACK_ZONE;
}
