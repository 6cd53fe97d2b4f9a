import { addDays, daysBetween, type LocalDate } from "@/lib/local-date";
import type { CheckinCadence } from "@/lib/checkins/vocabulary";
import { createZoneCalendar, type CalendarDay } from "@/server/booking/wall-time";

// When a scheduled check-in is due: pure, from the schedule, the client's zone and a range of
// their days. Wall times are the client's own ("07:00 where I am"), so the instant moves with
// the clocks; a time the clocks skip that day opens when they jump.

export type ScheduleTiming = {
  cadence: CheckinCadence;
  /** ISO weekday, 1 = Monday; null for daily. */
  weekday: number | null;
  /** "HH:MM". */
  atTime: string;
  startsOn: LocalDate;
};

export type Occurrence = {
  /** The client's local day it is due. */
  dueOn: LocalDate;
  /** When it opens (and its reminder goes). */
  opensAt: Date;
  /** True when the clocks skipped `atTime` that day and it opens at the jump instead. */
  isShifted: boolean;
};

/** The ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const calendarDay = (date: LocalDate): CalendarDay => {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

export const minuteOfDay = (atTime: string) => {
  const [h, m] = atTime.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

// A daily check-in is due every day from its start; a weekly one on its weekday. Both inclusive of `from` and `to`.
export function dueOccurrences(schedule: ScheduleTiming, timeZone: string, from: LocalDate, to: LocalDate): Occurrence[] {
  const first = from < schedule.startsOn ? schedule.startsOn : from;
  if (first > to) return [];
  const calendar = createZoneCalendar(timeZone);
  const minute = minuteOfDay(schedule.atTime);
  const out: Occurrence[] = [];
  const days = daysBetween(first, to);
  for (let i = 0; i <= days; i++) {
    const dueOn = addDays(first, i);
    if (schedule.cadence === "weekly" && isoWeekday(dueOn) !== schedule.weekday) continue;
    const day = calendar.day(calendarDay(dueOn));
    const exact = day.resolve(minute);
    out.push({ dueOn, opensAt: new Date(exact ?? day.resolveBoundary(minute)), isShifted: exact === null });
  }
  return out;
}

/**
 * The first day in the coming `days` (from `from`) on which the clocks of `timeZone` skip
 * `atTime`, with when it opens instead; null if none. For the sentence the schedule form shows.
 */
export function firstSkippedDay(atTime: string, timeZone: string, from: LocalDate, days = 366): Occurrence | null {
  const daily: ScheduleTiming = { cadence: "daily", weekday: null, atTime, startsOn: from };
  return dueOccurrences(daily, timeZone, from, addDays(from, days - 1)).find((o) => o.isShifted) ?? null;
}

/**
 * How many days after its due day a check-in can still be answered: a daily one only on its
 * day (tomorrow asks again), a weekly review on its day and the two after (a Sunday evening
 * review answered on Monday still counts). After that it is missed.
 */
export const ANSWER_GRACE_DAYS: Record<CheckinCadence, number> = { daily: 0, weekly: 2 };

/** The last local day on which an occurrence due on `dueOn` can be answered. */
export function answerableUntil(cadence: CheckinCadence, dueOn: LocalDate): LocalDate {
  return addDays(dueOn, ANSWER_GRACE_DAYS[cadence]);
}
