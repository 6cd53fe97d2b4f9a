import { describe, expect, it } from "vitest";

import { addDays } from "@/lib/local-date";

import { computeProgress, mergeDailyBests, rollingSeries, trendBetween, trendOf, windowAverage, type DailyBest } from "./rolling";

const today = "2026-04-28";
const day = (daysAgo: number, left: number | null, right: number | null): DailyBest => ({
  localDate: addDays(today, -daysAgo),
  left,
  right,
});

describe("windowAverage: calendar windows, gaps are not zeros", () => {
  // Days 0, 2, 6 in the last 7; day 7 is just outside; day 27 is the 28th day counting today.
  const history = [day(0, 30, 20), day(2, 40, null), day(6, 20, 30), day(7, 100, 100), day(27, 10, 10), day(28, 1000, 1000)];

  it.each([
    { side: "left", days: 7, average: 30, count: 3, why: "(30 + 40 + 20) / 3: the 4 empty days are left out, not averaged as 0" },
    { side: "right", days: 7, average: 25, count: 2, why: "right was not logged 2 days ago: a gap for that side only" },
    { side: "left", days: 28, average: 40, count: 5, why: "(30 + 40 + 20 + 100 + 10) / 5; day 28 is outside" },
    { side: "left", days: 1, average: 30, count: 1, why: "today alone" },
  ] as const)("$side over $days days is $average ($why)", ({ side, days, average, count }) => {
    expect(windowAverage(history, side, today, days)).toEqual({ average, days: count });
  });

  it("is null, not 0, over a window with no data", () => {
    expect(windowAverage([day(10, 30, 30)], "left", today, 7)).toEqual({ average: null, days: 0 });
  });

  it("ignores days after the date asked about", () => {
    expect(windowAverage([day(-1, 99, 99), day(1, 30, 30)], "left", today, 7)).toEqual({ average: 30, days: 1 });
  });

  it("takes the best of a day logged twice", () => {
    expect(mergeDailyBests([day(0, 30, null), day(0, 25, 28)])).toEqual([day(0, 30, 28)]);
  });
});

describe("trendOf: last 7 days against the 7 before", () => {
  const weeks = (recent: number[], previous: number[]): DailyBest[] => [
    ...recent.map((v, i) => day(i, v, v)),
    ...previous.map((v, i) => day(7 + i, v, v)),
  ];
  it.each([
    { name: "up 10%", history: weeks([33, 33], [30, 30]), label: "improving", change: 10 },
    { name: "up exactly 5%", history: weeks([21, 21], [20, 20]), label: "improving", change: 5 },
    { name: "up 4%", history: weeks([26, 26], [25, 25]), label: "steady", change: 4 },
    { name: "down 4%", history: weeks([24, 24], [25, 25]), label: "steady", change: -4 },
    { name: "down 20%", history: weeks([24, 24], [30, 30]), label: "declining", change: -20 },
    { name: "one day in the recent week", history: weeks([40], [30, 30]), label: "not_enough_data", change: null },
    { name: "nothing in the previous week", history: weeks([40, 40, 40], []), label: "not_enough_data", change: null },
  ] as const)("$name → $label", ({ history, label, change }) => {
    const trend = trendOf(history, "left", today);
    expect(trend.label).toBe(label);
    if (change === null) expect(trend.changePercent).toBeNull();
    else expect(trend.changePercent).toBeCloseTo(change, 9);
  });

  it("takes its threshold and minimum days from the caller", () => {
    const history = weeks([26], [25]);
    expect(trendOf(history, "left", today, { thresholdPercent: 3, minDaysPerWindow: 1 }).label).toBe("improving");
  });

  // The progress page's SQL computes the two weekly averages itself and then applies this rule.
  it("gives the same answer from two weekly averages computed elsewhere", () => {
    expect(trendBetween({ average: 21, days: 2 }, { average: 20, days: 2 }).label).toBe("improving");
    expect(trendBetween({ average: 24, days: 2 }, { average: 25, days: 2 }).label).toBe("steady");
    expect(trendBetween({ average: 40, days: 1 }, { average: 30, days: 2 }).label).toBe("not_enough_data");
  });
});

describe("computeProgress", () => {
  it("gives best, last and the averages per side, across gaps", () => {
    const history = [day(40, 50, 45), day(20, 35, 30), day(3, 30, null), day(1, 32, 28)];
    const progress = computeProgress(history, today);
    expect(progress.left).toMatchObject({
      best: 50,
      bestDate: addDays(today, -40),
      last: 32,
      lastDate: addDays(today, -1),
      rolling7: { average: 31, days: 2 },
      rolling28: { average: (35 + 30 + 32) / 3, days: 3 },
    });
    expect(progress.right).toMatchObject({
      best: 45,
      last: 28,
      lastDate: addDays(today, -1),
      rolling7: { average: 28, days: 1 },
      rolling28: { average: 29, days: 2 },
    });
    expect(progress.right.trend.label).toBe("not_enough_data");
  });

  it("has nothing to say before the first log", () => {
    const progress = computeProgress([day(-3, 30, 30)], today);
    expect(progress.left).toMatchObject({ best: null, last: null, rolling7: { average: null, days: 0 } });
  });
});

describe("rollingSeries: the reference for the SQL window query", () => {
  it("has a point per day with data, each with its trailing averages", () => {
    const history = [day(10, 20, 20), day(8, 30, null), day(2, 40, 40), day(0, 50, 30)];
    expect(rollingSeries(history, addDays(today, -8), today)).toEqual([
      { localDate: addDays(today, -8), left: 30, right: null, left7: 25, right7: 20, left28: 25, right28: 20 },
      // 8 days ago is the first day of this point's 7-day window (−8..−2): left (30 + 40) / 2; right had no value then.
      { localDate: addDays(today, -2), left: 40, right: 40, left7: 35, right7: 40, left28: 30, right28: 30 },
      { localDate: today, left: 50, right: 30, left7: 45, right7: 35, left28: 35, right28: 30 },
    ]);
  });
});
