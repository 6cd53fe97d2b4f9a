import type { LocalDate } from "@/lib/local-date";
import { hourMinuteOf, isoDateOf, wallClock } from "@/lib/wall-clock";

// What the client reads about a check-in they answer from Today: when it was answered, why it
// cannot be answered any more, and what the answers paused. Shared by the server's refusals and
// the answer card, so both say it the same way. British English, the zone always an argument.

// The names spelled here rather than asked of Intl or luxon: the answer card ships to the phone.
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Said when another device (or an earlier send) answered this check-in first. */
export const ALREADY_ANSWERED_MESSAGE = "Already answered on another device; your first answers were kept.";

/** "Tue 3 March" for a local day. */
export function formatLocalDay(date: LocalDate): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const weekday = new Date(0);
  weekday.setUTCFullYear(year, month - 1, day);
  return `${WEEKDAYS[weekday.getUTCDay()]} ${day} ${MONTHS[month - 1]}`;
}

// "Answered at 07:12" on the day it was answered, "Answered at 18:20 on Sun 1 March" on a later day of the grace (a weekly review).
export function answeredLabel(answeredAt: Date, timeZone: string, today: LocalDate): string {
  const local = wallClock(answeredAt.getTime(), timeZone);
  const time = hourMinuteOf(local);
  return isoDateOf(local) === today ? `Answered at ${time}` : `Answered at ${time} on ${formatLocalDay(isoDateOf(local))}`;
}

/** When the next check-in of a schedule opens, for the "closed" sentence ("today at 07:00", "at 07:00 on Wed 4 March"). */
export function describeOpening(opensAt: Date, timeZone: string, today: LocalDate): string {
  const local = wallClock(opensAt.getTime(), timeZone);
  const time = hourMinuteOf(local);
  return isoDateOf(local) === today ? `today at ${time}` : `at ${time} on ${formatLocalDay(isoDateOf(local))}`;
}

// A check-in past its last answerable day is missed: say when it closed and when the next one opens, so the client answers that one.
export function closedSentence(closedOn: LocalDate, next: { opensAt: Date } | null, at: { timeZone: string; today: LocalDate; now: Date }): string {
  const closed = `This check-in closed on ${formatLocalDay(closedOn)}`;
  if (!next) return `${closed}; answer the next one your coach asks.`;
  if (next.opensAt <= at.now) return `${closed}; answer today's instead.`;
  return `${closed}; the next one opens ${describeOpening(next.opensAt, at.timeZone, at.today)}.`;
}

// The drills the answers paused, one sentence each: "Hopping is paused: left knee pain 6/10; your coach has been told."
export function pausedSentences(paused: readonly { drillName: string; reason: string }[]): string[] {
  return paused.map((p) => `${p.drillName} is paused: ${p.reason.replace(/[.\s]+$/, "")}; your coach has been told.`);
}
