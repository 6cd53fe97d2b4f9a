import { describe, expect, it } from "vitest";

import {
  availabilityExceptionSchema,
  availabilityWindowSchema,
  sessionPriceSchema,
  sessionLengthSchema,
  sessionTypeSchema,
  slotStepMinutesOf,
  timeZoneSchema,
} from "./types";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : (result.error?.issues[0]?.message ?? null);

describe("booking settings schemas", () => {
  it.each([
    [{ weekday: 1, start: "09:00", end: "17:00" }, null],
    [{ weekday: 7, start: "18:00", end: "24:00" }, null],
    [{ weekday: 0, start: "09:00", end: "17:00" }, "Pick a weekday from Monday to Sunday."],
    [{ weekday: 1, start: "9:00", end: "17:00" }, "Enter a time as HH:mm, for example 09:00."],
    [{ weekday: 1, start: "17:00", end: "09:00" }, "The end time must be after the start time."],
    [{ weekday: 1, start: "09:00", end: "09:00" }, "The end time must be after the start time."],
  ])("weekly window %j → %s", (input, message) => {
    expect(firstMessage(availabilityWindowSchema.safeParse(input))).toBe(message);
  });

  it.each([
    [{ date: "2026-12-25", kind: "day_off" }, null],
    [{ date: "2026-12-27", kind: "extra", start: "10:00", end: "12:00" }, null],
    [{ date: "2026-02-30", kind: "day_off" }, "Enter a date that exists on the calendar."],
    [{ date: "25/12/2026", kind: "day_off" }, "Enter a date as YYYY-MM-DD."],
    // Found by the fuzzer: year 0000 passed and PostgreSQL, which has no year zero, answered a 500.
    [{ date: "0000-01-01", kind: "day_off" }, "Enter a date that exists on the calendar."],
    [{ date: "2026-12-27", kind: "extra", start: "12:00", end: "10:00" }, "The end time must be after the start time."],
  ])("exception %j → %s", (input, message) => {
    expect(firstMessage(availabilityExceptionSchema.safeParse(input))).toBe(message);
  });

  it.each([
    ["Europe/London", null],
    ["Australia/Sydney", null],
    ["Mars/Olympus_Mons", "Choose a time zone from the list, for example Europe/London."],
  ])("time zone %s → %s", (input, message) => {
    expect(firstMessage(timeZoneSchema.safeParse(input))).toBe(message);
  });

  it("accepts a session type and rejects a bad price with a message", () => {
    const valid = {
      id: "pt-60",
      durationMinutes: 60,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 720,
      maxDaysAhead: 30,
      price: { kind: "money", amountMinor: 4000, currency: "GBP" },
    };
    expect(sessionTypeSchema.safeParse(valid).success).toBe(true);
    expect(firstMessage(sessionTypeSchema.safeParse({ ...valid, price: { kind: "money", amountMinor: 4000, currency: "pounds" } }))).toBe(
      "Enter a three-letter currency code, for example GBP.",
    );
  });

  // The domain's schema allowed 24 hours and the settings form's 8: one rule now, 8 hours.
  it.each([
    [5, null],
    [480, null],
    [4, "A session lasts at least 5 minutes."],
    [481, "A session lasts at most 8 hours."],
    [1440, "A session lasts at most 8 hours."],
    [60.5, "Enter the length as whole minutes."],
  ])("a session of %s minutes → %s", (durationMinutes, message) => {
    expect(firstMessage(sessionLengthSchema.safeParse(durationMinutes))).toBe(message);
  });

  it("steps slots by the session's own step, else its length", () => {
    const base = { id: "x", bufferAfterMinutes: 0, minNoticeMinutes: 0, maxDaysAhead: 1, price: { kind: "credits", credits: 1 } } as const;
    expect(slotStepMinutesOf({ ...base, durationMinutes: 45 })).toBe(45);
    expect(slotStepMinutesOf({ ...base, durationMinutes: 45, slotStepMinutes: 15 })).toBe(15);
    expect(slotStepMinutesOf({ ...base, durationMinutes: 0 })).toBe(15);
  });

  // Found by the fuzzer: a price past 2^31 minor units (or credits) passed and overflowed the integer column into a 500.
  it.each([
    [{ kind: "money", amountMinor: 3000, currency: "GBP" }, null],
    [{ kind: "money", amountMinor: 999_999_999, currency: "GBP" }, null],
    [{ kind: "money", amountMinor: 2 ** 31, currency: "GBP" }, "That price is too high; check the amount."],
    [{ kind: "credits", credits: 100 }, null],
    [{ kind: "credits", credits: 2 ** 31 }, "A session costs at most 100 credits."],
  ])("price %j → %s", (input, message) => {
    expect(firstMessage(sessionPriceSchema.safeParse(input))).toBe(message);
  });
});
