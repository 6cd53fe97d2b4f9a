import { describe, expect, it } from "vitest";
import fc from "fast-check";

import { PAIN_PLACES, PAIN_SIDES, type PainPlace, type PainScore } from "@/lib/checkins/vocabulary";
import { addDays } from "@/lib/local-date";
import { describePlaces, evaluatePainCondition, newestFirst, painPauseDecisions, worstSpot, type PainReading } from "./pain-rules";

const HOPPING: PainPlace[] = ["foot", "ankle", "shin", "calf", "knee"];
const KNEE_DRIVE: PainPlace[] = ["hip", "knee", "ankle", "foot"];
const BACK: PainPlace[] = ["lower_back"];

// Day 0 is the newest: 3 December 2026, a morning check-in each day before it.
const reading = (daysAgo: number, scores: PainScore[] = [], formTitle = "Morning check-in"): PainReading => ({
  responseId: `r${String(100 - daysAgo).padStart(3, "0")}`,
  localDate: addDays("2026-12-03", -daysAgo),
  answeredAt: new Date(Date.UTC(2026, 11, 3 - daysAgo, 7, 0)),
  scores,
  formTitle,
});
const knee = (side: "left" | "right", score: number): PainScore => ({ place: "knee", side, score });

describe("describePlaces", () => {
  it.each([
    [HOPPING, "foot, ankle, shin, calf or knee"],
    [["knee", "foot"] as PainPlace[], "foot or knee"],
    [BACK, "lower back"],
    [[], "no place"],
  ])("%j reads %s", (places, text) => expect(describePlaces(places)).toBe(text));
});

describe("evaluatePainCondition", () => {
  const condition = { maxScore: 2, checkins: 5 };

  it.each([
    { name: "no check-ins yet", readings: [], isMet: false, counted: 0, stillNeeded: 5 },
    { name: "4 clean check-ins: one short", readings: [0, 1, 2, 3].map((d) => reading(d)), isMet: false, counted: 4, stillNeeded: 1 },
    { name: "5 clean check-ins", readings: [0, 1, 2, 3, 4].map((d) => reading(d)), isMet: true, counted: 5, stillNeeded: 0 },
    { name: "exactly the maximum counts as clean", readings: [0, 1, 2, 3, 4].map((d) => reading(d, [knee("left", 2), knee("right", 2)])), isMet: true, counted: 5, stillNeeded: 0 },
    { name: "one above the maximum on one side breaks it", readings: [0, 1, 2, 3, 4].map((d) => reading(d, d === 2 ? [knee("right", 3)] : [])), isMet: false, counted: 4, stillNeeded: 3 },
    { name: "pain older than the last 5 check-ins is forgotten", readings: [0, 1, 2, 3, 4, 5].map((d) => reading(d, d === 5 ? [knee("left", 9)] : [])), isMet: true, counted: 5, stillNeeded: 0 },
    { name: "pain at a place the drill does not load is ignored", readings: [0, 1, 2, 3, 4].map((d) => reading(d, [{ place: "lower_back", side: "left", score: 8 }])), isMet: true, counted: 5, stillNeeded: 0 },
    { name: "the newest check-in hurts: 5 more clean ones needed", readings: [0, 1, 2, 3, 4].map((d) => reading(d, d === 0 ? [knee("left", 6)] : [])), isMet: false, counted: 4, stillNeeded: 5 },
  ])("$name", ({ readings, isMet, counted, stillNeeded }) => {
    const got = evaluatePainCondition(condition, HOPPING, readings);
    expect(got).toMatchObject({ isMet, counted, needed: 5, stillNeeded });
  });

  it("judges each side apart and reports the worst of each", () => {
    const got = evaluatePainCondition(condition, HOPPING, [reading(0, [knee("left", 1)]), reading(1, [{ place: "shin", side: "right", score: 2 }]), reading(2), reading(3), reading(4)]);
    expect(got.worst).toEqual({ left: 1, right: 2 });
    expect(got.isMet).toBe(true);
  });

  it("names the newest offending check-in and where it hurt", () => {
    const got = evaluatePainCondition(condition, HOPPING, [reading(0), reading(1, [knee("left", 4)]), reading(2, [{ place: "shin", side: "right", score: 7 }]), reading(3), reading(4)]);
    expect(got.offending).toMatchObject({ reading: { localDate: "2026-12-02" }, place: "knee", side: "left", score: 4 });
    expect(got.worst).toEqual({ left: 4, right: 7 });
  });

  it("reads the same whatever order the history comes in", () => {
    const readings = [reading(3), reading(0), reading(1, [knee("left", 3)]), reading(2), reading(4)];
    expect(evaluatePainCondition(condition, HOPPING, readings)).toEqual(evaluatePainCondition(condition, HOPPING, newestFirst(readings)));
  });

  it.each([
    [[0, 1, 2].map((d) => reading(d)), "Pain at foot, ankle, shin, calf or knee ≤ 2 on each side in 3 of the last 5 check-ins (5 needed)"],
    [[0, 1, 2, 3, 4].map((d) => reading(d)), "Met: pain at foot, ankle, shin, calf or knee ≤ 2 on each side in the last 5 check-ins"],
  ])("summary %#", (readings, summary) => {
    expect(evaluatePainCondition(condition, HOPPING, readings).summary).toBe(summary);
  });

  it("a single check-in, and a maximum of 0 (no pain at all)", () => {
    expect(evaluatePainCondition({ maxScore: 0, checkins: 1 }, HOPPING, [reading(0)]).isMet).toBe(true);
    expect(evaluatePainCondition({ maxScore: 0, checkins: 1 }, HOPPING, [reading(0, [knee("right", 1)])]).isMet).toBe(false);
    expect(evaluatePainCondition({ maxScore: 0, checkins: 1 }, HOPPING, []).summary).toBe("Pain at foot, ankle, shin, calf or knee ≤ 0 on each side in 0 of the last check-in (1 needed)");
  });
});

describe("painPauseDecisions", () => {
  const assigned = [
    { assignmentId: "kd", drillName: "Knee Drive", places: KNEE_DRIVE },
    { assignmentId: "br", drillName: "Back Rotations", places: BACK },
    { assignmentId: "hop", drillName: "Hopping", places: HOPPING },
  ];

  it("a 6 at the left knee pauses Knee Drive and Hopping, not Back Rotations", () => {
    const got = painPauseDecisions(5, assigned, reading(0, [knee("left", 6)]));
    expect(got.map((d) => d.assignmentId)).toEqual(["kd", "hop"]);
    expect(got[0]!.reason).toBe("pain 6/10 at the left knee in the morning check-in of 3 December (the studio pauses above 5).");
  });

  it.each([
    { name: "a 5 is not above 5", threshold: 5, scores: [knee("left", 5)], paused: [] },
    { name: "a studio that pauses above 3 pauses a 4", threshold: 3, scores: [knee("right", 4)], paused: ["kd", "hop"] },
    { name: "nothing hurts", threshold: 1, scores: [], paused: [] },
    { name: "the lower back pauses Back Rotations only", threshold: 5, scores: [{ place: "lower_back", side: "right", score: 10 } as PainScore], paused: ["br"] },
    { name: "the shin pauses Hopping only", threshold: 5, scores: [{ place: "shin", side: "left", score: 7 } as PainScore], paused: ["hop"] },
  ])("$name", ({ threshold, scores, paused }) => {
    expect(painPauseDecisions(threshold, assigned, reading(0, scores)).map((d) => d.assignmentId)).toEqual(paused);
  });

  it("the reason names the worst place of the drill", () => {
    const [hop] = painPauseDecisions(5, [assigned[2]!], reading(0, [knee("left", 6), { place: "calf", side: "right", score: 8 }, { place: "lower_back", side: "left", score: 10 }]));
    expect(hop!.reason).toBe("pain 8/10 at the right calf in the morning check-in of 3 December (the studio pauses above 5).");
  });
});

// Random histories: scores anywhere, any side, in any order.
const score = fc.record({ place: fc.constantFrom(...PAIN_PLACES), side: fc.constantFrom(...PAIN_SIDES), score: fc.integer({ min: 1, max: 10 }) });
const history = fc.array(fc.array(score, { maxLength: 6 }), { maxLength: 12 }).map((days) => days.map((scores, i) => reading(i, scores)));
// The same history, and the same in another order (the rule may not depend on the order it is given).
const shuffledHistory = history.chain((h) => fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })));
const places = fc.subarray([...PAIN_PLACES], { minLength: 1 });
const condition = fc.record({ maxScore: fc.integer({ min: 0, max: 9 }), checkins: fc.integer({ min: 1, max: 8 }) });

describe("properties against random histories", () => {
  it("met exactly when the last N check-ins each stay at or under the maximum on each side", () => {
    fc.assert(
      fc.property(shuffledHistory, condition, places, ([h, shuffled], c, p) => {
        const last = newestFirst(h).slice(0, c.checkins);
        const wanted = h.length >= c.checkins && last.every((r) => r.scores.every((s) => !p.includes(s.place) || s.score <= c.maxScore));
        const got = evaluatePainCondition(c, p, shuffled);
        return got.isMet === wanted && (got.stillNeeded === 0) === wanted && got.counted <= c.checkins;
      }),
    );
  });

  it("more pain in a check-in never helps", () => {
    fc.assert(
      fc.property(condition, places, history, score, (c, p, h, extra) => {
        const before = evaluatePainCondition(c, p, h);
        const worse = h.length === 0 ? h : [{ ...h[0]!, scores: [...h[0]!.scores, extra] }, ...h.slice(1)];
        const after = evaluatePainCondition(c, p, worse);
        return (!after.isMet || before.isMet) && after.counted <= before.counted && after.worst.left >= before.worst.left && after.worst.right >= before.worst.right;
      }),
    );
  });

  it("a drill is paused exactly when a score at one of its places is above the threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), places, fc.array(score, { maxLength: 8 }), (threshold, p, scores) => {
        const [decision] = painPauseDecisions(threshold, [{ assignmentId: "a", drillName: "A", places: p }], reading(0, scores));
        const worst = Math.max(0, ...scores.filter((s) => p.includes(s.place)).map((s) => s.score));
        if (worst <= threshold) return decision === undefined;
        return decision !== undefined && decision.score === worst && worstSpot(reading(0, scores), p)!.score === worst && decision.reason.includes(`pain ${worst}/10`);
      }),
    );
  });
});
