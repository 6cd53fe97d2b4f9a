import { describe, expect, it } from "vitest";
import { z } from "zod";

import { addDays } from "@/lib/local-date";
import {
  evaluateMastery,
  findFirstMasteredDate,
  isDrillUnlocked,
  masteryRuleInput,
  type DailyBest,
  type PrerequisiteMastery,
} from "./mastery";
import { DEFAULT_MASTERY_RULE, type DrillPrerequisite } from "@/lib/drills/vocabulary";

const today = "2026-04-07";
const rule = DEFAULT_MASTERY_RULE; // ≥ 30 s each side on 5 of the last 7 days

/** A day `daysAgo` before today with these bests. */
const day = (daysAgo: number, left: number | null, right: number | null): DailyBest => ({
  localDate: addDays(today, -daysAgo),
  left,
  right,
});
/** A day on which both sides held `seconds`. */
const held = (daysAgo: number, seconds = 30) => day(daysAgo, seconds, seconds);

describe("evaluateMastery", () => {
  it.each<{ why: string; bests: DailyBest[]; isMet: boolean; qualifyingDays: number }>([
    { why: "no practice", bests: [], isMet: false, qualifyingDays: 0 },
    { why: "exactly 30 s on 5 of the last 7 days", bests: [0, 1, 2, 3, 4].map((d) => held(d)), isMet: true, qualifyingDays: 5 },
    { why: "all 7 days", bests: [0, 1, 2, 3, 4, 5, 6].map((d) => held(d, 45)), isMet: true, qualifyingDays: 7 },
    { why: "4 days", bests: [0, 1, 2, 3].map((d) => held(d)), isMet: false, qualifyingDays: 4 },
    { why: "29.9 s is short of 30 s", bests: [0, 1, 2, 3, 4].map((d) => held(d, 29.9)), isMet: false, qualifyingDays: 0 },
    {
      // The window is today and the 6 days before it: the 7th day counting today is its first day.
      why: "a qualifying day 6 days before today (first day of the window) is in",
      bests: [held(6), held(0), held(1), held(2), held(3)],
      isMet: true,
      qualifyingDays: 5,
    },
    {
      why: "a qualifying day 7 days before today (8th day counting today) is out",
      bests: [held(7), held(0), held(1), held(2), held(3)],
      isMet: false,
      qualifyingDays: 4,
    },
    {
      why: "one side below the minimum does not count",
      bests: [day(0, 45, 29), day(1, 29, 45), held(2), held(3), held(4), held(5)],
      isMet: false,
      qualifyingDays: 4,
    },
    {
      why: "a side not logged does not count",
      bests: [day(0, 60, null), day(1, null, 60), held(2), held(3), held(4), held(5)],
      isMet: false,
      qualifyingDays: 4,
    },
    {
      why: "two rows for one day merge: best left from one, best right from the other",
      bests: [day(0, 40, 10), day(0, 10, 40), held(1), held(2), held(3), held(4)],
      isMet: true,
      qualifyingDays: 5,
    },
    {
      why: "a day after today (client clock ahead) does not count",
      bests: [held(-1), held(0), held(1), held(2), held(3)],
      isMet: false,
      qualifyingDays: 4,
    },
  ])("$why", ({ bests, isMet, qualifyingDays }) => {
    const result = evaluateMastery(rule, bests, today);
    expect(result).toMatchObject({ isMet, qualifyingDays, requiredDays: 5, windowDays: 7 });
    expect(result.daysStillNeeded).toBe(Math.max(0, 5 - qualifyingDays));
  });

  it("reports the window, the qualifying dates and a plain summary", () => {
    const result = evaluateMastery(rule, [held(0), held(2), held(3), held(6), held(9)], today);
    expect(result).toMatchObject({
      windowStart: "2026-04-01",
      windowEnd: "2026-04-07",
      qualifyingDates: ["2026-04-01", "2026-04-04", "2026-04-05", "2026-04-07"],
      summary: "4 of 5 days with ≥ 30 s each side in the last 7 days",
    });
  });

  it.each([
    { why: "met", bests: [0, 1, 2, 3, 4, 5].map((d) => held(d)), measure: undefined, summary: "Met: 6 days with ≥ 30 s each side in the last 7 days (5 needed)" },
    { why: "none yet", bests: [], measure: undefined, summary: "0 of 5 days with ≥ 30 s each side in the last 7 days" },
    { why: "reps", bests: [], measure: "reps" as const, summary: "0 of 5 days with ≥ 30 reps each side in the last 7 days" },
  ])("summary when $why", ({ bests, measure, summary }) => {
    expect(evaluateMastery(rule, bests, today, { measure }).summary).toBe(summary);
  });

  it("says 'today' and 'day' for a one-day rule", () => {
    const oneDay = { minValuePerSide: 20, requiredDays: 1, windowDays: 1 };
    expect(evaluateMastery(oneDay, [], today, { measure: "contacts" }).summary).toBe(
      "0 of 1 day with ≥ 20 contacts each side today",
    );
  });

  it.each<{ why: string; bests: DailyBest[]; earliest: string | null }>([
    { why: "already met: today", bests: [0, 1, 2, 3, 4].map((d) => held(d)), earliest: today },
    { why: "nothing yet: today and the next 4 days", bests: [], earliest: "2026-04-11" },
    { why: "4 recent days: today would do it", bests: [1, 2, 3, 4].map((d) => held(d)), earliest: today },
    { why: "4 days incl. today: tomorrow", bests: [0, 1, 2, 3].map((d) => held(d)), earliest: "2026-04-08" },
    {
      // 4 of 5 now, but the 3 oldest slide out before new days can replace them: 4 more days, not 1.
      why: "old days sliding out",
      bests: [6, 5, 4, 0].map((d) => held(d)),
      earliest: "2026-04-11",
    },
  ])("earliest met date: $why", ({ bests, earliest }) => {
    expect(evaluateMastery(rule, bests, today).earliestMetDate).toBe(earliest);
  });

  it("refuses an invalid rule or date: caller bugs, not user input", () => {
    expect(() => evaluateMastery({ minValuePerSide: 30, requiredDays: 8, windowDays: 7 }, [], today)).toThrow(RangeError);
    expect(() => evaluateMastery(rule, [], "2026-02-30")).toThrow(RangeError);
    expect(() => evaluateMastery(rule, [{ localDate: "07/04/2026", left: 30, right: 30 }], today)).toThrow(RangeError);
  });
});

describe("findFirstMasteredDate", () => {
  it.each<{ why: string; bests: DailyBest[]; first: string | null }>([
    { why: "never practised", bests: [], first: null },
    { why: "never 5 in any 7 days", bests: [0, 2, 4, 6, 8, 10, 12].map((d) => held(d)), first: null },
    { why: "5 in a row, long ago", bests: [30, 31, 32, 33, 34].map((d) => held(d)), first: "2026-03-08" },
    {
      why: "5 spread over exactly 7 days",
      bests: [20, 18, 16, 15, 14].map((d) => held(d)),
      first: "2026-03-24",
    },
    {
      why: "5 spread over 8 days is not enough",
      bests: [21, 18, 16, 15, 14].map((d) => held(d)),
      first: null,
    },
    { why: "a qualifying day after today is ignored", bests: [-1, 0, 1, 2, 3].map((d) => held(d)), first: null },
    {
      why: "the first of several windows",
      bests: [...[40, 39, 38, 37, 36].map((d) => held(d)), ...[0, 1, 2, 3, 4].map((d) => held(d))],
      first: "2026-03-02",
    },
  ])("$why", ({ bests, first }) => {
    expect(findFirstMasteredDate(rule, bests, today)).toBe(first);
  });
});

describe("mastery reached then lost", () => {
  // Five strong days, then a rest week: the rule is no longer met, the unlock stays.
  const bests = [14, 13, 12, 11, 10].map((d) => held(d, 35));
  const hoppingPrereq: DrillPrerequisite = { drillSlug: "knee-drive", masteryRule: rule };

  it("recomputes mastery as lapsed but keeps Hopping unlocked", () => {
    const now = evaluateMastery(rule, bests, today);
    expect(now.isMet).toBe(false);
    expect(now.qualifyingDays).toBe(0);
    const everMet = findFirstMasteredDate(rule, bests, today) !== null;
    expect(everMet).toBe(true);

    const unlock = isDrillUnlocked({
      prerequisites: [hoppingPrereq],
      masteryByPrereq: { "knee-drive": { isMet: now.isMet, everMet } },
      override: null,
    });
    expect(unlock).toEqual({
      isUnlocked: true,
      reason: "mastered",
      unmetPrerequisites: [],
      lapsedPrerequisites: [hoppingPrereq],
    });
  });
});

describe("isDrillUnlocked", () => {
  const kneeDrive: DrillPrerequisite = { drillSlug: "knee-drive", masteryRule: rule };
  const backRotations: DrillPrerequisite = {
    drillSlug: "back-rotations",
    masteryRule: { minValuePerSide: 20, requiredDays: 3, windowDays: 7 },
  };
  const met: PrerequisiteMastery = { isMet: true, everMet: true };
  const never: PrerequisiteMastery = { isMet: false, everMet: false };
  const lapsed: PrerequisiteMastery = { isMet: false, everMet: true };
  const override = { reason: "Cleared by physio, strong balance" };

  it.each<{
    why: string;
    prerequisites: DrillPrerequisite[];
    mastery: Record<string, PrerequisiteMastery>;
    override: { reason: string } | null;
    expected: { isUnlocked: boolean; reason: string; unmet: string[]; lapsed: string[] };
  }>([
    {
      why: "a drill without prerequisites is open",
      prerequisites: [],
      mastery: {},
      override: null,
      expected: { isUnlocked: true, reason: "no_prerequisite", unmet: [], lapsed: [] },
    },
    {
      why: "prerequisite mastered",
      prerequisites: [kneeDrive],
      mastery: { "knee-drive": met },
      override: null,
      expected: { isUnlocked: true, reason: "mastered", unmet: [], lapsed: [] },
    },
    {
      why: "prerequisite not mastered",
      prerequisites: [kneeDrive],
      mastery: { "knee-drive": never },
      override: null,
      expected: { isUnlocked: false, reason: "locked", unmet: ["knee-drive"], lapsed: [] },
    },
    {
      why: "no mastery figures for the prerequisite counts as not mastered",
      prerequisites: [kneeDrive],
      mastery: {},
      override: null,
      expected: { isUnlocked: false, reason: "locked", unmet: ["knee-drive"], lapsed: [] },
    },
    {
      why: "mastered once, lapsed now: stays unlocked",
      prerequisites: [kneeDrive],
      mastery: { "knee-drive": lapsed },
      override: null,
      expected: { isUnlocked: true, reason: "mastered", unmet: [], lapsed: ["knee-drive"] },
    },
    {
      why: "trainer override unlocks a locked drill and still lists what is unmet",
      prerequisites: [kneeDrive],
      mastery: { "knee-drive": never },
      override,
      expected: { isUnlocked: true, reason: "override", unmet: ["knee-drive"], lapsed: [] },
    },
    {
      why: "mastery wins over a redundant override",
      prerequisites: [kneeDrive],
      mastery: { "knee-drive": met },
      override,
      expected: { isUnlocked: true, reason: "mastered", unmet: [], lapsed: [] },
    },
    {
      why: "every prerequisite must be mastered",
      prerequisites: [kneeDrive, backRotations],
      mastery: { "knee-drive": met, "back-rotations": never },
      override: null,
      expected: { isUnlocked: false, reason: "locked", unmet: ["back-rotations"], lapsed: [] },
    },
  ])("$why", ({ prerequisites, mastery, override: given, expected }) => {
    const result = isDrillUnlocked({ prerequisites, masteryByPrereq: mastery, override: given });
    expect({
      isUnlocked: result.isUnlocked,
      reason: result.reason,
      unmet: result.unmetPrerequisites.map((p) => p.drillSlug),
      lapsed: result.lapsedPrerequisites.map((p) => p.drillSlug),
    }).toEqual(expected);
  });
});

describe("masteryRuleInput", () => {
  const errors = (input: unknown) => {
    const result = masteryRuleInput.safeParse(input);
    return result.success ? {} : z.flattenError(result.error).fieldErrors;
  };

  it("accepts the default rule", () => {
    expect(masteryRuleInput.parse(DEFAULT_MASTERY_RULE)).toEqual({ minValuePerSide: 30, requiredDays: 5, windowDays: 7 });
  });

  it.each([
    { why: "5 of 4 days", input: { ...rule, requiredDays: 5, windowDays: 4 }, field: "requiredDays", message: "Make the days required no more than the days in the window, e.g. 5 of the last 7." },
    { why: "0 s", input: { ...rule, minValuePerSide: 0 }, field: "minValuePerSide", message: "Enter the minimum per side as a number above 0." },
    { why: "0 days", input: { ...rule, requiredDays: 0 }, field: "requiredDays", message: "Enter the days required as a whole number of at least 1." },
    { why: "a 91-day window", input: { ...rule, windowDays: 91 }, field: "windowDays", message: "Enter the window as a whole number of days from 1 to 90." },
  ])("rejects $why", ({ input, field, message }) => {
    expect(errors(input)).toEqual({ [field]: [message] });
  });
});
