import { describe, expect, it } from "vitest";
import { dueOccurrences, firstSkippedDay, isoWeekday } from "./occurrences";

describe("when a check-in is due", () => {
  it("asks a daily one every day from its start, at the wall time of the client's zone", () => {
    const due = dueOccurrences({ cadence: "daily", weekday: null, atTime: "07:00", startsOn: "2026-03-28" }, "Europe/Berlin", "2026-03-27", "2026-03-30");
    expect(due.map((o) => [o.dueOn, o.opensAt.toISOString()])).toEqual([
      ["2026-03-28", "2026-03-28T06:00:00.000Z"],
      // The clocks went forward that night: 07:00 is an hour earlier in UTC.
      ["2026-03-29", "2026-03-29T05:00:00.000Z"],
      ["2026-03-30", "2026-03-30T05:00:00.000Z"],
    ]);
  });

  it("asks a weekly one on its weekday only", () => {
    const due = dueOccurrences({ cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: "2026-11-01" }, "America/New_York", "2026-11-01", "2026-11-30");
    expect(due.map((o) => o.dueOn)).toEqual(["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"]);
    expect(due.every((o) => isoWeekday(o.dueOn) === 7)).toBe(true);
  });

  it("opens a time the clocks skip when they jump, and says so", () => {
    const [spring] = dueOccurrences({ cadence: "daily", weekday: null, atTime: "02:30", startsOn: "2026-03-29" }, "Europe/Berlin", "2026-03-29", "2026-03-29");
    expect(spring).toEqual({ dueOn: "2026-03-29", opensAt: new Date("2026-03-29T01:00:00.000Z"), isShifted: true });
    expect(firstSkippedDay("02:30", "Europe/Berlin", "2026-12-01")?.dueOn).toBe("2027-03-28");
    expect(firstSkippedDay("07:00", "Europe/Berlin", "2026-12-01")).toBeNull();
  });

  it("asks a repeated hour once, at its first occurrence", () => {
    const [autumn] = dueOccurrences({ cadence: "daily", weekday: null, atTime: "02:30", startsOn: "2026-10-25" }, "Europe/Berlin", "2026-10-25", "2026-10-25");
    expect(autumn!.opensAt.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(autumn!.isShifted).toBe(false);
  });
});
