import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";

import { addDays, daysBetween, isValidLocalDate, localDateIn } from "./local-date";

describe("localDateIn", () => {
  it.each([
    // Europe/London: BST starts 2026-03-29 at 01:00 UTC, ends 2026-10-25 at 01:00 UTC.
    { instant: "2026-03-28T23:30:00Z", zone: "Europe/London", expected: "2026-03-28", why: "GMT: same as UTC" },
    { instant: "2026-03-29T00:30:00Z", zone: "Europe/London", expected: "2026-03-29", why: "00:30 London, still GMT, on the DST day" },
    { instant: "2026-03-29T23:30:00Z", zone: "Europe/London", expected: "2026-03-30", why: "first BST night: UTC still says the 29th" },
    { instant: "2026-03-29T22:59:59Z", zone: "Europe/London", expected: "2026-03-29", why: "23:59:59 BST" },
    { instant: "2026-10-24T23:30:00Z", zone: "Europe/London", expected: "2026-10-25", why: "last BST night" },
    { instant: "2026-10-25T23:30:00Z", zone: "Europe/London", expected: "2026-10-25", why: "back on GMT" },
    { instant: "2026-03-29T00:30:00Z", zone: "UTC", expected: "2026-03-29", why: "UTC itself" },
    // Australia/Sydney: AEDT (+11) ends 2026-04-05 03:00 local; AEST (+10) until 2026-10-04.
    { instant: "2026-03-28T13:30:00Z", zone: "Australia/Sydney", expected: "2026-03-29", why: "00:30 AEDT: a day ahead of UTC" },
    { instant: "2026-03-28T12:59:59Z", zone: "Australia/Sydney", expected: "2026-03-28", why: "23:59:59 AEDT" },
    { instant: "2026-04-04T15:30:00Z", zone: "Australia/Sydney", expected: "2026-04-05", why: "02:30 AEDT, first pass of the repeated hour" },
    { instant: "2026-04-04T16:30:00Z", zone: "Australia/Sydney", expected: "2026-04-05", why: "02:30 AEST, second pass" },
    { instant: "2026-04-05T13:30:00Z", zone: "Australia/Sydney", expected: "2026-04-05", why: "23:30 AEST: +10 now, not +11" },
    { instant: "2026-04-05T14:30:00Z", zone: "Australia/Sydney", expected: "2026-04-06", why: "00:30 AEST" },
    { instant: "2026-10-03T15:30:00Z", zone: "Australia/Sydney", expected: "2026-10-04", why: "03:30 AEDT, just after the skipped hour" },
    // West of UTC: the client's day lags UTC's.
    { instant: "2026-03-09T06:30:00Z", zone: "America/Los_Angeles", expected: "2026-03-08", why: "23:30 PDT on the DST day" },
    { instant: "2026-01-01T07:59:59Z", zone: "America/Los_Angeles", expected: "2025-12-31", why: "New Year's Eve in PST" },
  ])("$instant in $zone is $expected ($why)", ({ instant, zone, expected }) => {
    expect(localDateIn(new Date(instant), zone)).toBe(expected);
  });

  it("refuses an unknown time zone", () => {
    expect(() => localDateIn(new Date("2026-03-29T00:30:00Z"), "Europe/Atlantis")).toThrow(RangeError);
  });

  it("refuses an invalid instant", () => {
    expect(() => localDateIn(new Date("not a date"), "Europe/London")).toThrow(RangeError);
  });
});

describe("isValidLocalDate", () => {
  it.each([
    { value: "2026-03-29", expected: true },
    { value: "2028-02-29", expected: true },
    { value: "2026-02-29", expected: false },
    { value: "2026-02-30", expected: false },
    { value: "2026-13-01", expected: false },
    { value: "20260329", expected: false },
    { value: "2026-3-29", expected: false },
    { value: "2026-03-29T10:00", expected: false },
    { value: "", expected: false },
    // Years PostgreSQL or the YYYY spelling cannot hold (found by the fuzzer: '0000-01-01' was a 500).
    { value: "0000-01-01", expected: false },
    { value: "9999-12-31", expected: false },
    { value: "1900-01-01", expected: true },
    { value: "2999-12-31", expected: true },
  ])("'$value' → $expected", ({ value, expected }) => {
    expect(isValidLocalDate(value)).toBe(expected);
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    { date: "2026-03-29", days: 1, expected: "2026-03-30", why: "across the London spring change" },
    { date: "2026-10-25", days: -1, expected: "2026-10-24", why: "across the autumn change" },
    { date: "2026-03-01", days: -1, expected: "2026-02-28", why: "end of February" },
    { date: "2028-03-01", days: -1, expected: "2028-02-29", why: "leap year" },
    { date: "2026-12-31", days: 1, expected: "2027-01-01", why: "new year" },
    { date: "2026-04-07", days: -6, expected: "2026-04-01", why: "a 7-day window" },
  ])("$date + $days = $expected ($why)", ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it("refuses a malformed date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-01-01", "2026-1-2")).toThrow(RangeError);
  });

  // The arithmetic is plain whole-day maths (no luxon, for speed): it must agree with the
  // calendar over every day of several years, leap years included, in both directions.
  it("agrees with luxon's calendar for every day of 2024–2027 and offsets up to two years", () => {
    const start = DateTime.fromISO("2024-01-01", { zone: "utc" });
    for (let i = 0; i < 4 * 366; i += 1) {
      const date = start.plus({ days: i }).toISODate()!;
      for (const offset of [-731, -1, 0, 1, 29, 365]) {
        const expected = start.plus({ days: i + offset }).toISODate()!;
        expect(addDays(date, offset)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(offset);
      }
    }
  });

  it("keeps four-digit years below 100 and refuses dates past 9999", () => {
    expect(addDays("0050-03-01", -1)).toBe("0050-02-28");
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
  });
});
