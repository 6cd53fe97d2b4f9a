import { DateTime } from "luxon";

import { formatMinutes } from "@/lib/time-wording";
import {
  type AvailabilityException,
  type ExistingBooking,
  type SessionType,
  type Slot,
  type WeeklyAvailability,
  slotStepMinutesOf,
  wallTimeToMinutes,
} from "./types";
import { isValidTimeZone } from "@/lib/time-zones";
import { type CalendarDay, createZoneCalendar, nextCalendarDay } from "./wall-time";

// Slot generation. Availability is wall-clock time in the trainer's zone ("Mondays 09:00 to
// 12:00"); what a client books, and what the database stores, is a UTC instant. Every
// wall-time → instant conversion goes through luxon's zone data. The rules for the two DST
// edges: a wall time that does not exist (spring-forward gap) offers no slot; a wall time
// that happens twice (fall-back) offers one slot, at its first occurrence.

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

export interface GenerateSlotsInput {
  availability: WeeklyAvailability;
  exceptions: AvailabilityException[];
  /** IANA zone the availability and exceptions are written in, e.g. "Europe/London". */
  trainerTimeZone: string;
  sessionType: SessionType;
  existingBookings: ExistingBooking[];
  now: Date;
  /** Slots whose start lies in [from, to). */
  range: { from: Date; to: Date };
}

export type IsSlotBookableInput = Omit<GenerateSlotsInput, "range"> & { requestedStart: Date };

export type SlotRejection = "outside_availability" | "too_soon" | "too_far" | "overlaps" | "in_past";

export type SlotCheck =
  | { ok: true; slot: Slot }
  | { ok: false; reason: SlotRejection; message: string };

/**
 * Clients book from `now + minimum notice` up to `maxDaysAhead` calendar days ahead in the
 * trainer's zone (so "14 days ahead" from 10:00 is 10:00 local, across a DST change too).
 * Both ends are inclusive.
 */
export function getBookableWindow(input: {
  now: Date;
  trainerTimeZone: string;
  sessionType: SessionType;
}): { earliest: Date; latest: Date } {
  assertZone(input.trainerTimeZone);
  const nowMs = input.now.getTime();
  return {
    earliest: new Date(nowMs + input.sessionType.minNoticeMinutes * MINUTE_MS),
    latest: DateTime.fromMillis(nowMs, { zone: input.trainerTimeZone })
      .plus({ days: input.sessionType.maxDaysAhead })
      .toJSDate(),
  };
}

/**
 * The time a booking keeps the trainer busy: the session, then the break after it.
 * Half-open [start, end): back-to-back bookings do not overlap. This is the interval the
 * database's exclusion constraint must compare, so the service stores exactly this range.
 */
export function getBlockedInterval(
  booking: { start: Date; end: Date },
  bufferAfterMinutes: number,
): Slot {
  const endMs = Math.max(booking.start.getTime(), booking.end.getTime());
  return { start: booking.start, end: new Date(endMs + Math.max(0, bufferAfterMinutes) * MINUTE_MS) };
}

/**
 * A client can book a session that fits entirely inside the trainer's hours for that day,
 * starts every `slotStep` minutes from the start of those hours, leaves the trainer's break
 * free around other bookings, and respects the notice and how far ahead bookings open.
 */
export function generateSlots(input: GenerateSlotsInput): Slot[] {
  const rules = prepareRules(input);
  const lo = Math.max(input.range.from.getTime(), rules.earliestMs);
  const hi = Math.min(input.range.to.getTime() - 1, rules.latestMs);
  if (!(lo <= hi)) return [];

  const starts = listCandidateStarts(rules, lo, hi);
  const busy = mergeBusyIntervals(input.existingBookings, rules.bufferMs);

  // One sweep over both sorted lists: a busy interval that ends before a slot starts
  // cannot touch any later slot, so the pointer only moves forward.
  const slots: Slot[] = [];
  let next = 0;
  for (const start of starts) {
    while (next < busy.length && busy[next]!.end <= start) next++;
    const blocker = busy[next];
    if (blocker && blocker.start < start + rules.durationMs + rules.bufferMs) continue;
    slots.push({ start: new Date(start), end: new Date(start + rules.durationMs) });
  }
  return slots;
}

/**
 * The server's check of the time a client asked for: it must be one of the times
 * `generateSlots` would offer, so a hand-made request cannot book around the rules.
 */
export function isSlotBookable(input: IsSlotBookableInput): SlotCheck {
  const rules = prepareRules(input);
  const { sessionType } = input;
  const start = input.requestedStart.getTime();

  if (Number.isNaN(start)) return reject("outside_availability", sessionType);
  if (start < input.now.getTime()) return reject("in_past", sessionType);
  if (start < rules.earliestMs) return reject("too_soon", sessionType);
  if (start > rules.latestMs) return reject("too_far", sessionType);

  const candidates = listCandidateStarts(rules, start, start);
  if (candidates[0] !== start) return reject("outside_availability", sessionType);

  const reachEnd = start + rules.durationMs + rules.bufferMs;
  for (const busy of mergeBusyIntervals(input.existingBookings, rules.bufferMs)) {
    if (busy.start < reachEnd && start < busy.end) return reject("overlaps", sessionType);
  }
  return { ok: true, slot: { start: new Date(start), end: new Date(start + rules.durationMs) } };
}

function reject(reason: SlotRejection, sessionType: SessionType): SlotCheck {
  return { ok: false, reason, message: rejectionMessage(reason, sessionType) };
}

function rejectionMessage(reason: SlotRejection, sessionType: SessionType): string {
  switch (reason) {
    case "in_past":
      return "That time has already passed. Pick a later time.";
    case "too_soon":
      return `Pick a time at least ${formatMinutes(sessionType.minNoticeMinutes)} from now.`;
    case "too_far": {
      const days = sessionType.maxDaysAhead;
      return `Pick a time within the next ${days === 1 ? "day" : `${days} days`}.`;
    }
    case "overlaps":
      return "That time is no longer free. Pick another time.";
    case "outside_availability":
      // Read by a client booking and by a trainer booking for one: "your trainer" fits only one of them.
      return "That time is outside the hours this session is offered. Pick one of the times shown.";
  }
}

// ---------------------------------------------------------------------------------------

/** A window of wall time on one local date, as minutes since local midnight: [start, end). */
interface WallWindow {
  startMin: number;
  endMin: number;
}

interface PreparedRules {
  zoneName: string;
  weeklyByWeekday: WallWindow[][];
  exceptionsByDate: Map<string, { isDayOff: boolean; extras: WallWindow[] }>;
  durationMs: number;
  bufferMs: number;
  stepMin: number;
  earliestMs: number;
  latestMs: number;
}

function assertZone(zoneName: string): void {
  if (!isValidTimeZone(zoneName)) throw new RangeError(`Unknown IANA time zone: ${zoneName}`);
}

function prepareRules(input: Omit<GenerateSlotsInput, "range">): PreparedRules {
  const window = getBookableWindow(input);
  const weeklyByWeekday: WallWindow[][] = [[], [], [], [], [], [], [], []];
  for (const entry of input.availability) {
    weeklyByWeekday[entry.weekday]?.push(toWallWindow(entry.start, entry.end));
  }
  const exceptionsByDate = new Map<string, { isDayOff: boolean; extras: WallWindow[] }>();
  for (const exception of input.exceptions) {
    let day = exceptionsByDate.get(exception.date);
    if (!day) {
      day = { isDayOff: false, extras: [] };
      exceptionsByDate.set(exception.date, day);
    }
    if (exception.kind === "day_off") day.isDayOff = true;
    else day.extras.push(toWallWindow(exception.start, exception.end));
  }
  return {
    zoneName: input.trainerTimeZone,
    weeklyByWeekday,
    exceptionsByDate,
    durationMs: Math.max(0, input.sessionType.durationMinutes) * MINUTE_MS,
    bufferMs: Math.max(0, input.sessionType.bufferAfterMinutes) * MINUTE_MS,
    stepMin: slotStepMinutesOf(input.sessionType),
    earliestMs: window.earliest.getTime(),
    latestMs: window.latest.getTime(),
  };
}

function toWallWindow(start: string, end: string): WallWindow {
  return {
    startMin: Math.max(0, wallTimeToMinutes(start)),
    endMin: Math.min(DAY_MINUTES, wallTimeToMinutes(end)),
  };
}

/**
 * The date's windows: weekly hours unless it is a day off, plus extra hours, merged where
 * they overlap or touch, so a session can run across the seam of two windows.
 */
function windowsForDate(rules: PreparedRules, dateKey: string, weekday: number): WallWindow[] {
  const exception = rules.exceptionsByDate.get(dateKey);
  const weekly = exception?.isDayOff ? [] : (rules.weeklyByWeekday[weekday] ?? []);
  const all = exception ? [...weekly, ...exception.extras] : weekly;
  const valid = all.filter((w) => w.endMin > w.startMin);
  if (valid.length <= 1) return valid;
  valid.sort((a, b) => a.startMin - b.startMin);
  const merged: WallWindow[] = [{ ...valid[0]! }];
  for (const w of valid.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (w.startMin <= last.endMin) last.endMin = Math.max(last.endMin, w.endMin);
    else merged.push({ ...w });
  }
  return merged;
}

/** Sorted, unique start instants (ms) inside availability with start in [lo, hi]. */
function listCandidateStarts(rules: PreparedRules, lo: number, hi: number): number[] {
  const starts: number[] = [];
  let isSorted = true;
  const push = (ms: number) => {
    if (ms < lo || ms > hi) return;
    const last = starts[starts.length - 1];
    if (last !== undefined && ms <= last) isSorted = false;
    starts.push(ms);
  };

  const calendar = createZoneCalendar(rules.zoneName);
  const first = DateTime.fromMillis(lo, { zone: rules.zoneName });
  const lastKey = dateKey(DateTime.fromMillis(hi, { zone: rules.zoneName }));
  const firstDate: CalendarDay = { year: first.year, month: first.month, day: first.day };
  for (let date = firstDate; dateKey(date) <= lastKey; date = nextCalendarDay(date)) {
    const windows = windowsForDate(rules, dateKey(date), isoWeekday(date));
    if (windows.length === 0) continue;
    const day = calendar.day(date);
    for (const window of windows) {
      if (day.isPlain) {
        // No offset change today: consecutive wall times are consecutive instants.
        const windowEnd = day.midnightMs + window.endMin * MINUTE_MS;
        const stepMs = rules.stepMin * MINUTE_MS;
        for (let ms = day.midnightMs + window.startMin * MINUTE_MS; ms + rules.durationMs <= windowEnd; ms += stepMs) {
          if (ms > hi) break;
          push(ms);
        }
      } else {
        const windowEnd = day.resolveBoundary(window.endMin);
        for (let minute = window.startMin; minute < window.endMin; minute += rules.stepMin) {
          const ms = day.resolve(minute);
          if (ms === null || ms + rules.durationMs > windowEnd) continue;
          push(ms);
        }
      }
    }
  }

  if (isSorted) return starts;
  starts.sort((a, b) => a - b);
  return starts.filter((ms, i) => i === 0 || ms !== starts[i - 1]);
}

function dateKey(date: CalendarDay): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

function isoWeekday(date: CalendarDay): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

/** Bookings plus their breaks as sorted, disjoint [start, end) intervals in ms. */
function mergeBusyIntervals(
  bookings: ExistingBooking[],
  defaultBufferMs: number,
): { start: number; end: number }[] {
  const intervals = bookings
    .map((b) => {
      const start = b.start.getTime();
      const bufferMs = b.bufferAfterMinutes === undefined ? defaultBufferMs : Math.max(0, b.bufferAfterMinutes) * MINUTE_MS;
      return { start, end: Math.max(start, b.end.getTime()) + bufferMs };
    })
    .filter((i) => !Number.isNaN(i.start) && !Number.isNaN(i.end) && i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
