import { describe, expect, it } from "vitest";
import { skippedTimeNotice, skippedTimeNotices } from "./schedule-notices";

const daily = (atTime: string, startsOn = "2026-12-01") => ({ cadence: "daily" as const, weekday: null, atTime, startsOn });
const weekly = (weekday: number, atTime: string, startsOn = "2026-12-01") => ({ cadence: "weekly" as const, weekday, atTime, startsOn });

describe("the sentence about a time the clocks skip", () => {
  it.each([
    ["a daily 02:30 in Berlin", daily("02:30"), "Europe/Berlin", "02:30 does not happen on 28 March 2027 in Europe/Berlin; that day the check-in opens at 03:00."],
    ["a daily 02:00 in New York", daily("02:00"), "America/New_York", "02:00 does not happen on 14 March 2027 in America/New_York; that day the check-in opens at 03:00."],
    ["a weekly Sunday 02:30 in Berlin (the change is on a Sunday)", weekly(7, "02:30"), "Europe/Berlin", "02:30 does not happen on 28 March 2027 in Europe/Berlin; that day the check-in opens at 03:00."],
    ["a weekly Monday 02:30 in Berlin (never on a change day)", weekly(1, "02:30"), "Europe/Berlin", null],
    ["a daily 07:00 in Berlin", daily("07:00"), "Europe/Berlin", null],
    ["a daily 02:30 in UTC", daily("02:30"), "UTC", null],
    ["a daily 02:30 in Brisbane (no summer time)", daily("02:30"), "Australia/Brisbane", null],
    // The autumn hour happens twice, not never: nothing to say about 02:30 in October.
    ["a daily 02:30 only till the summer", daily("02:30", "2027-04-01"), "Europe/Berlin", "02:30 does not happen on 26 March 2028 in Europe/Berlin; that day the check-in opens at 03:00."],
  ])("%s", (_name, timing, zone, expected) => {
    expect(skippedTimeNotice(timing, zone, "2026-12-01")).toBe(expected);
  });

  it("looks a year ahead from today, or from the start when that is later", () => {
    expect(skippedTimeNotice(daily("02:30", "2026-01-01"), "Europe/Berlin", "2026-12-01")).toContain("28 March 2027");
    expect(skippedTimeNotice(daily("02:30", "2026-01-01"), "Europe/Berlin", "2026-03-01")).toContain("29 March 2026");
  });

  it("says it once per zone of a programme's clients that skips the time", () => {
    expect(skippedTimeNotices(daily("02:30"), ["Europe/Berlin", "UTC", "Europe/Berlin", "Europe/Paris"], "2026-12-01")).toEqual([
      "02:30 does not happen on 28 March 2027 in Europe/Berlin; that day the check-in opens at 03:00.",
      "02:30 does not happen on 28 March 2027 in Europe/Paris; that day the check-in opens at 03:00.",
    ]);
  });
});
