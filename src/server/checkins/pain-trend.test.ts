import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAIN_PLACES, PAIN_SIDES, type PainScore } from "@/lib/checkins/vocabulary";
import { PAIN_TREND_MIN_LATEST, risingPainTrends, type PainReading } from "./pain-trend";

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 7));
const reading = (n: number, scores: PainScore[], clientId = "dana"): PainReading => ({ clientId, responseId: `r${String(n).padStart(2, "0")}`, localDate: day(n).toISOString().slice(0, 10), answeredAt: day(n), scores });
const knee = (score: number, side: "left" | "right" = "left"): PainScore => ({ place: "knee", side, score });

describe("rising pain: the last three check-ins with a pain map", () => {
  it("flags a place and side whose score went up each time and is now 3 or more", () => {
    const trends = risingPainTrends([reading(1, [knee(1)]), reading(2, [knee(3)]), reading(3, [knee(5)])]);
    expect(trends).toEqual([{ clientId: "dana", place: "knee", side: "left", scores: [1, 3, 5], responseId: "r03", answeredAt: day(3) }]);
  });

  it("reads a place not marked as 0: nothing, then 1, then 4 is rising", () => {
    expect(risingPainTrends([reading(1, []), reading(2, [knee(1)]), reading(3, [knee(4)])]).map((t) => t.scores)).toEqual([[0, 1, 4]]);
  });

  it("a single high value is not a trend", () => {
    expect(risingPainTrends([reading(1, []), reading(2, []), reading(3, [knee(8)])])).toEqual([]);
  });

  it("needs a rise each time: a plateau or a dip is not rising", () => {
    expect(risingPainTrends([reading(1, [knee(2)]), reading(2, [knee(4)]), reading(3, [knee(4)])])).toEqual([]);
    expect(risingPainTrends([reading(1, [knee(3)]), reading(2, [knee(2)]), reading(3, [knee(5)])])).toEqual([]);
  });

  it("0 → 1 → 2 is a niggle, not yet worth the queue", () => {
    expect(risingPainTrends([reading(1, []), reading(2, [knee(1)]), reading(3, [knee(2)])])).toEqual([]);
  });

  it("reads only the last three: an older climb that has settled is gone", () => {
    const history = [reading(1, [knee(1)]), reading(2, [knee(3)]), reading(3, [knee(5)]), reading(4, [knee(2)])];
    expect(risingPainTrends(history)).toEqual([]);
  });

  it("orders by when they were answered, whatever order they come in", () => {
    expect(risingPainTrends([reading(3, [knee(5)]), reading(1, [knee(1)]), reading(2, [knee(3)])])).toHaveLength(1);
  });

  it("keeps left and right apart, and clients apart", () => {
    const trends = risingPainTrends([
      reading(1, [knee(1), knee(4, "right")]),
      reading(2, [knee(2), knee(3, "right")]),
      reading(3, [knee(3), knee(2, "right")]),
      reading(1, [], "sam"),
      reading(2, [knee(2)], "sam"),
    ]);
    expect(trends.map((t) => `${t.clientId}:${t.side}`)).toEqual(["dana:left"]);
  });

  it("fewer than three check-ins say nothing yet", () => {
    expect(risingPainTrends([reading(1, [knee(2)]), reading(2, [knee(6)])])).toEqual([]);
  });

  it("a trend whose latest check-in is older than `since` is stale", () => {
    const history = [reading(1, [knee(1)]), reading(2, [knee(3)]), reading(3, [knee(5)])];
    expect(risingPainTrends(history, { since: day(4) })).toEqual([]);
    expect(risingPainTrends(history, { since: day(3) })).toHaveLength(1);
  });
});

const scoreArb = fc.array(
  fc.record({ place: fc.constantFrom(...PAIN_PLACES), side: fc.constantFrom(...PAIN_SIDES), score: fc.integer({ min: 1, max: 10 }) }),
  { maxLength: 4 },
);
const historyArb = fc
  .array(fc.record({ client: fc.constantFrom("a", "b"), scores: scoreArb }), { maxLength: 8 })
  .map((rows) => rows.map((r, i) => reading(i + 1, r.scores, r.client)));

const at = (r: PainReading, place: string, side: string) => Math.max(0, ...r.scores.filter((s) => s.place === place && s.side === side).map((s) => s.score));

describe("rising pain: properties over random histories", () => {
  it("every trend rises strictly over the client's last three readings and ends at the threshold or above", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const t of risingPainTrends(history)) {
          const last = history.filter((r) => r.clientId === t.clientId).slice(-3);
          expect(last).toHaveLength(3);
          expect(t.scores).toEqual(last.map((r) => at(r, t.place, t.side)));
          expect(t.scores[0]! < t.scores[1]! && t.scores[1]! < t.scores[2]!).toBe(true);
          expect(t.scores[2]!).toBeGreaterThanOrEqual(PAIN_TREND_MIN_LATEST);
          expect(t.responseId).toBe(last[2]!.responseId);
        }
      }),
    );
  });

  it("finds every such place: none is missed, each is reported once", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const trends = risingPainTrends(history);
        const keys = trends.map((t) => `${t.clientId}:${t.place}:${t.side}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const client of ["a", "b"]) {
          const last = history.filter((r) => r.clientId === client).slice(-3);
          if (last.length < 3) continue;
          for (const place of PAIN_PLACES)
            for (const side of PAIN_SIDES) {
              const s = last.map((r) => at(r, place, side));
              const expected = s[0]! < s[1]! && s[1]! < s[2]! && s[2]! >= PAIN_TREND_MIN_LATEST;
              expect(keys.includes(`${client}:${place}:${side}`)).toBe(expected);
            }
        }
      }),
    );
  });

  it("older check-ins before the last three change nothing", () => {
    fc.assert(
      fc.property(historyArb, scoreArb, (history, older) => {
        const before = { ...reading(0, older, "a"), responseId: "r00" };
        const key = (t: { clientId: string; place: string; side: string }) => `${t.clientId}:${t.place}:${t.side}`;
        const sorted = <T extends { clientId: string; place: string; side: string }>(ts: T[]) => ts.sort((x, y) => (key(x) < key(y) ? -1 : 1));
        const withOlder = risingPainTrends([before, ...history]).filter((t) => history.filter((r) => r.clientId === t.clientId).length >= 3);
        expect(sorted(withOlder)).toEqual(sorted(risingPainTrends(history)));
      }),
    );
  });
});
