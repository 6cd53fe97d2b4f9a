export type ThrottleRule = {
  maxFailures: number;
  windowMs: number;
  /** Does a success on the key wipe its failures? (default yes) */
  isForgivenBySuccess?: boolean;
};

// The rule for one account: 10 failed tries within 15 minutes lock further password tries for
// it until the oldest of them is 15 minutes old; the right password (before the lock) or a
// sign-in link still gets its owner in.
export const SIGN_IN_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000 };

// The rule for one network address, which a gym's or an office's Wi-Fi shares among many
// people: ten times the account's, so one person's forgotten password never locks the others
// out, while guessing across many accounts from one address is still stopped. A success does
// not forgive it: otherwise signing in to one's own account would reset a guesser's count.
export const SIGN_IN_ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 100, windowMs: 15 * 60_000, isForgivenBySuccess: false };

/** Which limit a refused sign-in hit, and the sentence that tells the person. */
export type SignInLimit = "account" | "address";

export function describeSignInLimit(limit: SignInLimit, retryAt: Date, now: Date): string {
  return limit === "account"
    ? `${describeRetry(retryAt, now, "failed sign-in attempts for this account")} Or ask for a sign-in link by email below.`
    : describeRetry(retryAt, now, "failed sign-in attempts from your network");
}

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
