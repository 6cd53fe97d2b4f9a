import { DateTime } from "luxon";

import { isAssignmentActiveOn } from "@/server/drills/due";
import { addDays, assertLocalDate, type LocalDate } from "@/lib/local-date";
import type { Prescription } from "@/lib/drills/vocabulary";

/**
 * Prescribed against done (issue 6), for both kinds of schedule in the brief:
 *
 * - daily: every local day on which an assignment is in force and not paused is one
 *   prescribed occurrence per drill; it is done when any session that day (standalone or
 *   warm-up) has an entry for the drill. One warm-up of Back Rotations on a run day counts
 *   for both its daily and its before-run occurrence: the client did it once, as prescribed.
 * - before_run: every logged run on such a day is one prescribed occurrence per before-run
 *   drill; it is done when a session with that drill is linked to the run, or (unlinked) was
 *   performed in the `beforeRunWindowHours` before the run started. A session linked to another
 *   run counts only for that run. Unlinked sessions count whatever their context: a client who
 *   forgot to tick "warm-up" still warmed up.
 *
 * "Done" means the drill was logged, not that its target was reached: targets are progression.
 * Days are the client's local dates stored on each session and run when it was written, so a
 * session at 23:30 belongs to that evening whatever UTC says, and travel never rewrites history.
 *
 * Assignments are prescription periods: a change of prescription is a new period, and a
 * pause is a date range inside one. Two periods of one drill on one day count once.
 */

export type Pause = {
  /** Both inclusive, client-local; `to` null = still paused. */
  from: LocalDate;
  to: LocalDate | null;
};

export type AdherenceAssignment = {
  drillId: string;
  prescription: Pick<Prescription, "schedule" | "startDate" | "endDate">;
  pauses: readonly Pause[];
};

export type AdherenceSession = {
  /** The client's local date of `performedAt`, stored with the session. */
  localDate: LocalDate;
  performedAt: Date;
  /** Set when the session is the warm-up of that run. */
  runId: string | null;
  drillIds: readonly string[];
};

export type AdherenceRun = {
  id: string;
  localDate: LocalDate;
  startedAt: Date;
};

export type Occurrence = {
  drillId: string;
  kind: "daily" | "before_run";
  /** The run a before-run occurrence belongs to. */
  runId: string | null;
  isDone: boolean;
};

/** A day's daily drills: all done, some, none, or nothing daily prescribed (a rest or paused day). */
export type DayStatus = "complete" | "partial" | "missed" | "none";

export type DayAdherence = {
  localDate: LocalDate;
  occurrences: Occurrence[];
  prescribed: number;
  done: number;
  dailyPrescribed: number;
  dailyDone: number;
  status: DayStatus;
  /** Any drill logged that day, prescribed or not. */
  hasDrills: boolean;
};

export type WeekAdherence = {
  /** ISO week, e.g. "2026-W13" (Monday to Sunday in the client's calendar). */
  isoWeek: string;
  weekStart: LocalDate;
  prescribed: number;
  done: number;
  dailyPrescribed: number;
  dailyDone: number;
  beforeRunPrescribed: number;
  beforeRunDone: number;
  /** done / prescribed; null when nothing was prescribed. */
  rate: number | null;
  /** Days with every daily drill done. */
  completeDays: number;
  /** Days with any drill logged: the "days of drills" the running summary groups weeks by. */
  daysWithDrills: number;
};

export type AdherenceInput = {
  assignments: readonly AdherenceAssignment[];
  sessions: readonly AdherenceSession[];
  runs: readonly AdherenceRun[];
  /** Inclusive range of local dates to report on. */
  from: LocalDate;
  to: LocalDate;
  /** How long before a run an unlinked session still counts as its warm-up. Default 2. */
  beforeRunWindowHours?: number;
};

export const DEFAULT_BEFORE_RUN_WINDOW_HOURS = 2;

// An assignment period prescribes on a day inside its dates that is not inside one of its pauses.
export function isPrescribedOn(assignment: AdherenceAssignment, localDate: LocalDate): boolean {
  const isPaused = assignment.pauses.some((p) => p.from <= localDate && (p.to === null || localDate <= p.to));
  return isAssignmentActiveOn({ id: assignment.drillId, status: isPaused ? "paused" : "active", prescription: assignment.prescription }, localDate);
}

// Test oracle, not read by the app: adherenceQuery (adherence-sql.ts) is checked against it in
// progression.integration.test.ts and history-cache.integration.test.ts.
// Each prescribed occurrence of each day, done or not: daily drills once a day, before-run drills once per run.
export function computeDailyAdherence(input: AdherenceInput): DayAdherence[] {
  const { assignments, sessions, runs, from, to } = input;
  assertLocalDate(from, "computeDailyAdherence from");
  assertLocalDate(to, "computeDailyAdherence to");
  const windowMs = (input.beforeRunWindowHours ?? DEFAULT_BEFORE_RUN_WINDOW_HOURS) * 3_600_000;

  const sessionsByDate = groupBy(sessions, (s) => s.localDate);
  const runsByDate = groupBy(runs, (r) => r.localDate);
  const days: DayAdherence[] = [];

  for (let date = from; date <= to; date = addDays(date, 1)) {
    const prescribed = assignments.filter((a) => isPrescribedOn(a, date));
    const daySessions = sessionsByDate.get(date) ?? [];
    const loggedToday = new Set(daySessions.flatMap((s) => s.drillIds));
    const occurrences: Occurrence[] = [];

    const dailyDrills = unique(prescribed.filter((a) => a.prescription.schedule.daily).map((a) => a.drillId));
    for (const drillId of dailyDrills) {
      occurrences.push({ drillId, kind: "daily", runId: null, isDone: loggedToday.has(drillId) });
    }

    const beforeRunDrills = unique(prescribed.filter((a) => a.prescription.schedule.beforeRun).map((a) => a.drillId));
    for (const run of runsByDate.get(date) ?? []) {
      for (const drillId of beforeRunDrills) {
        occurrences.push({ drillId, kind: "before_run", runId: run.id, isDone: isWarmedUp(run, drillId, sessions, windowMs) });
      }
    }

    const daily = occurrences.filter((o) => o.kind === "daily");
    const dailyDone = daily.filter((o) => o.isDone).length;
    days.push({
      localDate: date,
      occurrences,
      prescribed: occurrences.length,
      done: occurrences.filter((o) => o.isDone).length,
      dailyPrescribed: daily.length,
      dailyDone,
      status: daily.length === 0 ? "none" : dailyDone === daily.length ? "complete" : dailyDone === 0 ? "missed" : "partial",
      hasDrills: loggedToday.size > 0,
    });
  }
  return days;
}

// Test oracle, not read by the app: the weeks of adherenceQuery (adherence-sql.ts) is checked against it in
// progression.integration.test.ts and history-cache.integration.test.ts.
// The same counts per ISO week (Monday to Sunday, the client's calendar); a week cut by the range counts only its days inside it.
export function summarizeWeeks(days: readonly DayAdherence[]): WeekAdherence[] {
  const weeks = new Map<string, WeekAdherence>();
  for (const day of days) {
    const { isoWeek, weekStart } = isoWeekOf(day.localDate);
    const week = weeks.get(isoWeek) ?? {
      isoWeek,
      weekStart,
      prescribed: 0,
      done: 0,
      dailyPrescribed: 0,
      dailyDone: 0,
      beforeRunPrescribed: 0,
      beforeRunDone: 0,
      rate: null,
      completeDays: 0,
      daysWithDrills: 0,
    };
    week.prescribed += day.prescribed;
    week.done += day.done;
    week.dailyPrescribed += day.dailyPrescribed;
    week.dailyDone += day.dailyDone;
    week.beforeRunPrescribed += day.prescribed - day.dailyPrescribed;
    week.beforeRunDone += day.done - day.dailyDone;
    if (day.status === "complete") week.completeDays += 1;
    if (day.hasDrills) week.daysWithDrills += 1;
    week.rate = week.prescribed === 0 ? null : week.done / week.prescribed;
    weeks.set(isoWeek, week);
  }
  return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}

/** The ISO week a local date falls in: "2026-W13" and its Monday. */
export function isoWeekOf(localDate: LocalDate): { isoWeek: string; weekStart: LocalDate } {
  assertLocalDate(localDate, "isoWeekOf");
  const date = DateTime.fromISO(localDate, { zone: "utc" });
  const isoWeek = `${date.weekYear}-W${String(date.weekNumber).padStart(2, "0")}`;
  const weekStart = date.startOf("week").toISODate();
  if (weekStart === null) throw new RangeError(`isoWeekOf: '${localDate}' out of range`);
  return { isoWeek, weekStart };
}

export type Streaks = {
  /** Complete days in the run that reaches today (or yesterday, while today is still open). */
  current: number;
  currentStartedOn: LocalDate | null;
  longest: number;
  longestStartedOn: LocalDate | null;
  isTodayDone: boolean;
};

/**
 * Streaks over the days of `computeDailyAdherence`:
 * - a streak is consecutive local days with every daily drill done;
 * - a day with no daily drill prescribed (paused, before the first assignment, a before-run-only
 *   programme) neither extends nor breaks it: a holiday pause does not cost a streak;
 * - today, while not complete, does not break the current streak: the day has not ended;
 * - days after `today` are ignored.
 */
// Test oracle, not read by the app: the streak islands of adherenceQuery (adherence-sql.ts), joined by history.ts, is checked against it in
// progression.integration.test.ts and history-cache.integration.test.ts.
export function computeStreaks(days: readonly DayAdherence[], today: LocalDate): Streaks {
  assertLocalDate(today, "computeStreaks today");
  const relevant = [...days].filter((d) => d.localDate <= today && d.status !== "none").sort((a, b) => (a.localDate < b.localDate ? -1 : 1));
  const todayDay = relevant.at(-1)?.localDate === today ? relevant.at(-1) : undefined;
  const isTodayDone = todayDay?.status === "complete";

  let longest = 0;
  let longestStartedOn: LocalDate | null = null;
  let run = 0;
  let runStart: LocalDate | null = null;
  for (const day of relevant) {
    if (day.status === "complete") {
      if (run === 0) runStart = day.localDate;
      run += 1;
      if (run > longest) {
        longest = run;
        longestStartedOn = runStart;
      }
    } else if (day.localDate !== today) {
      run = 0;
      runStart = null;
    }
  }
  // The loop leaves `run` as the streak reaching the last relevant day (an open today did not reset it).
  // A last relevant day before today was complete; days between it and today were all rest days.
  return { current: run, currentStartedOn: run > 0 ? runStart : null, longest, longestStartedOn, isTodayDone };
}

function isWarmedUp(run: AdherenceRun, drillId: string, sessions: readonly AdherenceSession[], windowMs: number): boolean {
  const start = run.startedAt.getTime();
  return sessions.some((s) => {
    if (!s.drillIds.includes(drillId)) return false;
    if (s.runId !== null) return s.runId === run.id;
    const at = s.performedAt.getTime();
    return at <= start && at >= start - windowMs;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
