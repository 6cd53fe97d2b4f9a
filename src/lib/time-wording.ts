import { DateTime } from "luxon";

// Times and durations in words, for booking messages, logs and pages alike (the browser's
// attention list too). Fixed to British English so a message does not change with the
// server's locale; the time zone is always an argument.

const LOCALE = "en-GB";
const DAY_MINUTES = 24 * 60;

/** "12 hours", "1 hour 30 minutes", "2 days", "45 minutes". */
export function formatMinutes(total: number): string {
  const rounded = Math.max(0, Math.round(total));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (rounded > 0 && rounded % DAY_MINUTES === 0) return plural(rounded / DAY_MINUTES, "day");
  const hours = Math.floor(rounded / 60);
  const minutes = rounded % 60;
  if (hours === 0) return plural(minutes, "minute");
  return minutes === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(minutes, "minute")}`;
}

/** A policy stated in hours stays in hours: "24 hours", "1 hour", "1 hour 30 minutes". */
export function formatHours(hours: number): string {
  if (Number.isInteger(hours)) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const minutes = Math.round(hours * 60);
  const whole = Math.floor(minutes / 60);
  return whole === 0 ? formatMinutes(minutes) : `${formatHours(whole)} ${formatMinutes(minutes % 60)}`;
}

/** "14:00 on Tue 3 March", with the year when it is not the current one. */
export function formatWhen(instant: Date, timeZone: string, now: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(LOCALE);
  const thisYear = DateTime.fromJSDate(now, { zone: timeZone }).year;
  return local.toFormat(local.year === thisYear ? "HH:mm 'on' ccc d MMMM" : "HH:mm 'on' ccc d MMMM yyyy");
}


/** "Tue 3 Nov", with the year when it is not the current one ("Tue 3 Nov 2025"). */
export function formatDay(instant: Date, timeZone: string, now: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(LOCALE);
  const thisYear = DateTime.fromJSDate(now, { zone: timeZone }).year;
  return local.toFormat(local.year === thisYear ? "ccc d LLL" : "ccc d LLL yyyy");
}
