import { describe, expect, it } from "vitest";
import { isValidTimeZone, usableZone } from "./time-zones";

describe("isValidTimeZone", () => {
  it.each([
    { zone: "Europe/London", expected: true },
    { zone: "Australia/Sydney", expected: true },
    { zone: "America/Argentina/Buenos_Aires", expected: true },
    { zone: "UTC", expected: true },
    { zone: "", expected: false },
    { zone: "Europe/Atlantis", expected: false },
    { zone: "GMT+25", expected: false },
    { zone: "London", expected: false },
  ])("'$zone' → $expected", ({ zone, expected }) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

describe("usableZone", () => {
  it.each([
    { stored: "Europe/London", expected: "Europe/London" },
    { stored: "America/Argentina/Buenos_Aires", expected: "America/Argentina/Buenos_Aires" },
    { stored: "UTC", expected: "UTC" },
    { stored: "Mars/Base", expected: "UTC" },
    { stored: "", expected: "UTC" },
    { stored: null, expected: "UTC" },
    { stored: undefined, expected: "UTC" },
  ])("'$stored' reads as $expected", ({ stored, expected }) => {
    expect(usableZone(stored)).toBe(expected);
  });
});
