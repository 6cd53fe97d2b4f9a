import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/local-date";
import { computeStreaks, type DayAdherence, type DayStatus } from "./adherence";
import { appendStreaks, NO_STREAKS, snapshotThrough, streaksOf, type SegmentStreaks, type StreakParts } from "./history";

const day = (localDate: string, status: DayStatus): DayAdherence => ({ localDate, status, occurrences: [], prescribed: 0, done: 0, dailyPrescribed: 0, dailyDone: 0, hasDrills: false });

// What the SQL's gaps-and-islands step returns for a stretch of days (the reference for it is computeStreaks).
function islandsOf(days: readonly DayAdherence[], today: string): SegmentStreaks {
  const relevant = days.filter((d) => d.status !== "none" && !(d.localDate === today && d.status !== "complete"));
  const islands: { island: number; days: number; start: string | null }[] = [];
  let island = 0;
  for (const d of relevant) {
    if (d.status !== "complete") island += 1;
    let current = islands.at(-1);
    if (!current || current.island !== island) islands.push((current = { island, days: 0, start: null }));
    if (d.status === "complete") {
      current.days += 1;
      current.start ??= d.localDate;
    }
  }
  const first = islands.find((i) => i.island === 0);
  const afterBreak = islands.filter((i) => i.island > 0 && i.days > 0).sort((a, b) => b.days - a.days || (a.start! < b.start! ? -1 : 1))[0];
  return {
    leading: first?.days ?? 0,
    leadingStart: first?.start ?? null,
    last: islands.at(-1) ?? null,
    longestAfterBreak: afterBreak ? { days: afterBreak.days, start: afterBreak.start! } : null,
  };
}

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("streaks carried across the cache date", () => {
  it("the cache date is the Sunday before the week that holds the day a week back", () => {
    expect(snapshotThrough("2026-11-25")).toBe("2026-11-15"); // Wed: a week back is Wed 18, its week began Mon 16
    expect(snapshotThrough("2026-11-22")).toBe("2026-11-08"); // Sun: a week back is Sun 15, in the week of Mon 9
    expect(snapshotThrough("2026-11-23")).toBe("2026-11-15"); // Mon: a week back is Mon 16
  });

  it("joins a run that ends the cached part with the one that opens the live part", () => {
    const before: StreakParts = { longest: 4, longestStart: "2026-01-01", trailing: 3, trailingStart: "2026-01-20" };
    const after: SegmentStreaks = { leading: 2, leadingStart: "2026-01-23", last: { island: 0, days: 2, start: "2026-01-23" }, longestAfterBreak: null };
    expect(appendStreaks(before, after)).toEqual({ longest: 5, longestStart: "2026-01-20", trailing: 5, trailingStart: "2026-01-20" });
  });

  it("a break in the live part ends the carried run; a stretch of rest days changes nothing", () => {
    const before: StreakParts = { longest: 4, longestStart: "2026-01-01", trailing: 3, trailingStart: "2026-01-20" };
    expect(appendStreaks(before, { leading: 0, leadingStart: null, last: { island: 1, days: 0, start: null }, longestAfterBreak: null })).toEqual({ ...before, trailing: 0, trailingStart: null });
    expect(appendStreaks(before, { leading: 0, leadingStart: null, last: null, longestAfterBreak: null })).toEqual(before);
  });

  it("equals computeStreaks over the whole history for any split of random histories", () => {
    const random = prng(42);
    const statuses: DayStatus[] = ["complete", "complete", "complete", "complete", "partial", "missed", "none"];
    for (let trial = 0; trial < 400; trial++) {
      const length = 1 + Math.floor(random() * 60);
      const start = "2026-03-01"; // spans the DST change on the 29th: local dates, not instants
      const days = Array.from({ length }, (_, i) => day(addDays(start, i), statuses[Math.floor(random() * statuses.length)]!));
      const today = days.at(-1)!.localDate;
      const cuts = [Math.floor(random() * (length + 1)), Math.floor(random() * (length + 1))].sort((a, b) => a - b);
      const parts = [days.slice(0, cuts[0]), days.slice(cuts[0], cuts[1]), days.slice(cuts[1])];
      const carried = parts.reduce<StreakParts>((acc, part) => appendStreaks(acc, islandsOf(part, today)), NO_STREAKS);
      const want = computeStreaks(days, today);
      expect(streaksOf(carried, want.isTodayDone), `trial ${trial}: ${days.map((d) => d.status[0]).join("")} cut at ${cuts}`).toEqual(want);
    }
  });
});
