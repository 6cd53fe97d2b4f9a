import { z } from "zod";
import { formatDistance, type DistanceUnit } from "@/lib/distance-units";
import { addDays, assertLocalDate, daysBetween, type LocalDate } from "@/lib/local-date";
import { isoWeekOf } from "./adherence";

/**
 * Weekly running load and the acute:chronic ratio (issue 19): load spikes are what injures
 * runners, so the progress page shows each week's distance, time and longest run, and the
 * attention queue flags a client whose last 7 days jumped well above their usual.
 *
 * - Weeks start on Monday of the client's own calendar: a run belongs to the week of its
 *   stored `local_date` (the client's day when it started), so a DST change or a trip never
 *   moves a run into another week.
 * - acute = distance of the last 7 days (today and the 6 before), chronic = distance of the last
 *   28 days ÷ 4 (a usual week); ratio = acute ÷ chronic. The 28 days include the 7 (the usual
 *   "coupled" ratio): a first hard week after a month off reads 4×, never infinity.
 * - Under 3 runs or under 10 km in the 28 days there is no usual week to compare with: the
 *   ratio is null and the page says so rather than show a number that means nothing.
 */

export type LoadRun = {
  /** The client's local day of the run's start, stored with the run. */
  localDate: LocalDate;
  distanceM: number;
  /** Moving time for a run from a file, the typed time otherwise. */
  durationS: number;
};

export type WeekLoad = {
  /** The Monday the week starts on, in the client's calendar. */
  weekStart: LocalDate;
  runs: number;
  distanceM: number;
  movingS: number;
  /** The longest single run of the week, metres; 0 without runs. */
  longestM: number;
};

export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
/** A usual week needs at least this many runs in the 28 days… */
export const MIN_CHRONIC_RUNS = 3;
/** …and at least this much distance (10 km). */
export const MIN_CHRONIC_DISTANCE_M = 10_000;
export const DEFAULT_LOAD_SPIKE_RATIO = 1.5;
/** How many weeks the progress page shows (this one and the 11 before). */
export const LOAD_WEEKS = 12;

const RATIO_MESSAGE = "Enter the ratio as a number from 1.05 to 3, e.g. 1.5.";

/** The studio's spike ratio: the last 7 days above this many usual weeks is flagged. */
export const loadSpikeRatioInput = z
  .number({ error: RATIO_MESSAGE })
  .min(1.05, { error: RATIO_MESSAGE })
  .max(3, { error: RATIO_MESSAGE })
  // The column keeps two decimals: 1.555 would be stored as 1.56 and shown as something not typed.
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { error: "Use at most two decimals, e.g. 1.5 or 1.35." });

/** The Monday of the week `localDate` falls in. */
export function weekStartOf(localDate: LocalDate): LocalDate {
  return isoWeekOf(localDate).weekStart;
}

/** The Mondays of the last `weeks` weeks up to today's, oldest first. */
export function weekStartsUpTo(today: LocalDate, weeks = LOAD_WEEKS): LocalDate[] {
  const last = weekStartOf(today);
  return Array.from({ length: weeks }, (_, i) => addDays(last, -7 * (weeks - 1 - i)));
}

// Each of the last 12 Monday-start weeks (empty ones too): distance, moving time, runs, longest run. Runs after today are not counted yet.
export function weeklyLoad(runs: readonly LoadRun[], today: LocalDate, weeks = LOAD_WEEKS): WeekLoad[] {
  assertLocalDate(today, "weeklyLoad today");
  const rows = new Map(weekStartsUpTo(today, weeks).map((weekStart) => [weekStart, { weekStart, runs: 0, distanceM: 0, movingS: 0, longestM: 0 }]));
  for (const run of runs) {
    assertLocalDate(run.localDate, "weeklyLoad run localDate");
    if (run.localDate > today) continue;
    const row = rows.get(weekStartOf(run.localDate));
    if (!row) continue;
    row.runs += 1;
    row.distanceM += run.distanceM;
    row.movingS += run.durationS;
    row.longestM = Math.max(row.longestM, run.distanceM);
  }
  return [...rows.values()];
}

/** The facts the ratio is made of (also what the SQL sums). */
export type LoadWindows = { acuteM: number; acuteRuns: number; chronicM: number; chronicRuns: number };

// The distance and runs of the last 7 and the last 28 days of the client's calendar, today included.
export function loadWindowsOf(runs: readonly LoadRun[], today: LocalDate): LoadWindows {
  const windows: LoadWindows = { acuteM: 0, acuteRuns: 0, chronicM: 0, chronicRuns: 0 };
  for (const run of runs) {
    const ago = daysBetween(run.localDate, today);
    if (ago < 0 || ago >= CHRONIC_DAYS) continue;
    windows.chronicM += run.distanceM;
    windows.chronicRuns += 1;
    if (ago < ACUTE_DAYS) {
      windows.acuteM += run.distanceM;
      windows.acuteRuns += 1;
    }
  }
  return windows;
}

export type LoadRatio = LoadWindows & {
  /** The last 28 days ÷ 4. */
  usualWeekM: number;
  /** acute ÷ usual week, to two decimals; null without a usual week to compare with. */
  ratio: number | null;
};

// The last 7 days against a usual week (the last 28 days ÷ 4); no ratio under 3 runs or 10 km in the 28 days.
export function loadRatio(windows: LoadWindows): LoadRatio {
  const usualWeekM = windows.chronicM / 4;
  const isEnough = windows.chronicRuns >= MIN_CHRONIC_RUNS && windows.chronicM >= MIN_CHRONIC_DISTANCE_M;
  return { ...windows, usualWeekM, ratio: isEnough ? Math.round((windows.acuteM / usualWeekM) * 100) / 100 : null };
}

// A spike is a ratio strictly above the studio's (default 1.5): at exactly 1.5 the load is still "as planned".
export function isLoadSpike(ratio: number | null, spikeRatio: number): boolean {
  return ratio !== null && ratio > spikeRatio;
}

/** "1.7×", "1.54×", "0.8×": at most two decimals, none trailing. */
export function formatRatio(ratio: number): string {
  return `${Number(ratio.toFixed(2))}×`;
}

// The sentence beside the weekly table, for the client ("your usual") or their trainer ("their usual").
export function describeLoad(load: LoadRatio, spikeRatio: number, unit: DistanceUnit, audience: "client" | "trainer"): string {
  const your = audience === "client" ? "your" : "their";
  if (load.ratio === null) {
    return (
      `Not enough running in the last four weeks to compare this week with a usual one: it needs at least ${MIN_CHRONIC_RUNS} runs and ` +
      `${formatDistance(MIN_CHRONIC_DISTANCE_M, unit, { decimals: 1 })} (so far ${load.chronicRuns} ${load.chronicRuns === 1 ? "run" : "runs"}, ${formatDistance(load.chronicM, unit, { decimals: 1 })}).`
    );
  }
  const figures = `${formatDistance(load.acuteM, unit, { decimals: 1 })} in the last 7 days against ${formatDistance(load.usualWeekM, unit, { decimals: 1 })} in a usual week of the last four`;
  if (isLoadSpike(load.ratio, spikeRatio)) {
    return `This week: ${formatRatio(load.ratio)} ${your} usual (${figures}) — a jump like this is when runners get hurt.`;
  }
  if (load.ratio < 0.8) return `This week: ${formatRatio(load.ratio)} ${your} usual (${figures}) — a lighter week.`;
  return `This week: ${formatRatio(load.ratio)} ${your} usual (${figures}) — a steady load.`;
}

/** The attention queue's sentence: "Running load jumped: 1.7× the last four weeks (…)". */
export function describeSpike(load: LoadRatio, unit: DistanceUnit): string {
  return `Running load jumped: ${formatRatio(load.ratio ?? 0)} the last four weeks (${formatDistance(load.acuteM, unit, { decimals: 1 })} in 7 days against ${formatDistance(load.usualWeekM, unit, { decimals: 1 })} a week).`;
}
