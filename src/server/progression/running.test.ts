import { describe, expect, it } from "vitest";

import { addDays } from "@/lib/local-date";

import type { WeekAdherence } from "./adherence";
import { paceOf, summarizeDrillsAndRunning, weeklyRunning, type RunFact, type WeekRunning } from "./running";

const adherenceWeek = (weekStart: string, isoWeek: string, daysWithDrills: number): WeekAdherence => ({
  isoWeek,
  weekStart,
  prescribed: 7,
  done: daysWithDrills,
  dailyPrescribed: 7,
  dailyDone: daysWithDrills,
  beforeRunPrescribed: 0,
  beforeRunDone: 0,
  rate: daysWithDrills / 7,
  completeDays: daysWithDrills,
  daysWithDrills,
});

const runOn = (localDate: string, km: number, pace: string, options: { effort?: number | null; hasPain?: boolean } = {}): RunFact => {
  const [m, s] = pace.split(":").map(Number);
  return {
    localDate,
    distanceM: km * 1000,
    durationSeconds: Math.round(km * ((m ?? 0) * 60 + (s ?? 0))),
    effort: options.effort ?? null,
    hasPain: options.hasPain ?? false,
  };
};

/** A summarised week: runs at one pace, some with pain. */
const week = (daysWithDrills: number, runs: number, paceSeconds: number, runsWithPain = 0, i = 0): WeekRunning => ({
  isoWeek: `2026-W${String(10 + i).padStart(2, "0")}`,
  weekStart: addDays("2026-03-02", 7 * i),
  daysWithDrills,
  adherenceRate: daysWithDrills / 7,
  runs,
  distanceM: runs * 5000,
  durationSeconds: runs * 5 * paceSeconds,
  paceSecondsPerKm: runs > 0 ? paceSeconds : null,
  averageEffort: null,
  runsWithPain,
});

describe("weeklyRunning", () => {
  it("puts each ISO week's drill days beside its runs", () => {
    const weeks = [adherenceWeek("2026-03-23", "2026-W13", 6), adherenceWeek("2026-03-30", "2026-W14", 2)];
    const runs = [
      runOn("2026-03-24", 5, "5:00", { effort: 6 }),
      runOn("2026-03-29", 10, "5:30", { effort: 8, hasPain: true }), // Sunday: still W13
      runOn("2026-03-30", 5, "6:00"), // Monday: W14
      runOn("2026-04-06", 8, "5:15", { effort: 5 }), // W15: runs but no adherence row
    ];
    expect(weeklyRunning(weeks, runs)).toEqual([
      {
        isoWeek: "2026-W13",
        weekStart: "2026-03-23",
        daysWithDrills: 6,
        adherenceRate: 6 / 7,
        runs: 2,
        distanceM: 15_000,
        durationSeconds: 1500 + 3300,
        paceSecondsPerKm: 320, // 80 min over 15 km: 5:20/km, the long run weighs more
        averageEffort: 7,
        runsWithPain: 1,
      },
      {
        isoWeek: "2026-W14",
        weekStart: "2026-03-30",
        daysWithDrills: 2,
        adherenceRate: 2 / 7,
        runs: 1,
        distanceM: 5000,
        durationSeconds: 1800,
        paceSecondsPerKm: 360,
        averageEffort: null,
        runsWithPain: 0,
      },
      {
        isoWeek: "2026-W15",
        weekStart: "2026-04-06",
        daysWithDrills: 0,
        adherenceRate: null,
        runs: 1,
        distanceM: 8000,
        durationSeconds: 2520,
        paceSecondsPerKm: 315,
        averageEffort: 5,
        runsWithPain: 0,
      },
    ]);
  });
});

describe("summarizeDrillsAndRunning", () => {
  it("the sentence from the issue: faster, less pain, how many weeks", () => {
    // 5 weeks with ≥ 5 days of drills at 5:00/km, 1 painful run; 4 weeks with fewer at 5:12/km, 3 painful runs.
    const weeks = [
      week(6, 3, 300, 1, 0),
      week(5, 3, 300, 0, 1),
      week(7, 2, 300, 0, 2),
      week(5, 3, 300, 0, 3),
      week(6, 3, 300, 0, 4),
      week(2, 3, 312, 1, 5),
      week(0, 2, 312, 1, 6),
      week(4, 3, 312, 1, 7),
      week(3, 3, 312, 0, 8),
    ];
    const summary = summarizeDrillsAndRunning(weeks);
    expect(summary).toMatchObject({ status: "ok", weeksUsed: 9, paceDifferenceSecondsPerKm: 12 });
    expect(summary.message).toBe(
      "In weeks with 5 or more days of drills your average pace was 0:12 /km faster and you reported pain in 1 of 14 runs instead of 3 of 11 (based on 9 weeks).",
    );
    expect(summary.caveat).toBe("This shows what went together, not what caused what.");
    expect(summary.message).not.toMatch(/because|caus|thanks to|made you|improv/i);
  });

  it.each([
    { name: "slower with drills", a: 330, b: 312, expected: "your average pace was 0:18 /km slower" },
    { name: "the same pace", a: 312, b: 312.4, expected: "your average pace was the same" },
    { name: "a minute and more", a: 300, b: 375, expected: "your average pace was 1:15 /km faster" },
  ])("wording: $name", ({ a, b, expected }) => {
    const weeks = [week(5, 2, a, 0, 0), week(6, 2, a, 0, 1), week(1, 2, b, 0, 2), week(2, 2, b, 0, 3)];
    const summary = summarizeDrillsAndRunning(weeks);
    expect(summary.message).toContain(expected);
    expect(summary.message).toContain("you reported pain in no run in either kind of week (based on 4 weeks).");
  });

  it.each([
    { name: "only 1 week with drills", weeks: [week(5, 2, 300, 0, 0), week(1, 2, 310, 0, 1), week(2, 2, 310, 0, 2)], counts: "so far 1 and 2" },
    { name: "only 1 week without", weeks: [week(5, 2, 300, 0, 0), week(6, 2, 300, 0, 1), week(2, 2, 310, 0, 2)], counts: "so far 2 and 1" },
    { name: "no weeks at all", weeks: [], counts: "so far 0 and 0" },
    {
      name: "weeks without runs do not count",
      weeks: [week(5, 2, 300, 0, 0), week(6, 0, 300, 0, 1), week(2, 2, 310, 0, 2), week(1, 0, 310, 0, 3)],
      counts: "so far 1 and 1",
    },
  ])("not enough data: $name", ({ weeks, counts }) => {
    const summary = summarizeDrillsAndRunning(weeks);
    expect(summary.status).toBe("not_enough_data");
    expect(summary.message).toBe(
      `Not enough data yet: the comparison needs at least 2 weeks with runs and 5 or more days of drills, and 2 with runs and fewer (${counts}).`,
    );
  });

  it("writes the pace in the reader's unit, compared in the whole seconds it shows", () => {
    // 5:00 /km against 5:12 /km is 8:03 /mi against 8:22 /mi: 19 s per mile.
    const weeks = [week(5, 2, 300, 0, 0), week(6, 2, 300, 0, 1), week(1, 2, 312, 0, 2), week(2, 2, 312, 0, 3)];
    expect(summarizeDrillsAndRunning(weeks, { unit: "mi" }).message).toContain("your average pace was 0:19 /mi faster");
    expect(summarizeDrillsAndRunning(weeks, { unit: "km" }).message).toContain("your average pace was 0:12 /km faster");
  });

  it("takes the threshold and the minimum from the caller", () => {
    const weeks = [week(3, 1, 300, 0, 0), week(1, 1, 310, 0, 1)];
    const summary = summarizeDrillsAndRunning(weeks, { minDrillDays: 3, minWeeksPerGroup: 1 });
    expect(summary.message).toBe(
      "In weeks with 3 or more days of drills your average pace was 0:10 /km faster and you reported pain in no run in either kind of week (based on 2 weeks).",
    );
  });

  it("weighs each group's pace by distance, not by week", () => {
    // With drills: 5 km at 5:00 and 15 km at 6:00 → 115 min / 20 km = 5:45/km; the mean of the two weeks' paces would say 5:30.
    const heavy: WeekRunning = { ...week(5, 1, 300, 0, 0), distanceM: 5000, durationSeconds: 1500 };
    const long: WeekRunning = { ...week(6, 1, 360, 0, 1), distanceM: 15_000, durationSeconds: 5400 };
    const other = [week(1, 1, 345, 0, 2), week(2, 1, 345, 0, 3)];
    const summary = summarizeDrillsAndRunning([heavy, long, ...other]);
    expect(summary.withDrills.paceSecondsPerKm).toBe(345); // 6900 s / 20 km
    expect(summary.message).toContain("your average pace was the same");
  });
});

describe("formatting", () => {
  it("pace is seconds per km, none without distance", () => {
    expect(paceOf(5000, 1500)).toBe(300);
    expect(paceOf(0, 1500)).toBeNull();
  });
});
