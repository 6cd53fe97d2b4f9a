import { describe, expect, it } from "vitest";

import { type EvaluateCancellationInput, describePolicyAtBooking, evaluateCancellation, evaluateReschedule } from "./cancellation";
import { formatMoney } from "@/lib/money";
import { formatHours, formatMinutes } from "@/lib/time-wording";

const HOUR = 3_600_000;
// Wednesday 4 March 2026, 14:00 in London (GMT): free cancellation ends 14:00 on Tue 3 March.
const start = new Date("2026-03-04T14:00:00Z");
const freeUntil = new Date(start.getTime() - 24 * HOUR);
const credit = { kind: "credits", credits: 1 } as const;
const fortyPounds = { kind: "money", amountMinor: 4000, currency: "GBP" } as const;

const base: EvaluateCancellationInput = {
  bookingStart: start,
  now: new Date(freeUntil.getTime() - HOUR),
  freeUntilHours: 24,
  price: credit,
  cancelledBy: "client",
  timeZone: "Europe/London",
};

describe("evaluateCancellation", () => {
  it.each([
    {
      name: "client, credit, a day and an hour ahead",
      input: {},
      expected: { isFree: true, consequence: "refund_credit", credits: 1, message: "Cancelling now is free until 14:00 on Tue 3 March, and your credit comes back to you." },
    },
    {
      name: "client, credit, exactly at the end of the free window",
      input: { now: freeUntil },
      expected: { isFree: true, consequence: "refund_credit", credits: 1 },
    },
    {
      name: "client, credit, a millisecond after the free window",
      input: { now: new Date(freeUntil.getTime() + 1) },
      expected: { isFree: false, consequence: "forfeit_credit", credits: 1, message: "It's less than 24 hours away: cancelling now uses up your credit." },
    },
    {
      name: "client, money, in time",
      input: { price: fortyPounds },
      expected: { isFree: true, consequence: "refund_none", message: "Cancelling now is free until 14:00 on Tue 3 March." },
    },
    {
      name: "client, money, exactly at the end of the free window",
      input: { price: fortyPounds, now: freeUntil },
      expected: { isFree: true, consequence: "refund_none" },
    },
    {
      name: "client, money, late",
      input: { price: fortyPounds, now: new Date(start.getTime() - 2 * HOUR) },
      expected: { isFree: false, consequence: "charge", amountMinor: 4000, currency: "GBP", message: "It's less than 24 hours away: cancelling now costs £40.00." },
    },
    {
      name: "client, credit, after the start",
      input: { now: new Date(start.getTime() + 60_000) },
      expected: { isFree: false, consequence: "forfeit_credit", message: "The session has already started: cancelling now uses up your credit." },
    },
    {
      name: "client, two credits, a 48-hour policy, late",
      input: { price: { kind: "credits", credits: 2 }, freeUntilHours: 48 },
      expected: { isFree: false, consequence: "forfeit_credit", credits: 2, message: "It's less than 48 hours away: cancelling now uses up your 2 credits." },
    },
    {
      name: "client, free session, late",
      input: { price: { kind: "money", amountMinor: 0, currency: "GBP" }, now: new Date(start.getTime() - HOUR) },
      expected: { isFree: true, consequence: "refund_none", message: "Cancelling is free." },
    },
    {
      name: "trainer, credit, an hour before",
      input: { cancelledBy: "trainer", now: new Date(start.getTime() - HOUR) },
      expected: { isFree: true, consequence: "refund_credit", credits: 1, message: "Cancelling is free for your client, and their credit goes back to them." },
    },
    {
      name: "trainer, money, an hour before",
      input: { cancelledBy: "trainer", price: fortyPounds, now: new Date(start.getTime() - HOUR) },
      expected: { isFree: true, consequence: "refund_none", message: "Cancelling is free for your client." },
    },
    {
      name: "client, waived by the studio (deleting their account), credit, an hour before",
      input: { isPolicyWaived: true, now: new Date(start.getTime() - HOUR) },
      expected: { isFree: true, consequence: "refund_credit", credits: 1, message: "Cancelling is free, and your credit comes back to you." },
    },
    {
      name: "client, waived by the studio, money, after the window",
      input: { isPolicyWaived: true, price: fortyPounds, now: new Date(start.getTime() - HOUR) },
      expected: { isFree: true, consequence: "refund_none", message: "Cancelling is free." },
    },
    {
      name: "a policy of 0 hours: free until the start",
      input: { freeUntilHours: 0, now: new Date(start.getTime() - 60_000) },
      expected: { isFree: true, consequence: "refund_credit", message: "Cancelling now is free until 14:00 on Wed 4 March, and your credit comes back to you." },
    },
  ] as const)("$name", ({ input, expected }) => {
    const outcome = evaluateCancellation({ ...base, ...input });
    expect(outcome).toMatchObject(expected);
    if (outcome.consequence !== "charge") expect(outcome).not.toHaveProperty("amountMinor");
  });

  it.each([
    { timeZone: "Europe/London", message: "Cancelling now is free until 14:00 on Tue 3 March." },
    { timeZone: "America/New_York", message: "Cancelling now is free until 09:00 on Tue 3 March." },
    { timeZone: "Australia/Sydney", message: "Cancelling now is free until 01:00 on Wed 4 March." },
  ])("words the deadline in the reader's zone: $timeZone", ({ timeZone, message }) => {
    expect(evaluateCancellation({ ...base, price: fortyPounds, timeZone }).message).toBe(message);
  });

  it("counts the free window in real hours across a clock change", () => {
    // Noon BST on Sunday 29 March is 24 hours after 11:00 GMT on Saturday 28 March.
    const outcome = evaluateCancellation({
      ...base,
      bookingStart: new Date("2026-03-29T11:00:00Z"),
      now: new Date("2026-03-20T09:00:00Z"),
      price: fortyPounds,
    });
    expect(outcome.freeUntil.toISOString()).toBe("2026-03-28T11:00:00.000Z");
    expect(outcome.message).toBe("Cancelling now is free until 11:00 on Sat 28 March.");
  });

  it("names the year when the deadline is in another year", () => {
    const outcome = evaluateCancellation({
      ...base,
      bookingStart: new Date("2027-01-05T10:00:00Z"),
      now: new Date("2026-12-30T10:00:00Z"),
      price: fortyPounds,
    });
    expect(outcome.message).toBe("Cancelling now is free until 10:00 on Mon 4 January 2027.");
  });
});

describe("evaluateReschedule", () => {
  it.each([
    { name: "in time, credit", input: {}, expected: { isFree: true, consequence: "refund_none", message: "Rescheduling now is free until 14:00 on Tue 3 March." } },
    { name: "exactly at the boundary", input: { now: freeUntil }, expected: { isFree: true } },
    { name: "late, credit", input: { now: new Date(freeUntil.getTime() + 1) }, expected: { isFree: false, consequence: "forfeit_credit", message: "It's less than 24 hours away: rescheduling now uses up your credit." } },
    { name: "late, money", input: { now: new Date(freeUntil.getTime() + 1), price: fortyPounds }, expected: { isFree: false, consequence: "charge", amountMinor: 4000, message: "It's less than 24 hours away: rescheduling now costs £40.00." } },
    { name: "by the trainer, late", input: { now: new Date(start.getTime() - HOUR), cancelledBy: "trainer" }, expected: { isFree: true, consequence: "refund_none", message: "Rescheduling is free for your client." } },
  ] as const)("$name", ({ input, expected }) => {
    expect(evaluateReschedule({ ...base, ...input })).toMatchObject(expected);
  });
});

describe("describePolicyAtBooking", () => {
  const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR);
  it.each([
    [25, credit, 24, "You can cancel or move it for free until 14:00 on Tue 3 March."],
    [24, credit, 24, "You can cancel or move it for free until 14:00 on Tue 3 March."],
    // Booked inside the window: never "free until" a time already past.
    [23.9, credit, 24, "It is less than 24 hours away, so it is already inside the cancellation window: cancelling it uses up your credit, and it can no longer be moved."],
    [3, fortyPounds, 24, "It is less than 24 hours away, so it is already inside the cancellation window: cancelling it costs £40.00, and it can no longer be moved."],
    [3, { kind: "credits", credits: 2 } as const, 48, "It is less than 48 hours away, so it is already inside the cancellation window: cancelling it uses up your 2 credits, and it can no longer be moved."],
    [3, credit, 2, "You can cancel or move it for free until 12:00 on Wed 4 March."],
    [1, credit, 0, "You can cancel or move it for free until 14:00 on Wed 4 March."],
    [3, { kind: "money", amountMinor: 0, currency: "GBP" } as const, 24, "You can cancel or move it for free."],
  ] as const)("booked %s hours ahead (%o, free until %s hours before): %s", (hoursAhead, price, freeUntilHours, words) => {
    expect(describePolicyAtBooking({ bookingStart: start, now: at(hoursAhead), freeUntilHours, price, timeZone: "Europe/London" })).toBe(words);
  });
});

describe("wording helpers", () => {
  it.each([
    [0, "0 minutes"],
    [1, "1 minute"],
    [45, "45 minutes"],
    [60, "1 hour"],
    [90, "1 hour 30 minutes"],
    [12 * 60, "12 hours"],
    [24 * 60, "1 day"],
    [36 * 60, "36 hours"],
    [72 * 60, "3 days"],
  ])("%i minutes reads as %s", (minutes, words) => {
    expect(formatMinutes(minutes)).toBe(words);
  });

  it.each([
    [24, "24 hours"],
    [1, "1 hour"],
    [1.5, "1 hour 30 minutes"],
    [0.25, "15 minutes"],
  ])("a policy of %d hours reads as %s", (hours, words) => {
    expect(formatHours(hours)).toBe(words);
  });

  it.each([
    [4000, "GBP", "£40.00"],
    [1999, "EUR", "€19.99"],
    [5000, "JPY", "JP¥5,000"],
  ])("%i minor units of %s read as %s", (amountMinor, currency, words) => {
    expect(formatMoney(amountMinor, currency)).toBe(words);
  });
});
