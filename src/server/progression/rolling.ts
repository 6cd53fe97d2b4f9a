import { addDays, assertLocalDate, type LocalDate } from "@/lib/local-date";
import type { DailyBest } from "@/server/drills/mastery";

export type { DailyBest } from "@/server/drills/mastery";

/**
 * Per-side progress over time (issue 6), from the client's best value per side per local day
 * (the same `DailyBest` rows the mastery rule reads).
 *
 * Windows are calendar days ending on the day asked about, that day included: the 7-day
 * average as of 2026-04-07 covers 2026-04-01..2026-04-07. A day with no value for a side is a
 * GAP, not a zero: it is left out of that side's average (a rest day does not halve a hold).
 * So the average is over the days that have data, and `days` says how many that was. This is
 * exactly `avg(side) over (order by local_date range between interval '6 days' preceding and
 * current row)` in PostgreSQL, where `avg` skips nulls and missing rows are simply absent.
 *
 * Every measure here (seconds held, reps, ground contacts, metres) is better when higher.
 */

export type SideName = "left" | "right";

export type WindowAverage = {
  /** Mean of the days with data in the window; null when no day has data. */
  average: number | null;
  /** How many days in the window had a value for this side. */
  days: number;
};

export type TrendLabel = "improving" | "steady" | "declining" | "not_enough_data";

export type Trend = {
  label: TrendLabel;
  /** Mean of the last 7 days (as of the date) and of the 7 days before them. */
  recent: WindowAverage;
  previous: WindowAverage;
  /** (recent − previous) / previous × 100; null when either window lacks data. */
  changePercent: number | null;
};

export type SideProgress = {
  /** The highest value ever logged up to the date. */
  best: number | null;
  bestDate: LocalDate | null;
  /** The value on the latest day with data up to the date. */
  last: number | null;
  lastDate: LocalDate | null;
  rolling7: WindowAverage;
  rolling28: WindowAverage;
  trend: Trend;
};

export type Progress = Record<SideName, SideProgress>;

export type TrendOptions = {
  /** A change of at least this much, either way, is a trend; smaller is steady. Default 5 (%). */
  thresholdPercent?: number;
  /** Days with data needed in each of the two weeks before a trend is called. Default 2. */
  minDaysPerWindow?: number;
};

export const DEFAULT_TREND_THRESHOLD_PERCENT = 5;
export const DEFAULT_TREND_MIN_DAYS = 2;

// Several rows for one day (two sessions) make one: the best of each side that day counts.
export function mergeDailyBests(dailyBests: readonly DailyBest[]): DailyBest[] {
  const byDate = new Map<LocalDate, DailyBest>();
  for (const best of dailyBests) {
    assertLocalDate(best.localDate, "dailyBests localDate");
    assertSideValue(best.left);
    assertSideValue(best.right);
    const seen = byDate.get(best.localDate);
    byDate.set(best.localDate, seen ? { ...seen, left: maxOf(seen.left, best.left), right: maxOf(seen.right, best.right) } : { ...best });
  }
  return [...byDate.values()].sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));
}

// The average of a side over the `days` calendar days ending on `asOf`, skipping days it was not logged.
export function windowAverage(
  dailyBests: readonly DailyBest[],
  side: SideName,
  asOf: LocalDate,
  days: number,
): WindowAverage {
  assertLocalDate(asOf, "windowAverage asOf");
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`windowAverage: days must be a whole number ≥ 1, got ${days}`);
  const start = addDays(asOf, -(days - 1));
  let sum = 0;
  let count = 0;
  for (const best of mergeDailyBests(dailyBests)) {
    const value = best[side];
    if (value === null || best.localDate < start || best.localDate > asOf) continue;
    sum += value;
    count += 1;
  }
  return { average: count === 0 ? null : sum / count, days: count };
}

// Improving or declining when the last 7 days' average moved at least 5% from the 7 days before; otherwise steady.
export function trendOf(
  dailyBests: readonly DailyBest[],
  side: SideName,
  asOf: LocalDate,
  options: TrendOptions = {},
): Trend {
  return trendBetween(windowAverage(dailyBests, side, asOf, 7), windowAverage(dailyBests, side, addDays(asOf, -7), 7), options);
}

/** The trend rule on two weekly averages already computed (by `windowAverage` or in SQL). */
export function trendBetween(recent: WindowAverage, previous: WindowAverage, options: TrendOptions = {}): Trend {
  const threshold = options.thresholdPercent ?? DEFAULT_TREND_THRESHOLD_PERCENT;
  const minDays = options.minDaysPerWindow ?? DEFAULT_TREND_MIN_DAYS;
  if (recent.average === null || previous.average === null || recent.days < minDays || previous.days < minDays) {
    return { label: "not_enough_data", recent, previous, changePercent: null };
  }
  // Values are > 0 (a logged hold or count is at least its minimum), so `previous` is never 0 here;
  // if a caller passes zeros anyway, any rise from 0 is improving.
  const changePercent =
    previous.average === 0
      ? recent.average === 0 ? 0 : Infinity
      : ((recent.average - previous.average) / previous.average) * 100;
  const label: TrendLabel =
    changePercent >= threshold ? "improving" : changePercent <= -threshold ? "declining" : "steady";
  return { label, recent, previous, changePercent };
}

// Best, last, 7- and 28-day averages and the trend for one side, as of a local date (later days are ignored).
export function sideProgress(
  dailyBests: readonly DailyBest[],
  side: SideName,
  asOf: LocalDate,
  options: TrendOptions = {},
): SideProgress {
  assertLocalDate(asOf, "sideProgress asOf");
  const days = mergeDailyBests(dailyBests).filter((d) => d.localDate <= asOf && d[side] !== null);
  let best: DailyBest | undefined;
  for (const day of days) if (best === undefined || (day[side] ?? 0) > (best[side] ?? 0)) best = day;
  const last = days.at(-1);
  return {
    best: best?.[side] ?? null,
    bestDate: best?.localDate ?? null,
    last: last?.[side] ?? null,
    lastDate: last?.localDate ?? null,
    rolling7: windowAverage(days, side, asOf, 7),
    rolling28: windowAverage(days, side, asOf, 28),
    trend: trendOf(days, side, asOf, options),
  };
}

// Test oracle, not read by the app: the summary SQL of drillProgressFor (service.ts) is checked
// against it in progression.integration.test.ts.
// Both sides' progress for one drill, as of a local date.
export function computeProgress(dailyBests: readonly DailyBest[], asOf: LocalDate, options: TrendOptions = {}): Progress {
  return {
    left: sideProgress(dailyBests, "left", asOf, options),
    right: sideProgress(dailyBests, "right", asOf, options),
  };
}

export type SeriesPoint = {
  localDate: LocalDate;
  left: number | null;
  right: number | null;
  left7: number | null;
  right7: number | null;
  left28: number | null;
  right28: number | null;
};

/**
 * The chart's points: one per day WITH data in [from, to], each with its trailing 7- and
 * 28-day averages (which may reach back before `from`). A test oracle, not read by the app: the
 * chart SQL of drillProgressFor (service.ts) is checked against it, same rows, same numbers, in
 * progression.integration.test.ts.
 */
export function rollingSeries(dailyBests: readonly DailyBest[], from: LocalDate, to: LocalDate): SeriesPoint[] {
  assertLocalDate(from, "rollingSeries from");
  assertLocalDate(to, "rollingSeries to");
  const merged = mergeDailyBests(dailyBests);
  return merged
    .filter((d) => d.localDate >= from && d.localDate <= to)
    .map((d) => ({
      localDate: d.localDate,
      left: d.left,
      right: d.right,
      left7: windowAverage(merged, "left", d.localDate, 7).average,
      right7: windowAverage(merged, "right", d.localDate, 7).average,
      left28: windowAverage(merged, "left", d.localDate, 28).average,
      right28: windowAverage(merged, "right", d.localDate, 28).average,
    }));
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function assertSideValue(value: number | null): void {
  if (value !== null && !(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`dailyBests: side value must be a number ≥ 0 or null, got ${value}`);
  }
}
