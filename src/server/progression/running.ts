import { formatPace, perKmPaceIn, type DistanceUnit } from "@/lib/distance-units";
import { assertLocalDate, type LocalDate } from "@/lib/local-date";

import { isoWeekOf, type WeekAdherence } from "./adherence";

/**
 * "Do the drills help my running?" (issue 6): each ISO week's drill adherence beside that
 * week's runs, and a plain-language comparison of weeks with many days of drills against the
 * rest. It describes what went together and never claims a cause: a good week may bring both
 * drills and fast runs. It always says how many weeks it rests on, and stays silent (says so)
 * until each group has enough weeks.
 */

export type RunFact = {
  /** The client's local date of the run's start, stored with the run. */
  localDate: LocalDate;
  distanceM: number;
  durationSeconds: number;
  effort: number | null;
  hasPain: boolean;
};

export type WeekRunning = {
  isoWeek: string;
  weekStart: LocalDate;
  daysWithDrills: number;
  adherenceRate: number | null;
  runs: number;
  distanceM: number;
  durationSeconds: number;
  /** Total time / total distance (seconds per km); null without runs. */
  paceSecondsPerKm: number | null;
  /** Mean effort of the runs that have one; null if none does. */
  averageEffort: number | null;
  runsWithPain: number;
};

/** A week with no drills and no runs yet: the row both week-by-week mergers start from. */
export function emptyWeekRunning(isoWeek: string, weekStart: LocalDate): WeekRunning {
  return { isoWeek, weekStart, daysWithDrills: 0, adherenceRate: null, runs: 0, distanceM: 0, durationSeconds: 0, paceSecondsPerKm: null, averageEffort: null, runsWithPain: 0 };
}

// Test oracle, not read by the app: runWeeksOf and mergeRunning (service.ts) are checked against
// it in progression.integration.test.ts.
// Each week's drill days and adherence beside that week's runs; weeks with runs but no adherence row still appear (0 days of drills).
export function weeklyRunning(weeks: readonly WeekAdherence[], runs: readonly RunFact[]): WeekRunning[] {
  const rows = new Map<string, WeekRunning>();
  const row = (isoWeek: string, weekStart: LocalDate): WeekRunning => {
    const existing = rows.get(isoWeek);
    if (existing) return existing;
    const created = emptyWeekRunning(isoWeek, weekStart);
    rows.set(isoWeek, created);
    return created;
  };
  for (const week of weeks) {
    const r = row(week.isoWeek, week.weekStart);
    r.daysWithDrills = week.daysWithDrills;
    r.adherenceRate = week.rate;
  }
  const efforts = new Map<string, number[]>();
  for (const run of runs) {
    assertLocalDate(run.localDate, "weeklyRunning run localDate");
    const { isoWeek, weekStart } = isoWeekOf(run.localDate);
    const r = row(isoWeek, weekStart);
    r.runs += 1;
    r.distanceM += run.distanceM;
    r.durationSeconds += run.durationSeconds;
    if (run.hasPain) r.runsWithPain += 1;
    if (run.effort !== null) efforts.set(isoWeek, [...(efforts.get(isoWeek) ?? []), run.effort]);
  }
  for (const r of rows.values()) {
    r.paceSecondsPerKm = paceOf(r.distanceM, r.durationSeconds);
    const weekEfforts = efforts.get(r.isoWeek);
    r.averageEffort = weekEfforts ? weekEfforts.reduce((a, b) => a + b, 0) / weekEfforts.length : null;
  }
  return [...rows.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}

export type GroupStats = {
  weeks: number;
  runs: number;
  distanceM: number;
  durationSeconds: number;
  /** Total time / total distance over the group's runs: a long run weighs more than a short one. */
  paceSecondsPerKm: number | null;
  runsWithPain: number;
};

export type RunningSummary =
  | {
      status: "ok";
      /** Weeks with runs and at least `minDrillDays` days of drills. */
      withDrills: GroupStats;
      /** Weeks with runs and fewer. */
      fewerDrills: GroupStats;
      /** Positive = faster in the weeks with drills. */
      paceDifferenceSecondsPerKm: number;
      weeksUsed: number;
      message: string;
      caveat: string;
    }
  | {
      status: "not_enough_data";
      withDrills: GroupStats;
      fewerDrills: GroupStats;
      weeksUsed: number;
      message: string;
      caveat: string;
    };

export type SummaryOptions = {
  /** A week "with drills" has at least this many days of drills. Default 5. */
  minDrillDays?: number;
  /** Weeks needed in each group before comparing. Default 2. */
  minWeeksPerGroup?: number;
  /** The unit the sentence's pace is written in (the reader's). Default km. */
  unit?: DistanceUnit;
};

export const DEFAULT_MIN_DRILL_DAYS = 5;
export const DEFAULT_MIN_WEEKS_PER_GROUP = 2;

export const RUNNING_CAVEAT = "This shows what went together, not what caused what.";

// Compare pace and pain between weeks with 5 or more days of drills and the other weeks with runs; say nothing until each side has 2 weeks.
export function summarizeDrillsAndRunning(weeks: readonly WeekRunning[], options: SummaryOptions = {}): RunningSummary {
  const minDrillDays = options.minDrillDays ?? DEFAULT_MIN_DRILL_DAYS;
  const minWeeks = options.minWeeksPerGroup ?? DEFAULT_MIN_WEEKS_PER_GROUP;
  // A week without a run has no pace to compare: it is left out of both groups.
  const withRuns = weeks.filter((w) => w.runs > 0 && w.distanceM > 0);
  const withDrills = groupStats(withRuns.filter((w) => w.daysWithDrills >= minDrillDays));
  const fewerDrills = groupStats(withRuns.filter((w) => w.daysWithDrills < minDrillDays));
  const weeksUsed = withDrills.weeks + fewerDrills.weeks;
  const label = `${minDrillDays} or more ${minDrillDays === 1 ? "day" : "days"} of drills`;

  if (withDrills.weeks < minWeeks || fewerDrills.weeks < minWeeks || withDrills.paceSecondsPerKm === null || fewerDrills.paceSecondsPerKm === null) {
    return {
      status: "not_enough_data",
      withDrills,
      fewerDrills,
      weeksUsed,
      message:
        `Not enough data yet: the comparison needs at least ${minWeeks} ${plural(minWeeks, "week")} with runs and ${label}, ` +
        `and ${minWeeks} with runs and fewer (so far ${withDrills.weeks} and ${fewerDrills.weeks}).`,
      caveat: RUNNING_CAVEAT,
    };
  }

  // Whole seconds: the sentence says 0:12 /km (or /mi), so the number compared must be the one shown.
  const unit = options.unit ?? "km";
  const difference = Math.round(fewerDrills.paceSecondsPerKm) - Math.round(withDrills.paceSecondsPerKm);
  const shown = Math.round(perKmPaceIn(fewerDrills.paceSecondsPerKm, unit)) - Math.round(perKmPaceIn(withDrills.paceSecondsPerKm, unit));
  const pace =
    shown === 0
      ? "your average pace was the same"
      : `your average pace was ${formatPace(Math.abs(shown), unit)} ${shown > 0 ? "faster" : "slower"}`;
  const pain =
    withDrills.runsWithPain === 0 && fewerDrills.runsWithPain === 0
      ? "you reported pain in no run in either kind of week"
      : `you reported pain in ${withDrills.runsWithPain} of ${withDrills.runs} ${plural(withDrills.runs, "run")} ` +
        `instead of ${fewerDrills.runsWithPain} of ${fewerDrills.runs}`;
  return {
    status: "ok",
    withDrills,
    fewerDrills,
    paceDifferenceSecondsPerKm: difference,
    weeksUsed,
    message: `In weeks with ${label} ${pace} and ${pain} (based on ${weeksUsed} weeks).`,
    caveat: RUNNING_CAVEAT,
  };
}

/** Seconds per km for a distance and a time; null without distance. */
export function paceOf(distanceM: number, durationSeconds: number): number | null {
  return distanceM > 0 ? durationSeconds / (distanceM / 1000) : null;
}

function groupStats(weeks: readonly WeekRunning[]): GroupStats {
  const runs = sum(weeks.map((w) => w.runs));
  const distanceM = sum(weeks.map((w) => w.distanceM));
  const durationSeconds = sum(weeks.map((w) => w.durationSeconds));
  return {
    weeks: weeks.length,
    runs,
    distanceM,
    durationSeconds,
    paceSecondsPerKm: paceOf(distanceM, durationSeconds),
    runsWithPain: sum(weeks.map((w) => w.runsWithPain)),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
