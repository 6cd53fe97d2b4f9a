import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/local-date";
import { dailyBestMeans, describeContactAndHopping, dynamicsWeeks, longerContactSide, sameSideSignal, type DynamicsWeek } from "./running-dynamics";

const week = (weekStart: string, groundContactMs: number | null, hoppingDays: number): DynamicsWeek => ({
  weekStart,
  groundContactMs,
  runsWithGroundContact: groundContactMs === null ? 0 : 1,
  hoppingDays,
  hoppingContacts: hoppingDays * 40,
  balanceLeft: null,
  runsWithBalance: 0,
  kneeLeft: null,
  kneeRight: null,
  kneeAsymmetryPercent: null,
});

describe("which foot stays longer on the ground", () => {
  it.each([
    { balance: 51.6, side: "left" },
    { balance: 51.5, side: null, why: "51.5 is still even" },
    { balance: 51.49, side: null },
    { balance: 50, side: null },
    { balance: 48.5, side: null, why: "48.5 is still even" },
    { balance: 48.4, side: "right" },
    { balance: 30, side: "right" },
    { balance: 70, side: "left" },
    { balance: null, side: null, why: "no balance recorded" },
  ])("$balance% on the left → $side", ({ balance, side }) => {
    expect(longerContactSide(balance)).toBe(side);
  });
});

describe("run balance and Knee Drive asymmetry pointing to the same side", () => {
  const base = { thresholdPercent: 15, runsWithBalance: 3 };
  it("flags more contact on the left while the left hold is weaker by more than the threshold", () => {
    const signal = sameSideSignal({ ...base, balanceLeft: 52.4, kneeLeft: 20, kneeRight: 30 });
    expect(signal).toMatchObject({ side: "left", balanceLeft: 52.4 });
    expect(signal?.kneeAsymmetryPercent).toBeCloseTo(33.33, 2);
    expect(signal?.message).toBe("More ground contact time on the left (52.4% of it) while the left Knee Drive hold is 33% weaker: they went together; the watch cannot say why.");
  });

  it("flags the right the same way, saying the right foot's share", () => {
    expect(sameSideSignal({ ...base, balanceLeft: 47, kneeLeft: 30, kneeRight: 24 })?.message).toMatch(/^More ground contact time on the right \(53\.0% of it\) while the right Knee Drive hold is 20% weaker/);
  });

  it.each([
    { why: "balance at the edge of even (51.5)", balanceLeft: 51.5, kneeLeft: 20, kneeRight: 30 },
    { why: "balance at the other edge (48.5)", balanceLeft: 48.5, kneeLeft: 30, kneeRight: 20 },
    { why: "the sides point opposite ways", balanceLeft: 53, kneeLeft: 30, kneeRight: 20 },
    { why: "asymmetry exactly at the threshold (15%)", balanceLeft: 53, kneeLeft: 34, kneeRight: 40 },
    { why: "asymmetry under the threshold", balanceLeft: 53, kneeLeft: 36, kneeRight: 40 },
    { why: "no right side logged", balanceLeft: 53, kneeLeft: 20, kneeRight: null },
    { why: "no balance recorded", balanceLeft: null, kneeLeft: 20, kneeRight: 30 },
    { why: "even holds", balanceLeft: 55, kneeLeft: 30, kneeRight: 30 },
  ])("not when $why", ({ balanceLeft, kneeLeft, kneeRight }) => {
    expect(sameSideSignal({ ...base, balanceLeft, kneeLeft, kneeRight })).toBeNull();
  });

  it("just over the threshold counts", () => {
    // 33.9 against 40: 15.25% > 15.
    expect(sameSideSignal({ ...base, balanceLeft: 51.6, kneeLeft: 33.9, kneeRight: 40 })?.side).toBe("left");
    expect(sameSideSignal({ ...base, thresholdPercent: 16, balanceLeft: 51.6, kneeLeft: 33.9, kneeRight: 40 })).toBeNull();
  });

  it("needs two runs with a balance: one run is one day's legs", () => {
    expect(sameSideSignal({ ...base, runsWithBalance: 2, balanceLeft: 53, kneeLeft: 20, kneeRight: 30 })?.side).toBe("left");
    expect(sameSideSignal({ ...base, runsWithBalance: 1, balanceLeft: 53, kneeLeft: 20, kneeRight: 30 })).toBeNull();
  });
});

describe("ground contact time beside Hopping, in words that never claim a cause", () => {
  it("says the issue's sentence when contact time fell as Hopping grew", () => {
    const weeks = [week("2026-02-09", 262, 1), week("2026-02-16", null, 2), week("2026-03-09", 255, 3), week("2026-03-23", 250, 4)];
    expect(describeContactAndHopping(weeks, "2026-03-29")).toBe("Ground contact time fell 12 ms over 6 weeks while Hopping went from 1 to 4 days a week — they went together; the watch cannot say why.");
  });

  it("says when they did not move together, and when nothing changed", () => {
    expect(describeContactAndHopping([week("2026-03-16", 250, 1), week("2026-03-23", 256, 3)], "2026-03-29")).toBe("Ground contact time rose 6 ms over 1 week while Hopping went from 1 to 3 days a week: they did not move together.");
    expect(describeContactAndHopping([week("2026-03-16", 250.2, 2), week("2026-03-23", 249.8, 2)], "2026-03-29")).toBe("Ground contact time stayed at 250 ms over 1 week while Hopping stayed at 2 days a week: they did not move together.");
    expect(describeContactAndHopping([week("2026-03-16", 260, 4), week("2026-03-23", 270, 1)], "2026-03-29")).toMatch(/rose 10 ms over 1 week while Hopping went from 4 to 1 day a week — they went together/);
  });

  it("waits for two complete weeks with contact time: this week's Hopping days are not all in yet", () => {
    expect(describeContactAndHopping([week("2026-03-16", null, 3), week("2026-03-23", 250, 4)], "2026-03-29")).toMatch(/^Ground contact time is set beside Hopping practice here once two complete weeks/);
    // On the Saturday the week of the 23rd is not complete: only the 16th's is left.
    expect(describeContactAndHopping([week("2026-03-16", 260, 3), week("2026-03-23", 250, 1)], "2026-03-28")).toMatch(/^Ground contact time is set beside/);
    expect(describeContactAndHopping([week("2026-03-09", 262, 1), week("2026-03-16", 260, 3), week("2026-03-23", 250, 1)], "2026-03-28")).toBe(
      "Ground contact time fell 2 ms over 1 week while Hopping went from 1 to 3 days a week — they went together; the watch cannot say why.",
    );
  });
});

describe("each week's dynamics beside that week's drills (the SQL's oracle)", () => {
  const today = "2026-03-20";
  it("averages the runs that record it, counts Hopping days and contacts, and the daily-best Knee Drive means", () => {
    const weeks = dynamicsWeeks(
      [
        { localDate: "2026-03-16", avgGroundContactMs: 250, groundContactBalanceLeft: 52 },
        { localDate: "2026-03-18", avgGroundContactMs: 240, groundContactBalanceLeft: null },
        { localDate: "2026-03-19", avgGroundContactMs: null, groundContactBalanceLeft: 53 },
        { localDate: "2026-03-21", avgGroundContactMs: 100, groundContactBalanceLeft: 70 },
      ],
      [
        { localDate: "2026-03-16", side: "left", value: 20 },
        { localDate: "2026-03-16", side: "right", value: 22 },
        { localDate: "2026-03-17", side: "left", value: 25 },
        { localDate: "2026-03-13", side: "left", value: 10 },
      ],
      [
        { localDate: "2026-03-16", side: "left", value: 20 },
        { localDate: "2026-03-16", side: "left", value: 24 },
        { localDate: "2026-03-16", side: "right", value: 30 },
        { localDate: "2026-03-17", side: "left", value: 16 },
      ],
      today,
    );
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toEqual({
      weekStart: "2026-03-16",
      groundContactMs: 245,
      runsWithGroundContact: 2,
      hoppingDays: 2,
      hoppingContacts: 67,
      balanceLeft: 52.5,
      runsWithBalance: 2,
      kneeLeft: 20,
      kneeRight: 30,
      kneeAsymmetryPercent: (10 / 30) * 100,
    });
    expect(weeks.at(-2)).toMatchObject({ weekStart: addDays("2026-03-16", -7), hoppingDays: 1, hoppingContacts: 10, groundContactMs: null });
    expect(dailyBestMeans([{ localDate: today, side: "both", value: 5 }])).toEqual({ left: null, right: null });
  });
});
