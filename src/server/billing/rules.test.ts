import { describe, expect, it } from "vitest";
import { describeSubscriptionRow, isBilling, isNotOlder, periodEnd } from "./rules";

describe("billing rules", () => {
  it("applies a state only when its event is not older than the last applied", () => {
    const t = new Date("2026-03-01T10:00:00Z");
    expect(isNotOlder(null, t)).toBe(true);
    expect(isNotOlder(new Date("2026-03-01T09:59:59Z"), t)).toBe(true);
    expect(isNotOlder(t, t)).toBe(true);
    expect(isNotOlder(new Date("2026-03-01T10:00:01Z"), t)).toBe(false);
  });

  it("counts active, trialing and past-due subscriptions as billing", () => {
    expect(["active", "trialing", "past_due", "canceled", "incomplete", "unpaid"].filter((s) => isBilling(s as never))).toEqual([
      "active",
      "trialing",
      "past_due",
    ]);
  });

  it.each([
    ["2026-01-31T09:00:00Z", "month", "2026-02-28T09:00:00.000Z"],
    ["2028-01-31T09:00:00Z", "month", "2028-02-29T09:00:00.000Z"],
    ["2026-03-15T00:00:00Z", "month", "2026-04-15T00:00:00.000Z"],
    ["2028-02-29T12:00:00Z", "year", "2029-02-28T12:00:00.000Z"],
  ] as const)("a period from %s (%s) ends %s", (start, interval, end) => {
    expect(periodEnd(new Date(start), interval).toISOString()).toBe(end);
  });

  it("says on the revenue row when a subscription renews or ends, never both", () => {
    const periodEnd = new Date("2026-12-31T23:30:00Z");
    const row = (overrides: Partial<Parameters<typeof describeSubscriptionRow>[0]>) =>
      describeSubscriptionRow({ status: "active", cancelAtPeriodEnd: false, currentPeriodEnd: periodEnd, canceledAt: null, ...overrides }, "Europe/Berlin");
    expect(row({})).toEqual({ status: "Active", next: "Renews 1 Jan 2027" });
    expect(row({ cancelAtPeriodEnd: true })).toEqual({ status: "Active", next: "Ends 1 Jan 2027" });
    expect(row({ status: "past_due", cancelAtPeriodEnd: true })).toEqual({ status: "Payment failed", next: "Ends 1 Jan 2027" });
    expect(row({ status: "canceled", cancelAtPeriodEnd: true, canceledAt: new Date("2026-05-02T10:00:00Z") })).toEqual({ status: "Cancelled", next: "Ended 2 May 2026" });
    expect(row({ status: "incomplete" })).toEqual({ status: "Waiting for payment", next: null });
    // The date is the one on the owner's calendar.
    expect(describeSubscriptionRow({ status: "active", cancelAtPeriodEnd: false, currentPeriodEnd: periodEnd, canceledAt: null }, "Europe/London").next).toBe("Renews 31 Dec 2026");
  });
});
