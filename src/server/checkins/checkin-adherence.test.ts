import { describe, expect, it } from "vitest";
import { describeCheckinWeek } from "@/lib/checkins/checkin-week";
import { checkinWeekOf, type CheckinDue } from "./checkin-adherence";

// The week of Monday 23 March 2026; today is Sunday 29.
const MONDAY = "2026-03-23";
const daily = (day: number, isAnswered: boolean): CheckinDue => ({ cadence: "daily", dueOn: `2026-03-${day}`, isAnswered });

describe("check-ins in adherence: answered is done", () => {
  it("counts the answered and the missed; today's, unanswered, is still open", () => {
    const dues = [23, 24, 25, 26, 27, 28].map((d) => daily(d, d !== 25)).concat(daily(29, false));
    expect(checkinWeekOf(dues, MONDAY, "2026-03-29")).toEqual({ weekStart: MONDAY, due: 6, answered: 5, open: 1 });
    expect(describeCheckinWeek(checkinWeekOf(dues, MONDAY, "2026-03-29"))).toBe("Check-ins: 5 of 6 answered this week (1 still open).");
  });

  it("today's, answered, counts", () => {
    expect(checkinWeekOf([daily(29, true)], MONDAY, "2026-03-29")).toMatchObject({ due: 1, answered: 1, open: 0 });
  });

  it("a weekly review is open for its two grace days, then missed", () => {
    const review: CheckinDue = { cadence: "weekly", dueOn: "2026-03-23", isAnswered: false };
    expect(checkinWeekOf([review], MONDAY, "2026-03-25")).toMatchObject({ due: 0, open: 1 });
    expect(checkinWeekOf([review], MONDAY, "2026-03-26")).toMatchObject({ due: 1, answered: 0, open: 0 });
  });

  it("reads only the days of the week up to today", () => {
    expect(checkinWeekOf([daily(22, false), daily(30, false)], MONDAY, "2026-03-29")).toEqual({ weekStart: MONDAY, due: 0, answered: 0, open: 0 });
    expect(describeCheckinWeek({ weekStart: MONDAY, due: 0, answered: 0, open: 0 })).toBe("Check-ins: none due yet this week.");
    expect(describeCheckinWeek({ weekStart: MONDAY, due: 0, answered: 0, open: 1 })).toBe("Check-ins: 1 open this week, none due yet.");
  });
});
