// Pure rules of messaging, tested in rules.test.ts.

/** A sender's pace: enough for a real conversation, not for a stuck client flooding a trainer. */
export const SENDING_LIMITS = [
  { windowMs: 60_000, max: 20, wording: "a minute" },
  { windowMs: 3_600_000, max: 200, wording: "an hour" },
] as const;

/** Why the sender must wait, given how many messages they sent in each window, or null. */
export function sendingLimitProblem(sentInWindow: readonly number[]): string | null {
  for (const [i, limit] of SENDING_LIMITS.entries()) {
    if ((sentInWindow[i] ?? 0) >= limit.max) {
      return `You have sent ${limit.max} messages in ${limit.wording}, the most Stride sends for one person. Wait a little and send again.`;
    }
  }
  return null;
}

/** A message's first line, short enough for a phone's notification or an inbox row. */
export function messagePreview(body: string, max = 120): string {
  const line = body.replace(/\s+/g, " ").trim();
  if ([...line].length <= max) return line;
  return `${[...line].slice(0, max - 1).join("").trimEnd()}…`;
}
