import { addDays, type LocalDate } from "@/lib/local-date";
import { isoWeekOf, type DayStatus, type Streaks, type WeekAdherence } from "./adherence";

/**
 * A client's adherence history is summarised in two parts: the closed weeks, kept in
 * progress_snapshots up to a Sunday at least a week back, and the live days after it,
 * computed on each read (adherence-sql.ts). A streak is carried across the seam by its parts:
 * the run of complete days that ends the cached part continues into the live part's leading run.
 * Days with nothing daily prescribed are transparent (they neither extend nor break a streak),
 * and today, while not complete, is left out, exactly as in computeStreaks.
 */

/**
 * The live part always covers at least this many days: a session logged up to a week late
 * (a phone offline on holiday) lands in it and leaves the cache alone.
 */
export const LIVE_MIN_DAYS = 7;

/** Days kept day by day: the cache holds those before its date, the live part the rest. */
export const MAX_RECENT_DAYS = 28;

/** The last day the cache may hold for a client whose today is `today`: a Sunday, 7–13 days back. */
export function snapshotThrough(today: LocalDate): LocalDate {
  return addDays(isoWeekOf(addDays(today, -LIVE_MIN_DAYS)).weekStart, -1);
}

/** What a stretch of history contributes to streaks. */
export type StreakParts = {
  longest: number;
  longestStart: LocalDate | null;
  /** Complete days ending the stretch (transparent days skipped); 0 when it ends on a break. */
  trailing: number;
  trailingStart: LocalDate | null;
};

export const NO_STREAKS: StreakParts = { longest: 0, longestStart: null, trailing: 0, trailingStart: null };

/**
 * One stretch's islands, as the SQL returns them. An island is a break day (missed or partial)
 * and the complete days after it; island 0 holds the complete days before the first break.
 */
export type SegmentStreaks = {
  /** Complete days before the stretch's first break (island 0); 0 when it opens with a break. */
  leading: number;
  leadingStart: LocalDate | null;
  /** The last island: its number (0 = no break in the whole stretch), its complete days and first one. */
  last: { island: number; days: number; start: LocalDate | null } | null;
  /** The longest run of complete days after a break. */
  longestAfterBreak: { days: number; start: LocalDate } | null;
};

/** The streak parts of an earlier stretch followed by a later one. Ties go to the earlier run. */
export function appendStreaks(before: StreakParts, after: SegmentStreaks): StreakParts {
  if (after.last === null) return before;
  const joined = before.trailing + after.leading;
  const joinedStart = before.trailing > 0 ? before.trailingStart : after.leadingStart;
  let longest = before.longest;
  let longestStart = before.longestStart;
  const consider = (days: number, start: LocalDate | null) => {
    if (days > longest) {
      longest = days;
      longestStart = start;
    }
  };
  consider(joined, joinedStart);
  if (after.longestAfterBreak) consider(after.longestAfterBreak.days, after.longestAfterBreak.start);
  const hasBreak = after.last.island > 0;
  return {
    longest,
    longestStart,
    trailing: hasBreak ? after.last.days : joined,
    trailingStart: hasBreak ? (after.last.days > 0 ? after.last.start : null) : joinedStart,
  };
}

/** One day of a client's adherence, as the SQL returns it and the cache keeps it. */
export type SqlDay = {
  localDate: LocalDate;
  prescribed: number;
  done: number;
  dailyPrescribed: number;
  dailyDone: number;
  status: DayStatus;
  hasDrills: boolean;
};

/** Bumped whenever HistorySnapshot's shape or meaning changes: older rows are then rebuilt. */
export const SNAPSHOT_FORMAT = 1;

/** The cached part of a client's history (progress_snapshots.summary). */
export type HistorySnapshot = {
  format?: number;
  /** The first day with a prescription, or null when none started by `through`. */
  firstDay: LocalDate | null;
  /** The last MAX_RECENT_DAYS days up to `through`, day by day. */
  days: SqlDay[];
  /** Closed ISO weeks up to `through`, oldest first. */
  weeks: WeekAdherence[];
  streaks: StreakParts;
};

/** A stored summary, or null when it was written in another format. */
export function readSnapshot(summary: unknown): HistorySnapshot | null {
  const snapshot = summary as Partial<HistorySnapshot> | null;
  if (snapshot?.format !== SNAPSHOT_FORMAT) return null;
  // Weeks and days are left out when a reader does not need them.
  return { ...EMPTY_HISTORY, ...snapshot };
}

export const EMPTY_HISTORY: HistorySnapshot = { firstDay: null, days: [], weeks: [], streaks: NO_STREAKS };

export type Segment = {
  from: LocalDate | null;
  /** Up to the stretch's last MAX_RECENT_DAYS days. */
  days: SqlDay[];
  weeks: WeekAdherence[];
  streaks: SegmentStreaks;
};

/** The history extended by the stretch that follows it. */
export function appendSegment(history: HistorySnapshot, segment: Segment): HistorySnapshot {
  const days = [...history.days, ...segment.days];
  const last = days.at(-1)?.localDate;
  return {
    format: SNAPSHOT_FORMAT,
    firstDay: history.firstDay ?? segment.from,
    days: last === undefined ? [] : days.filter((d) => d.localDate > addDays(last, -MAX_RECENT_DAYS)),
    weeks: [...history.weeks, ...segment.weeks],
    streaks: appendStreaks(history.streaks, segment.streaks),
  };
}

/** The client's streaks as shown: the whole history's parts, and whether today is already complete. */
export function streaksOf(parts: StreakParts, isTodayDone: boolean): Streaks {
  return {
    current: parts.trailing,
    currentStartedOn: parts.trailing > 0 ? parts.trailingStart : null,
    longest: parts.longest,
    longestStartedOn: parts.longest > 0 ? parts.longestStart : null,
    isTodayDone,
  };
}
