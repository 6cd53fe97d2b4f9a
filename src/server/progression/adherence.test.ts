import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";

import { addDays, localDateIn } from "@/lib/local-date";
import type { Schedule } from "@/lib/drills/vocabulary";

import {
  computeDailyAdherence,
  computeStreaks,
  isoWeekOf,
  summarizeWeeks,
  type AdherenceAssignment,
  type AdherenceRun,
  type AdherenceSession,
  type DayAdherence,
  type DayStatus,
  type Pause,
} from "./adherence";

const KNEE = "knee-drive";
const BACK = "back-rotations";
const HOP = "hopping";

const DAILY: Schedule = { daily: true, beforeRun: false };
const BOTH: Schedule = { daily: true, beforeRun: true };
const BEFORE_RUN: Schedule = { daily: false, beforeRun: true };

const assignment = (drillId: string, schedule: Schedule, startDate: string, pauses: Pause[] = [], endDate: string | null = null): AdherenceAssignment => ({
  drillId,
  prescription: { schedule, startDate, endDate },
  pauses,
});

/** An instant from the client's wall clock. */
const wall = (local: string, zone: string): Date => {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad wall time ${local}`);
  return dt.toJSDate();
};

/** A session as the service would store it: `localDate` computed at write time in the client's zone. */
const session = (local: string, zone: string, drillIds: string[], runId: string | null = null): AdherenceSession => {
  const performedAt = wall(local, zone);
  return { performedAt, localDate: localDateIn(performedAt, zone), runId, drillIds };
};
const run = (id: string, local: string, zone: string): AdherenceRun => {
  const startedAt = wall(local, zone);
  return { id, startedAt, localDate: localDateIn(startedAt, zone) };
};

describe("computeDailyAdherence: both schedule kinds, paused days", () => {
  const zone = "Europe/London";
  const assignments = [
    assignment(KNEE, DAILY, "2026-04-01", [{ from: "2026-04-03", to: "2026-04-04" }]),
    assignment(BACK, BOTH, "2026-04-01"),
    assignment(HOP, BEFORE_RUN, "2026-04-01"),
  ];
  const runs = [
    run("r1", "2026-04-02T18:00", zone),
    run("r2", "2026-04-05T08:00", zone),
    run("r3", "2026-04-06T19:00", zone),
    run("r4", "2026-04-07T07:00", zone),
    run("r5", "2026-04-07T18:00", zone),
  ];
  const sessions = [
    session("2026-04-01T07:00", zone, [KNEE, BACK]),
    session("2026-04-02T07:00", zone, [KNEE]),
    session("2026-04-02T17:40", zone, [BACK, HOP], "r1"), // linked warm-up: counts for r1 and for the daily Back Rotations
    session("2026-04-04T09:00", zone, [BACK]), // Knee Drive paused: Back Rotations alone completes the day
    session("2026-04-05T06:30", zone, [HOP]), // unlinked, 1 h 30 before r2: its warm-up
    session("2026-04-06T07:00", zone, [KNEE]),
    session("2026-04-06T15:00", zone, [BACK, HOP]), // 4 h before r3: too early to be its warm-up
    session("2026-04-07T06:30", zone, [BACK, HOP], "r5"), // linked to r5, so not r4's warm-up though 30 min before it
    session("2026-04-07T12:00", zone, [KNEE]),
  ];
  const days = computeDailyAdherence({ assignments, sessions, runs, from: "2026-04-01", to: "2026-04-07" });

  it.each<{ date: string; prescribed: number; done: number; dailyPrescribed: number; dailyDone: number; status: DayStatus; hasDrills: boolean }>([
    { date: "2026-04-01", prescribed: 2, done: 2, dailyPrescribed: 2, dailyDone: 2, status: "complete", hasDrills: true },
    { date: "2026-04-02", prescribed: 4, done: 4, dailyPrescribed: 2, dailyDone: 2, status: "complete", hasDrills: true },
    { date: "2026-04-03", prescribed: 1, done: 0, dailyPrescribed: 1, dailyDone: 0, status: "missed", hasDrills: false },
    { date: "2026-04-04", prescribed: 1, done: 1, dailyPrescribed: 1, dailyDone: 1, status: "complete", hasDrills: true },
    { date: "2026-04-05", prescribed: 4, done: 1, dailyPrescribed: 2, dailyDone: 0, status: "missed", hasDrills: true },
    { date: "2026-04-06", prescribed: 4, done: 2, dailyPrescribed: 2, dailyDone: 2, status: "complete", hasDrills: true },
    { date: "2026-04-07", prescribed: 6, done: 4, dailyPrescribed: 2, dailyDone: 2, status: "complete", hasDrills: true },
  ])("$date: $done of $prescribed, daily $status", ({ date, ...expected }) => {
    const day = days.find((d) => d.localDate === date);
    expect(day).toMatchObject(expected);
  });

  it.each([
    { runId: "r1", expected: { [BACK]: true, [HOP]: true }, why: "linked warm-up" },
    { runId: "r2", expected: { [BACK]: false, [HOP]: true }, why: "unlinked session 1 h 30 before" },
    { runId: "r3", expected: { [BACK]: false, [HOP]: false }, why: "session 4 h before is outside the 2 h window" },
    { runId: "r4", expected: { [BACK]: false, [HOP]: false }, why: "the session 30 min before is linked to r5" },
    { runId: "r5", expected: { [BACK]: true, [HOP]: true }, why: "linked, though logged in the morning" },
  ])("before-run drills of $runId ($why)", ({ runId, expected }) => {
    const found = days.flatMap((d) => d.occurrences).filter((o) => o.runId === runId);
    expect(Object.fromEntries(found.map((o) => [o.drillId, o.isDone]))).toEqual(expected);
  });

  it("a wider warm-up window takes in the session 4 h before r3", () => {
    const wider = computeDailyAdherence({ assignments, sessions, runs, from: "2026-04-06", to: "2026-04-06", beforeRunWindowHours: 5 });
    expect(wider[0]?.occurrences.filter((o) => o.runId === "r3").every((o) => o.isDone)).toBe(true);
  });

  it("nothing is prescribed before the start, after the end, or in an open-ended pause", () => {
    const limited = [
      assignment(KNEE, DAILY, "2026-04-02", [], "2026-04-03"),
      assignment(BACK, DAILY, "2026-04-01", [{ from: "2026-04-02", to: null }]),
    ];
    const result = computeDailyAdherence({ assignments: limited, sessions: [], runs: [], from: "2026-03-31", to: "2026-04-04" });
    expect(result.map((d) => [d.localDate, d.dailyPrescribed])).toEqual([
      ["2026-03-31", 0],
      ["2026-04-01", 1],
      ["2026-04-02", 1],
      ["2026-04-03", 1],
      ["2026-04-04", 0],
    ]);
  });

  it("two prescription periods of one drill on one day count once", () => {
    const periods = [assignment(KNEE, DAILY, "2026-04-01", [], "2026-04-02"), assignment(KNEE, DAILY, "2026-04-02")];
    const result = computeDailyAdherence({ assignments: periods, sessions: [], runs: [], from: "2026-04-02", to: "2026-04-02" });
    expect(result[0]?.dailyPrescribed).toBe(1);
  });

  it("per ISO week, Monday to Sunday", () => {
    expect(summarizeWeeks(days)).toEqual([
      {
        isoWeek: "2026-W14",
        weekStart: "2026-03-30",
        prescribed: 12,
        done: 8,
        dailyPrescribed: 8,
        dailyDone: 5,
        beforeRunPrescribed: 4,
        beforeRunDone: 3,
        rate: 8 / 12,
        completeDays: 3,
        daysWithDrills: 4,
      },
      {
        isoWeek: "2026-W15",
        weekStart: "2026-04-06",
        prescribed: 10,
        done: 6,
        dailyPrescribed: 4,
        dailyDone: 4,
        beforeRunPrescribed: 6,
        beforeRunDone: 2,
        rate: 0.6,
        completeDays: 2,
        daysWithDrills: 2,
      },
    ]);
  });

  it("streaks over the same days", () => {
    expect(computeStreaks(days, "2026-04-07")).toEqual({
      current: 2,
      currentStartedOn: "2026-04-06",
      longest: 2,
      longestStartedOn: "2026-04-01",
      isTodayDone: true,
    });
  });
});

describe("isoWeekOf", () => {
  it.each([
    { date: "2026-03-29", isoWeek: "2026-W13", weekStart: "2026-03-23", why: "a Sunday ends its week" },
    { date: "2026-03-30", isoWeek: "2026-W14", weekStart: "2026-03-30", why: "a Monday starts one" },
    { date: "2027-01-01", isoWeek: "2026-W53", weekStart: "2026-12-28", why: "New Year's Day in the last week of 2026" },
    { date: "2025-12-29", isoWeek: "2026-W01", weekStart: "2025-12-29", why: "29 December in the first week of 2026" },
  ])("$date is $isoWeek ($why)", ({ date, isoWeek, weekStart }) => {
    expect(isoWeekOf(date)).toEqual({ isoWeek, weekStart });
  });
});

describe("computeStreaks: the rules, day by day", () => {
  const today = "2026-04-10";
  /** Days ending today, oldest first: C complete, P partial, M missed, N nothing daily prescribed. */
  const daysOf = (pattern: string, end = today): DayAdherence[] =>
    [...pattern].map((c, i, all) => {
      const status = ({ C: "complete", P: "partial", M: "missed", N: "none" } as const)[c as "C" | "P" | "M" | "N"];
      const dailyPrescribed = status === "none" ? 0 : 2;
      const dailyDone = status === "complete" ? 2 : status === "partial" ? 1 : 0;
      return {
        localDate: addDays(end, i - (all.length - 1)),
        occurrences: [],
        prescribed: dailyPrescribed,
        done: dailyDone,
        dailyPrescribed,
        dailyDone,
        status,
        hasDrills: dailyDone > 0,
      };
    });

  it.each([
    { pattern: "CCCCC", current: 5, longest: 5, isTodayDone: true, why: "every day done, today included" },
    { pattern: "CCCCP", current: 4, longest: 4, isTodayDone: false, why: "today half done: the day has not ended, the streak stands" },
    { pattern: "CCCCM", current: 4, longest: 4, isTodayDone: false, why: "today not started yet: still 4" },
    { pattern: "CCCMM", current: 0, longest: 3, isTodayDone: false, why: "yesterday was missed: the streak is broken" },
    { pattern: "CCCPC", current: 1, longest: 3, isTodayDone: true, why: "a partial day yesterday breaks it" },
    { pattern: "CCNNC", current: 3, longest: 3, isTodayDone: true, why: "paused days neither count nor break" },
    { pattern: "CCCCN", current: 4, longest: 4, isTodayDone: false, why: "a rest day today keeps the streak" },
    { pattern: "CCCCMCC", current: 2, longest: 4, isTodayDone: true, why: "the longest is an earlier streak" },
    { pattern: "NNN", current: 0, longest: 0, isTodayDone: false, why: "nothing prescribed yet" },
    { pattern: "", current: 0, longest: 0, isTodayDone: false, why: "no days at all" },
  ])("$pattern → current $current, longest $longest ($why)", ({ pattern, current, longest, isTodayDone }) => {
    expect(computeStreaks(daysOf(pattern), today)).toMatchObject({ current, longest, isTodayDone });
  });

  it("ignores days after today (a clock ahead of ours)", () => {
    expect(computeStreaks(daysOf("CCCMM", "2026-04-12"), today)).toMatchObject({ current: 3, longest: 3, isTodayDone: true });
  });

  it("says when the streaks started", () => {
    expect(computeStreaks(daysOf("CCCMCC"), today)).toMatchObject({ currentStartedOn: "2026-04-09", longestStartedOn: "2026-04-05" });
  });
});

describe("streaks in the client's own days: midnight and DST", () => {
  const knee = [assignment(KNEE, DAILY, "2026-01-01")];
  const streakAt = (sessions: AdherenceSession[], from: string, nowUtc: string, zone: string) => {
    const now = new Date(nowUtc);
    // What the database holds at that moment: sessions not yet performed are not there.
    const logged = sessions.filter((s) => s.performedAt.getTime() <= now.getTime());
    const days = computeDailyAdherence({ assignments: knee, sessions: logged, runs: [], from, to: localDateIn(now, zone) });
    return computeStreaks(days, localDateIn(now, zone));
  };

  describe("Europe/London, clocks forward on Sunday 29 March 2026", () => {
    const zone = "Europe/London";
    // Late-night sessions: 23:45 on the 29th is 22:45 UTC; 00:30 on the 30th is 23:30 UTC on the 29th.
    const sessions = [
      session("2026-03-27T23:45", zone, [KNEE]),
      session("2026-03-28T23:45", zone, [KNEE]), // 23:45 GMT, the last night before the change
      session("2026-03-29T23:45", zone, [KNEE]), // 22:45 UTC, first BST night
      session("2026-03-31T00:30", zone, [KNEE]), // 23:30 UTC on the 30th, but the 31st in London
    ];

    it.each([
      { now: "2026-03-29T22:59:00Z", today: "2026-03-29", current: 3, isTodayDone: true, why: "23:59 BST on the 29th" },
      { now: "2026-03-29T23:30:00Z", today: "2026-03-30", current: 3, isTodayDone: false, why: "00:30 BST on the 30th: UTC still says the 29th; today is open" },
      { now: "2026-03-30T22:59:00Z", today: "2026-03-30", current: 3, isTodayDone: false, why: "23:59 BST on the 30th: still open" },
      { now: "2026-03-30T23:15:00Z", today: "2026-03-31", current: 0, isTodayDone: false, why: "00:15 on the 31st: the 30th ended undone" },
      { now: "2026-03-31T08:00:00Z", today: "2026-03-31", current: 1, isTodayDone: true, why: "the 00:30 session belongs to the 31st" },
    ])("$why → current $current", ({ now, today, current, isTodayDone }) => {
      expect(localDateIn(new Date(now), zone)).toBe(today);
      expect(streakAt(sessions, "2026-03-27", now, zone)).toMatchObject({ current, isTodayDone });
    });

    it("a session at 00:30 BST counts for the new day, not for the UTC day", () => {
      expect(sessions[3]?.localDate).toBe("2026-03-31");
      expect(sessions[3]?.performedAt.toISOString()).toBe("2026-03-30T23:30:00.000Z");
    });
  });

  describe("America/New_York, clocks back on Sunday 1 November 2026", () => {
    const zone = "America/New_York";
    // Evening sessions are already the next day in UTC: 21:30 EDT is 01:30 UTC, 21:30 EST is 02:30 UTC.
    const sessions = [
      session("2026-10-30T21:30", zone, [KNEE]),
      session("2026-10-31T21:30", zone, [KNEE]), // EDT
      session("2026-11-01T23:30", zone, [KNEE]), // EST, 04:30 UTC on the 2nd: a fixed −4 h would call it the 2nd
      session("2026-11-02T21:30", zone, [KNEE]),
    ];

    it("the 25-hour day counts once and the late session on it belongs to it", () => {
      expect(sessions.map((s) => s.localDate)).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    });

    it.each([
      { now: "2026-11-02T04:59:00Z", current: 3, longest: 3, isTodayDone: true, why: "23:59 EST on 1 November" },
      { now: "2026-11-02T05:30:00Z", current: 3, longest: 3, isTodayDone: false, why: "00:30 EST on the 2nd: open, not broken" },
      { now: "2026-11-03T03:00:00Z", current: 4, longest: 4, isTodayDone: true, why: "22:00 EST on the 2nd, after that evening's session" },
      { now: "2026-11-04T04:59:00Z", current: 4, longest: 4, isTodayDone: false, why: "23:59 EST on the 3rd: the 3rd is still open" },
      { now: "2026-11-04T05:00:00Z", current: 0, longest: 4, isTodayDone: false, why: "midnight EST: the 3rd ended undone" },
    ])("$why → current $current", ({ now, current, longest, isTodayDone }) => {
      expect(streakAt(sessions, "2026-10-30", now, zone)).toMatchObject({ current, longest, isTodayDone });
    });
  });
});
