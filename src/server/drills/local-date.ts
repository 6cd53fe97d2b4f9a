import { DateTime, IANAZone } from "luxon";

/**
 * A calendar date on the client's wall calendar, 'YYYY-MM-DD', with no time and no zone.
 * Drill days, schedules and mastery windows are counted in these, never in UTC instants,
 * so "today" for a runner in Sydney is their today, not the server's.
 */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Training and booking calendars span these years; outside them a date is a slip, not a plan. */
export const LOCAL_DATE_YEARS = { min: 1900, max: 2999 } as const;

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (2026-02-30 is not), in LOCAL_DATE_YEARS. */
export function isValidLocalDate(value: string): boolean {
  // luxon alone also accepts '20260329' and '2026-03-29T10:00'; the pattern keeps one spelling.
  // luxon takes year 0000 too, which PostgreSQL has no date for (a 500 once, found by the fuzzer),
  // and 9999-12-31 plus a few days has no four-digit year.
  if (!LOCAL_DATE_PATTERN.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: "utc" });
  return date.isValid && date.year >= LOCAL_DATE_YEARS.min && date.year <= LOCAL_DATE_YEARS.max;
}

/** True when the name is an IANA time zone this runtime knows, e.g. 'Europe/London'. */
export function isValidTimeZone(timeZone: string): boolean {
  return timeZone.length > 0 && IANAZone.isValidZone(timeZone);
}

/** A stored zone as it can be used: one this runtime does not know (or none) reads as UTC. */
export function zoneOrUtc(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
}

// A client's day is the calendar date on their clock at that instant, whatever the server's zone.
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("localDateIn: invalid instant");
  if (!isValidTimeZone(timeZone)) throw new RangeError(`localDateIn: unknown time zone '${timeZone}'`);
  const date = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError("localDateIn: instant out of range");
  return date;
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  // Calendar arithmetic in UTC: a local date has no zone, so no DST day can be 23 or 25 hours.
  const result = parseLocalDate(date).plus({ days }).toISODate();
  if (result === null) throw new RangeError(`addDays: result out of range for '${date}'`);
  return result;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(parseLocalDate(to).diff(parseLocalDate(from), "days").days);
}

/** Throws for anything that is not a real 'YYYY-MM-DD' date: a caller bug, not user input. */
export function assertLocalDate(value: string, name: string): void {
  if (!isValidLocalDate(value)) throw new RangeError(`${name}: '${value}' is not a YYYY-MM-DD date`);
}

function parseLocalDate(date: LocalDate): DateTime {
  assertLocalDate(date, "local date");
  return DateTime.fromISO(date, { zone: "utc" });
}
