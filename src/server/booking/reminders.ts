import { DateTime } from "luxon";

// When a booking's reminder goes out. The usual one comes at the same time of day the day
// before, on the client's clock (so a DST night moves it by the clock, not by 24 elapsed hours).
// A booking made less than a day ahead gets one a few hours before instead. A reminder is only
// worth sending when it comes closer to the session than to the moment of booking: otherwise the
// confirmation was just read, and is the reminder.

const HOUR_MS = 3_600_000;
/** Reminders for short-notice bookings, tried in order after the day-before one. */
const HOURS_BEFORE = [2, 1] as const;

export type ReminderPlan = { at: Date; kind: "day_before" | "hours_before" } | { at: null; kind: "none" };

// A client hears again before a session: the day before at the same time, or 2 or 1 hours before when booked at short notice, or not at all when it is too close.
export function planReminder(input: { start: Date; bookedAt: Date; timeZone: string }): ReminderPlan {
  const start = input.start.getTime();
  const booked = input.bookedAt.getTime();
  const isWorthSending = (at: number) => at > booked && at - booked >= start - at;
  const dayBefore = DateTime.fromJSDate(input.start, { zone: input.timeZone }).minus({ days: 1 }).toMillis();
  if (isWorthSending(dayBefore)) return { at: new Date(dayBefore), kind: "day_before" };
  for (const hours of HOURS_BEFORE) {
    const at = start - hours * HOUR_MS;
    if (isWorthSending(at)) return { at: new Date(at), kind: "hours_before" };
  }
  return { at: null, kind: "none" };
}
