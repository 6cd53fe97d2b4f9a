import { describe, expect, it } from "vitest";
import { describeRetry, describeSignInLimit, evaluateThrottle, SIGN_IN_ADDRESS_THROTTLE, SIGN_IN_THROTTLE } from "./throttle";

const now = new Date("2026-11-24T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("evaluateThrottle", () => {
  it.each([
    { name: "no failures", failures: [], allowed: true },
    { name: "nine failures", failures: Array.from({ length: 9 }, (_, i) => minutesAgo(i)), allowed: true },
    { name: "ten failures within 15 minutes", failures: Array.from({ length: 10 }, (_, i) => minutesAgo(i)), allowed: false },
    { name: "ten failures, oldest just outside the window", failures: [...Array.from({ length: 9 }, (_, i) => minutesAgo(i)), minutesAgo(15)], allowed: true },
  ])("$name → allowed: $allowed", ({ failures, allowed }) => {
    expect(evaluateThrottle(failures, now).isAllowed).toBe(allowed);
  });

  it("unlocks when the oldest counted failure is 15 minutes old", () => {
    const failures = Array.from({ length: 12 }, (_, i) => minutesAgo(i)); // 0..11 minutes ago
    const verdict = evaluateThrottle(failures, now);
    // The 10 most recent are 0..9 minutes ago; the oldest of them (9 min ago) ages out in 6.
    expect(verdict).toEqual({ isAllowed: false, retryAt: new Date(now.getTime() + 6 * 60_000) });
  });

  it("says when to try again, rounded up", () => {
    expect(describeRetry(new Date(now.getTime() + 61_000), now)).toBe(
      "Too many failed sign-in attempts. Try again in 2 minutes.",
    );
    expect(describeRetry(now, now)).toContain("in 1 minute.");
  });
});

describe("the sign-in limits", () => {
  it("let far more failures through from one address than for one account, so a shared Wi-Fi is not locked by one person", () => {
    const failures = Array.from({ length: 10 }, (_, i) => minutesAgo(i));
    expect(evaluateThrottle(failures, now, SIGN_IN_THROTTLE).isAllowed).toBe(false);
    expect(evaluateThrottle(failures, now, SIGN_IN_ADDRESS_THROTTLE).isAllowed).toBe(true);
    expect(evaluateThrottle(Array.from({ length: 100 }, () => minutesAgo(1)), now, SIGN_IN_ADDRESS_THROTTLE).isAllowed).toBe(false);
  });

  it("tell the person which limit they hit", () => {
    const retryAt = new Date(now.getTime() + 14 * 60_000);
    expect(describeSignInLimit("account", retryAt, now)).toBe(
      "Too many failed sign-in attempts for this account. Try again in 14 minutes. Or ask for a sign-in link by email below.",
    );
    expect(describeSignInLimit("address", retryAt, now)).toBe("Too many failed sign-in attempts from your network. Try again in 14 minutes.");
  });
});
