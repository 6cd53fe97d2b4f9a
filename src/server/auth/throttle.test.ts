import { describe, expect, it } from "vitest";
import { describeRetry, evaluateThrottle } from "./throttle";

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
