import { describe, expect, it } from "vitest";

import { addDays } from "@/lib/local-date";
import type { DailyBest } from "./mastery";
import { DEFAULT_MASTERY_RULE } from "@/lib/drills/vocabulary";
import { describeMasteryRule, evaluateLock, masteredOn, type PrerequisiteOf } from "./unlock";

const today = "2026-03-29"; // the day Europe moves its clocks forward: local dates do not care
const kneeDrive: PrerequisiteOf = { requiresDrillId: "kd", requiresDrillName: "Knee Drive", measure: "hold_seconds", rule: { ...DEFAULT_MASTERY_RULE } };

const holds = (daysAgo: number[], seconds: [number, number]): DailyBest[] =>
  daysAgo.map((d) => ({ localDate: addDays(today, -d), left: seconds[0], right: seconds[1] }));

describe("describeMasteryRule", () => {
  it.each([
    [{ minValuePerSide: 30, requiredDays: 5, windowDays: 7 }, "hold_seconds", "a hold of at least 30 s on each side on 5 of the last 7 days"],
    [{ minValuePerSide: 20, requiredDays: 3, windowDays: 7 }, "reps", "at least 20 reps on each side on 3 of the last 7 days"],
    [{ minValuePerSide: 1, requiredDays: 1, windowDays: 1 }, "contacts", "at least 1 contact on each side today"],
  ] as const)("%j in %s reads %s", (rule, measure, text) => {
    expect(describeMasteryRule(rule, measure)).toBe(text);
  });
});

describe("evaluateLock", () => {
  it("a drill without prerequisites is open", () => {
    const state = evaluateLock({ prerequisites: [], dailyBestsByDrill: new Map(), override: null, today });
    expect(state).toMatchObject({ isUnlocked: true, reason: "no_prerequisite", progress: [] });
  });

  it("with no history, Hopping is locked and says what unlocks it", () => {
    const state = evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map(), override: null, today });
    expect(state.isUnlocked).toBe(false);
    expect(state.reason).toBe("locked");
    expect(state.progress[0]!.requirement).toBe("Knee Drive: a hold of at least 30 s on each side on 5 of the last 7 days");
    expect(state.progress[0]!.evaluation.daysStillNeeded).toBe(5);
    expect(state.progress[0]!.evaluation.earliestMetDate).toBe(addDays(today, 4));
  });

  it("4 good days of 7 is one short; a weak side does not count", () => {
    const bests = [...holds([0, 1, 2, 3], [35, 31]), ...holds([4], [40, 20])];
    const state = evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map([["kd", bests]]), override: null, today });
    expect(state.isUnlocked).toBe(false);
    expect(state.progress[0]!.evaluation.qualifyingDays).toBe(4);
    expect(state.progress[0]!.evaluation.daysStillNeeded).toBe(1);
  });

  it("5 of the last 7 days at 30 s or more each side unlocks it", () => {
    const bests = holds([0, 1, 3, 5, 6], [30, 30]);
    const state = evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map([["kd", bests]]), override: null, today });
    expect(state).toMatchObject({ isUnlocked: true, reason: "mastered", overrideReason: null });
  });

  it("stays unlocked once mastered, even after a rest week", () => {
    const bests = holds([20, 21, 22, 23, 24], [45, 45]);
    const state = evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map([["kd", bests]]), override: null, today });
    expect(state.isUnlocked).toBe(true);
    expect(state.progress[0]!.evaluation.isMet).toBe(false);
    expect(state.progress[0]!.everMet).toBe(true);
  });

  it("the trainer's override unlocks it and keeps the reason", () => {
    const state = evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map(), override: { reason: "Strong balance, cleared by physio" }, today });
    expect(state).toMatchObject({ isUnlocked: true, reason: "override", overrideReason: "Strong balance, cleared by physio" });
  });

  it("the studio's own rule is the one applied", () => {
    const easier: PrerequisiteOf = { ...kneeDrive, rule: { minValuePerSide: 20, requiredDays: 2, windowDays: 3 } };
    const bests = holds([0, 2], [22, 25]);
    expect(evaluateLock({ prerequisites: [kneeDrive], dailyBestsByDrill: new Map([["kd", bests]]), override: null, today }).isUnlocked).toBe(false);
    expect(evaluateLock({ prerequisites: [easier], dailyBestsByDrill: new Map([["kd", bests]]), override: null, today }).isUnlocked).toBe(true);
  });
});

describe("masteredOn", () => {
  it.each([
    { firstMet: ["2026-03-18"], expected: "2026-03-18" },
    { firstMet: ["2026-03-18", "2026-03-02", "2026-03-20"], expected: "2026-03-20" },
    { firstMet: ["2026-03-18", null], expected: null },
    { firstMet: [], expected: null },
  ])("is the day the last prerequisite was first mastered: $firstMet → $expected", ({ firstMet, expected }) => {
    expect(masteredOn(firstMet)).toBe(expected);
  });
});

describe("evaluateLock with a pain condition", () => {
  const hopping: PrerequisiteOf = { ...kneeDrive, painCondition: { maxScore: 2, checkins: 5 } };
  const places = ["foot", "ankle", "shin", "calf", "knee"] as const;
  const mastered = new Map([["kd", holds([0, 1, 2, 3, 4], [35, 35])]]);
  const checkins = (kneeScores: number[]) =>
    kneeScores.map((score, i) => ({ responseId: `r${i}`, localDate: addDays(today, -i), answeredAt: new Date(Date.UTC(2026, 2, 29 - i, 7)), scores: score > 0 ? [{ place: "knee" as const, side: "left" as const, score }] : [] }));
  const lock = (readings: ReturnType<typeof checkins>, extra: Partial<Parameters<typeof evaluateLock>[0]> = {}) =>
    evaluateLock({ prerequisites: [hopping], dailyBestsByDrill: mastered, override: null, today, painReadings: readings, places, ...extra });

  it("mastered but pain 3 in a recent check-in: locked, and it says both parts", () => {
    const state = lock(checkins([0, 3, 0, 0, 0]));
    expect(state).toMatchObject({ isUnlocked: false, reason: "locked" });
    expect(state.progress[0]).toMatchObject({ everMet: true, isSatisfied: false, painRequirement: "pain at foot, ankle, shin, calf or knee ≤ 2 on each side in the last 5 check-ins" });
    expect(state.progress[0]!.pain).toMatchObject({ isMet: false, counted: 4, needed: 5 });
  });

  it("mastered and 5 clean check-ins: unlocked", () => {
    expect(lock(checkins([0, 1, 2, 0, 0]))).toMatchObject({ isUnlocked: true, reason: "mastered" });
  });

  it("clean check-ins without mastery stay locked", () => {
    expect(lock(checkins([0, 0, 0, 0, 0]), { dailyBestsByDrill: new Map() }).isUnlocked).toBe(false);
  });

  it("once recorded as unlocked, later pain does not lock it again", () => {
    expect(lock(checkins([8, 0, 0, 0, 0]), { isRecorded: true })).toMatchObject({ isUnlocked: true, reason: "mastered" });
  });

  it("the trainer's override still unlocks it", () => {
    expect(lock(checkins([8]), { override: { reason: "Cleared by physio" } })).toMatchObject({ isUnlocked: true, reason: "override" });
  });
});
