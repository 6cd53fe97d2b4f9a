import { describe, expect, it } from "vitest";
import { addDays, localDateIn } from "@/lib/local-date";
import {
  describeLoad,
  describeSpike,
  formatRatio,
  isLoadSpike,
  loadRatio,
  loadSpikeRatioInput,
  loadWindowsOf,
  weekStartsUpTo,
  weeklyLoad,
  type LoadRun,
} from "./running-load";

const run = (localDate: string, km: number, minutes = km * 6): LoadRun => ({ localDate, distanceM: Math.round(km * 1000), durationS: Math.round(minutes * 60) });

describe("weekly load: Monday-start weeks of the client's calendar", () => {
  // Friday 20 March 2026.
  const today = "2026-03-20";

  it("has the last 12 weeks, empty ones too, oldest first, ending with this week's Monday", () => {
    const weeks = weekStartsUpTo(today);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe("2026-03-16");
    expect(weeks[0]).toBe("2025-12-29");
    expect(weeklyLoad([], today).every((w) => w.runs === 0 && w.distanceM === 0 && w.longestM === 0)).toBe(true);
  });

  it("sums distance and moving time, counts runs and keeps the longest; a Sunday run is the week before Monday's", () => {
    const weeks = weeklyLoad([run("2026-03-15", 10, 55), run("2026-03-16", 5, 30), run("2026-03-18", 8, 44), run("2026-03-21", 20)], today);
    const [before, current] = weeks.slice(-2);
    expect(before).toEqual({ weekStart: "2026-03-09", runs: 1, distanceM: 10_000, movingS: 3300, longestM: 10_000 });
    // The run on the 21st is after today: not counted yet.
    expect(current).toEqual({ weekStart: "2026-03-16", runs: 2, distanceM: 13_000, movingS: 4440, longestM: 8000 });
  });

  it("leaves out runs older than the weeks shown", () => {
    const weeks = weeklyLoad([run("2025-12-28", 10), run("2025-12-29", 4)], today);
    expect(weeks[0]).toMatchObject({ weekStart: "2025-12-29", runs: 1, distanceM: 4000 });
    expect(weeks.reduce((a, w) => a + w.runs, 0)).toBe(1);
  });

  it.each([
    // Europe/London springs forward at 01:00 UTC on Sunday 29 March 2026: 23:30 local that
    // Sunday is 22:30 UTC, still Sunday, still the week of Monday the 23rd.
    { zone: "Europe/London", instant: "2026-03-29T22:30:00Z", weekStart: "2026-03-23" },
    // 00:30 local on Monday the 30th is 23:30 UTC on the Sunday: the client's Monday, the new week.
    { zone: "Europe/London", instant: "2026-03-29T23:30:00Z", weekStart: "2026-03-30" },
    // New York falls back on Sunday 1 November 2026: 23:59 local (EST, UTC−5) is 04:59 UTC on Monday.
    { zone: "America/New_York", instant: "2026-11-02T04:59:00Z", weekStart: "2026-10-26" },
    { zone: "America/New_York", instant: "2026-11-02T05:00:00Z", weekStart: "2026-11-02" },
    // Sydney's clocks go back on Sunday 5 April 2026; Monday 00:10 local there is Sunday 14:10 UTC.
    { zone: "Australia/Sydney", instant: "2026-04-05T14:10:00Z", weekStart: "2026-04-06" },
  ])("a run at $instant in $zone is in the week of $weekStart", ({ zone, instant, weekStart }) => {
    const localDate = localDateIn(new Date(instant), zone);
    const weeks = weeklyLoad([run(localDate, 5)], addDays(localDate, 3));
    expect(weeks.find((w) => w.runs === 1)?.weekStart).toBe(weekStart);
  });
});

describe("acute:chronic ratio: the last 7 days against a usual week of the last 28", () => {
  const today = "2026-03-20";

  it("counts today and the 6 days before as the last 7, and today and the 27 before as the 28", () => {
    const w = loadWindowsOf([run("2026-03-20", 1), run("2026-03-14", 2), run("2026-03-13", 4), run("2026-02-21", 8), run("2026-02-20", 16), run("2026-03-21", 32)], today);
    expect(w).toEqual({ acuteM: 3000, acuteRuns: 2, chronicM: 15_000, chronicRuns: 4 });
  });

  it("is 1 for a steady month and 1.7 for a week at 1.7 times a usual one", () => {
    const steady = [0, 7, 14, 21].map((d) => run(addDays(today, -d), 10));
    expect(loadRatio(loadWindowsOf(steady, today)).ratio).toBe(1);
    // 3 weeks of 10 km and a last week of 23 km: 23 / (53 / 4) = 1.736 → 1.74.
    const jump = [run("2026-03-19", 23), run("2026-03-12", 10), run("2026-03-05", 10), run("2026-02-26", 10)];
    const load = loadRatio(loadWindowsOf(jump, today));
    expect(load.ratio).toBe(1.74);
    expect(load.usualWeekM).toBe(13_250);
  });

  it.each([
    { why: "2 runs are not a usual week", runs: [run("2026-03-19", 20), run("2026-03-01", 20)], ratio: null },
    { why: "3 runs make one", runs: [run("2026-03-19", 5), run("2026-03-10", 3), run("2026-03-01", 2)], ratio: 2 },
    { why: "9.99 km is under the 10 km base", runs: [run("2026-03-19", 5), run("2026-03-10", 3), run("2026-03-01", 1.99)], ratio: null },
    { why: "exactly 10 km is enough", runs: [run("2026-03-19", 5), run("2026-03-10", 3), run("2026-03-01", 2)], ratio: 2 },
    { why: "a month without running", runs: [], ratio: null },
    { why: "nothing this week is 0", runs: [run("2026-03-12", 5), run("2026-03-05", 5), run("2026-02-26", 5)], ratio: 0 },
    { why: "everything in the last 7 days is the most it can be: 4", runs: [run("2026-03-20", 5), run("2026-03-18", 5), run("2026-03-16", 5)], ratio: 4 },
  ])("$why → $ratio", ({ runs, ratio }) => {
    expect(loadRatio(loadWindowsOf(runs, today)).ratio).toBe(ratio);
  });

  it("flags only a ratio strictly above the studio's", () => {
    expect(isLoadSpike(1.5, 1.5)).toBe(false);
    expect(isLoadSpike(1.51, 1.5)).toBe(true);
    expect(isLoadSpike(null, 1.05)).toBe(false);
    expect(isLoadSpike(1.2, 1.05)).toBe(true);
  });

  it("says it in plain words, in the reader's unit, and says why there is no ratio", () => {
    const jump = loadRatio({ acuteM: 17_000, acuteRuns: 3, chronicM: 40_000, chronicRuns: 10 });
    expect(jump.ratio).toBe(1.7);
    expect(formatRatio(1.7)).toBe("1.7×");
    expect(formatRatio(1.54)).toBe("1.54×");
    expect(describeLoad(jump, 1.5, "km", "client")).toBe(
      "This week: 1.7× your usual (17.0 km in the last 7 days against 10.0 km in a usual week of the last four) — a jump like this is when runners get hurt.",
    );
    expect(describeLoad(jump, 2, "mi", "trainer")).toMatch(/^This week: 1\.7× their usual \(10\.6 mi in the last 7 days against 6\.2 mi .*a steady load\.$/);
    expect(describeSpike(jump, "km")).toBe("Running load jumped: 1.7× the last four weeks (17.0 km in 7 days against 10.0 km a week).");
    const none = loadRatio({ acuteM: 3000, acuteRuns: 1, chronicM: 6000, chronicRuns: 2 });
    expect(describeLoad(none, 1.5, "mi", "client")).toBe(
      "Not enough running in the last four weeks to compare this week with a usual one: it needs at least 3 runs and 6.2 mi (so far 2 runs, 3.7 mi).",
    );
  });
});

describe("the studio's spike ratio", () => {
  it.each([1.05, 1.5, 2, 3, 1.35])("accepts %s", (v) => expect(loadSpikeRatioInput.safeParse(v).success).toBe(true));
  it.each([1, 1.04, 3.01, Number.NaN, 1.555])("refuses %s with a sentence", (v) => {
    const result = loadSpikeRatioInput.safeParse(v);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^(Enter the ratio|Use at most two decimals)/);
  });
});
