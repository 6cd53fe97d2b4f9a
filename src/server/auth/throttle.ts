export type ThrottleRule = { maxFailures: number; windowMs: number };

// The studio's rule for sign-ins: 10 failed tries within 15 minutes lock further tries
// until the oldest of them is 15 minutes old.
export const SIGN_IN_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000 };

export type ThrottleVerdict = { isAllowed: true } | { isAllowed: false; retryAt: Date };

/** Whether one more try is allowed, given the failures since the last success (any order). */
export function evaluateThrottle(failures: readonly Date[], now: Date, rule: ThrottleRule = SIGN_IN_THROTTLE): ThrottleVerdict {
  const recent = failures
    .filter((at) => now.getTime() - at.getTime() < rule.windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < rule.maxFailures) return { isAllowed: true };
  // Once the oldest failure that still counts ages out, fewer than the maximum remain.
  const oldestCounted = recent[recent.length - rule.maxFailures]!;
  return { isAllowed: false, retryAt: new Date(oldestCounted.getTime() + rule.windowMs) };
}

/** "Too many … Try again in 14 minutes." – rounded up, never "in 0 minutes". */
export function describeRetry(retryAt: Date, now: Date, what = "failed sign-in attempts"): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
