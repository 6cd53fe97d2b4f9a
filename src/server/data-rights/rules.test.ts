import { describe, expect, it } from "vitest";
import { anonymisedIdentity, isBookingToCancel, isDeletionConfirmed, isSubscriptionToStop } from "./rules";

describe("isDeletionConfirmed", () => {
  it.each([
    ["Isla Novak", "Isla Novak", true],
    ["Isla Novak", "  isla   novak ", true],
    ["Isla Novak", "Isla", false],
    ["Isla Novak", "", false],
    ["Isla Novak", "Isla Novák", false],
    ["Zoë Hart", "zoë hart", true],
  ])("%j typed as %j → %s", (name, typed, expected) => {
    expect(isDeletionConfirmed(name, typed)).toBe(expected);
  });
});

describe("anonymisedIdentity", () => {
  it("is unique per client and cannot receive mail", () => {
    const a = anonymisedIdentity("0B6A-1");
    expect(a).toEqual({ name: "Deleted client", email: "deleted-0b6a-1@deleted.invalid" });
    expect(anonymisedIdentity("other").email).not.toBe(a.email);
  });
});

describe("what deletion stops", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  it.each([
    [{ status: "confirmed", startsAt: new Date("2026-03-01T10:00:01Z") }, true],
    [{ status: "confirmed", startsAt: now }, false],
    [{ status: "cancelled", startsAt: new Date("2026-03-02T10:00:00Z") }, false],
    [{ status: "attended", startsAt: new Date("2026-02-02T10:00:00Z") }, false],
  ])("booking %j → cancel %s", (booking, expected) => {
    expect(isBookingToCancel(booking, now)).toBe(expected);
  });
  it.each([
    [{ status: "active", cancelAtPeriodEnd: false }, true],
    [{ status: "past_due", cancelAtPeriodEnd: false }, true],
    [{ status: "active", cancelAtPeriodEnd: true }, false],
    [{ status: "canceled", cancelAtPeriodEnd: false }, false],
  ] as const)("subscription %j → stop %s", (sub, expected) => {
    expect(isSubscriptionToStop(sub)).toBe(expected);
  });
});
