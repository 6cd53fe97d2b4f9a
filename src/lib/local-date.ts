import { isValidTimeZone } from "./time-zones";
import { isoDateOf, wallClock } from "./wall-clock";

/**
 * A calendar date on the client's wall calendar, 'YYYY-MM-DD', with no time and no zone.
 * Drill days, schedules and mastery windows are counted in these, never in UTC instants,
 * so "today" for a runner in Sydney is their today, not the server's.
 */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// Calendar arithmetic runs on whole UTC days, without luxon: mastery and adherence walk every
// logged day of a client's history (hundreds per read), and a luxon DateTime per step was most
// of the CPU of the portal's Today read under load (bench/stack.bench.ts).
function dayNumberOf(value: string): number | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

function localDateOfDayNumber(dayNumber: number): LocalDate | null {
  const date = new Date(dayNumber * DAY_MS);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** Training and booking calendars span these years; outside them a date is a slip, not a plan. */
export const LOCAL_DATE_YEARS = { min: 1900, max: 2999 } as const;

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (2026-02-30 is not), in LOCAL_DATE_YEARS. */
export function isValidLocalDate(value: string): boolean {
  // The pattern keeps one spelling ('20260329' and '2026-03-29T10:00' are not dates here). Year
  // 0000 has no PostgreSQL date (a 500 once, found by the fuzzer), and 9999-12-31 plus a few days
  // has no four-digit year: the years are bounded.
  if (dayNumberOf(value) === null) return false;
  const year = Number(value.slice(0, 4));
  return year >= LOCAL_DATE_YEARS.min && year <= LOCAL_DATE_YEARS.max;
}

// A client's day is the calendar date on their clock at that instant, whatever the server's zone.
export function localDateIn(instant: Date, timeZone: string): LocalDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("localDateIn: invalid instant");
  if (!isValidTimeZone(timeZone)) throw new RangeError(`localDateIn: unknown time zone '${timeZone}'`);
  const clock = wallClock(instant.getTime(), timeZone);
  if (!(clock.year >= 0 && clock.year <= 9999)) throw new RangeError("localDateIn: instant out of range");
  return isoDateOf(clock);
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  // A local date has no zone, so no DST day can be 23 or 25 hours: whole days add exactly.
  const result = localDateOfDayNumber(parseLocalDate(date) + Math.trunc(days));
  if (result === null) throw new RangeError(`addDays: result out of range for '${date}'`);
  return result;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return parseLocalDate(to) - parseLocalDate(from);
}

/** Throws for anything that is not a real 'YYYY-MM-DD' date: a caller bug, not user input. */
export function assertLocalDate(value: string, name: string): void {
  if (!isValidLocalDate(value)) throw new RangeError(`${name}: '${value}' is not a YYYY-MM-DD date`);
}

function parseLocalDate(date: LocalDate): number {
  const dayNumber = dayNumberOf(date);
  if (dayNumber === null) throw new RangeError(`local date: '${date}' is not a YYYY-MM-DD date`);
  return dayNumber;
}
