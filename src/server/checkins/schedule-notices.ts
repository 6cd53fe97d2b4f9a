import { DateTime } from "luxon";
import { addDays, type LocalDate } from "@/lib/local-date";
import { dueOccurrences, firstSkippedDay, type ScheduleTiming } from "./occurrences";

// What a trainer is told about a schedule's time: when the clocks skip it on some day within a
// year (02:30 on the spring-forward night), the check-in still opens that day, when the clocks
// jump. Pure: the zone and the first day looked at are arguments.

/** How far ahead a schedule is checked for a skipped time. */
export const NOTICE_DAYS = 366;

const DATE_WORDS = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

// The first day within a year (from `from`, or the start if later) on which the schedule's time does not happen in `timeZone`, as one sentence; null when every day has it.
export function skippedTimeNotice(timing: ScheduleTiming, timeZone: string, from: LocalDate): string | null {
  const first = timing.startsOn > from ? timing.startsOn : from;
  // A daily check-in is asked every day, so any skipped day counts; a weekly one only on its weekday.
  const skipped =
    timing.cadence === "daily"
      ? firstSkippedDay(timing.atTime, timeZone, first, NOTICE_DAYS)
      : (dueOccurrences(timing, timeZone, first, addDays(first, NOTICE_DAYS - 1)).find((o) => o.isShifted) ?? null);
  if (!skipped) return null;
  const day = DATE_WORDS.format(new Date(`${skipped.dueOn}T00:00:00Z`));
  const opensAt = DateTime.fromJSDate(skipped.opensAt, { zone: timeZone }).toFormat("HH:mm");
  return `${timing.atTime} does not happen on ${day} in ${timeZone}; that day the check-in opens at ${opensAt}.`;
}

/** One sentence per zone (of a programme's clients) whose clocks skip the time, in the zones' order. */
export function skippedTimeNotices(timing: ScheduleTiming, timeZones: readonly string[], from: LocalDate): string[] {
  return [...new Set(timeZones)].map((zone) => skippedTimeNotice(timing, zone, from)).filter((n): n is string => n !== null);
}
