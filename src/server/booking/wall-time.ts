import { DateTime, FixedOffsetZone, IANAZone } from "luxon";
import { isValidTimeZone } from "@/lib/time-zones";

// Wall time in a zone → UTC instant, for many wall times over many days, fast enough for
// slot generation. All zone knowledge comes from luxon: `IANAZone.offset(instant)` says
// which offset is in force at an instant, and a fixed-offset DateTime turns a wall time
// read at a given offset into an instant. A wall time W happens at instant t exactly when
// t is W read at the offset in force at t, so checking the offsets in force around a date
// finds every occurrence: none in a spring-forward gap, two in a fall-back hour.
//
// Assumes at most one offset change within a day and its neighbours, true of every zone's
// rules (changes are weeks apart at the least).

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** A date as numbers (the string LocalDate of lib/local-date.ts, taken apart for the day walk). */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export interface ZoneDay {
  /**
   * True when the offset is the same all day: wall minutes and elapsed minutes agree, so
   * a wall time is `midnightMs` plus its minutes.
   */
  isPlain: boolean;
  midnightMs: number;
  /**
   * The instant of a wall time (minutes since midnight; 1440 is the next midnight): null
   * when the clocks skip it, its first occurrence when the clocks repeat it.
   */
  resolve(minuteOfDay: number): number | null;
  /** Like `resolve`, but a wall time in a gap means "when the clocks jump". */
  resolveBoundary(minuteOfDay: number): number;
}

export interface ZoneCalendar {
  day(date: CalendarDay): ZoneDay;
}

export function nextCalendarDay(date: CalendarDay): CalendarDay {
  // Calendar arithmetic only: UTC has no offset changes to get in the way.
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The wall time read at a fixed offset (minutes east of UTC), as an instant. */
function readAtOffset(date: CalendarDay, minuteOfDay: number, offset: number): number {
  const day = minuteOfDay >= DAY_MINUTES ? nextCalendarDay(date) : date;
  const minute = minuteOfDay >= DAY_MINUTES ? minuteOfDay - DAY_MINUTES : minuteOfDay;
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minute / 60), minute: minute % 60 },
    { zone: FixedOffsetZone.instance(offset) },
  ).toMillis();
}

/** Where the offset changes: `at` is the first instant (ms) of the new offset. */
interface Transition {
  at: number;
  offset: number;
}

// Offsets are assumed constant between samples this far apart (see the note at the top:
// a zone changes its offset weeks apart at the least), so changes are found by sampling
// every 4 days and bisecting to the minute where two samples differ.
const SAMPLE_MS = 4 * 24 * 60 * MINUTE_MS;

/** The offsets in force over [fromMs, toMs], from luxon, as the offset at fromMs and its changes. */
function findTransitions(zone: IANAZone, fromMs: number, toMs: number): { first: number; transitions: Transition[] } {
  const first = zone.offset(fromMs);
  const transitions: Transition[] = [];
  let previousMs = fromMs;
  let previous = first;
  for (let sample = fromMs + SAMPLE_MS; ; sample += SAMPLE_MS) {
    const at = Math.min(sample, toMs);
    const offset = zone.offset(at);
    if (offset !== previous) {
      let before = previousMs;
      let after = at;
      while (after - before > MINUTE_MS) {
        const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zone.offset(middle) === previous) before = middle;
        else after = middle;
      }
      transitions.push({ at: after, offset });
    }
    previousMs = at;
    previous = offset;
    if (at >= toMs) break;
  }
  return { first, transitions };
}

// A zone's offsets for one UTC year never change while the process runs (the tz data is
// luxon's, fixed at start), so each zone-year is worked out once and kept: slot generation
// for the same trainers then asks the Intl API nothing at all. Bounded: zones × years seen.
const yearTables = new Map<string, { fromMs: number; toMs: number; first: number; transitions: Transition[] }>();
const DAY_MS = 24 * 60 * MINUTE_MS;

function yearTable(zone: IANAZone, year: number) {
  const key = `${zone.name}:${year}`;
  let table = yearTables.get(key);
  if (!table) {
    const fromMs = Date.UTC(year, 0, 1) - DAY_MS;
    const toMs = Date.UTC(year + 1, 0, 1) + DAY_MS;
    table = { fromMs, toMs, ...findTransitions(zone, fromMs, toMs) };
    if (yearTables.size < 5000) yearTables.set(key, table);
  }
  return table;
}

/** The offset in force at `ms`, from the zone-year table. */
function tableOffset(zone: IANAZone, ms: number): number {
  const table = yearTable(zone, new Date(ms).getUTCFullYear());
  let offset = table.first;
  for (const t of table.transitions) {
    if (ms >= t.at) offset = t.offset;
    else break;
  }
  return offset;
}

/**
 * Offsets come from the zone-year tables (`useTables: false` asks luxon at every instant
 * instead: the slow reference the tests compare against).
 */
export function createZoneCalendar(zoneName: string, options: { useTables?: boolean } = {}): ZoneCalendar {
  const useTables = options.useTables ?? true;
  if (!isValidTimeZone(zoneName)) throw new RangeError(`Unknown IANA time zone: ${zoneName}`);
  const zone = IANAZone.create(zoneName);
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    let offset = offsets.get(ms);
    if (offset === undefined) {
      offset = useTables ? tableOffset(zone, ms) : zone.offset(ms);
      offsets.set(ms, offset);
    }
    return offset;
  };
  // Walking day by day, tomorrow's midnight is asked for again as the next day's midnight.
  const midnights = new Map<string, number>();
  const midnightAt = (date: CalendarDay, offset: number): number => {
    const key = `${date.year}-${date.month}-${date.day}@${offset}`;
    let ms = midnights.get(key);
    if (ms === undefined) {
      ms = readAtOffset(date, 0, offset);
      midnights.set(key, ms);
    }
    return ms;
  };
  // The offset in force at the last midnight seen: right for the next date nearly always.
  let guess: number | undefined;

  return {
    day(date) {
      const next = nextCalendarDay(date);
      const seen = new Set<number>();
      let offset = guess ?? offsetAt(Date.UTC(date.year, date.month - 1, date.day, 12));
      for (let attempt = 0; attempt < 2; attempt++) {
        seen.add(offset);
        const midnightMs = midnightAt(date, offset);
        const nextMidnightMs = midnightAt(next, offset);
        const atMidnight = offsetAt(midnightMs);
        const atNextMidnight = offsetAt(nextMidnightMs);
        seen.add(atMidnight).add(atNextMidnight);
        if (atMidnight === offset && atNextMidnight === offset) {
          guess = offset;
          return plainDay(midnightMs);
        }
        guess = atNextMidnight;
        // A stale guess (the clocks changed on a day we skipped): retry with the right one.
        if (atMidnight !== atNextMidnight) break;
        offset = atMidnight;
      }
      return changeDay(date, [...seen], offsetAt);
    },
  };
}

function plainDay(midnightMs: number): ZoneDay {
  const at = (minuteOfDay: number) => midnightMs + minuteOfDay * MINUTE_MS;
  return { isPlain: true, midnightMs, resolve: at, resolveBoundary: at };
}

function changeDay(date: CalendarDay, candidates: number[], offsetAt: (ms: number) => number): ZoneDay {
  // Every instant at which the wall time shows, read at each offset in force that day.
  const occurrences = (minuteOfDay: number) =>
    candidates
      .map((offset) => ({ offset, ms: readAtOffset(date, minuteOfDay, offset) }))
      .filter((c) => offsetAt(c.ms) === c.offset)
      .map((c) => c.ms);

  const resolve = (minuteOfDay: number): number | null => {
    const found = occurrences(minuteOfDay);
    return found.length === 0 ? null : Math.min(...found);
  };

  const resolveBoundary = (minuteOfDay: number): number => {
    const found = resolve(minuteOfDay);
    if (found !== null) return found;
    // In a gap, the wall time read at the earlier offset lands after the jump and read at
    // the later one lands before it: search between them for the first instant after it.
    const reads = candidates.map((offset) => readAtOffset(date, minuteOfDay, offset));
    let before = Math.min(...reads);
    let after = Math.max(...reads);
    const target = offsetAt(after);
    if (offsetAt(before) === target) return after;
    while (after - before > MINUTE_MS) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(middle) === target) after = middle;
      else before = middle;
    }
    return after;
  };

  const midnightMs = resolveBoundary(0);
  return { isPlain: false, midnightMs, resolve, resolveBoundary };
}
