import { z } from "zod";

/**
 * Left against right (issue 6): runners care because a weak side shows up as a limp in the
 * stride long before it hurts.
 *
 * asymmetry % = |L − R| / max(L, R) × 100, so
 * - it is between 0 and 100 and the same whichever side is stronger;
 * - it reads as "the weaker side is this much short of the stronger one";
 * - one side at 0 and the other above 0 is 100% (nothing at all on that side);
 * - both sides at 0 is 0%: no difference to flag (the absence of work is adherence's business);
 * - a side not logged (null) gives null: there is nothing to compare, which is not the same as 0.
 *
 * SQL, same rules: `case when l is null or r is null then null when greatest(l, r) = 0 then 0
 * else abs(l - r) / greatest(l, r) * 100 end`.
 */

export const DEFAULT_ASYMMETRY_THRESHOLD_PERCENT = 15;

/** The trainer's threshold, a whole percentage. */
export const asymmetryThresholdInput = z
  .number({ error: "Enter the threshold as a whole percentage from 1 to 100, e.g. 15." })
  .int({ error: "Enter the threshold as a whole percentage from 1 to 100, e.g. 15." })
  .min(1, { error: "Enter the threshold as a whole percentage from 1 to 100, e.g. 15." })
  .max(100, { error: "Enter the threshold as a whole percentage from 1 to 100, e.g. 15." });

export type Asymmetry = {
  /** Null when a side has no value. */
  percent: number | null;
  /** Strictly above the threshold. */
  isFlagged: boolean;
  /** The side to give extra work: the lower one; null when equal or not comparable. */
  weakerSide: "left" | "right" | null;
  thresholdPercent: number;
  /** For the client, e.g. "Your right side is 20% behind your left: give it extra work." */
  message: string;
};

// How far the weaker side falls short of the stronger, as a share of the stronger: |L − R| / max(L, R) × 100.
export function asymmetryPercent(left: number | null, right: number | null): number | null {
  if (left === null || right === null) return null;
  if (!(left >= 0 && right >= 0 && Number.isFinite(left) && Number.isFinite(right))) {
    throw new RangeError(`asymmetryPercent: sides must be numbers ≥ 0, got ${left} and ${right}`);
  }
  const stronger = Math.max(left, right);
  return stronger === 0 ? 0 : (Math.abs(left - right) / stronger) * 100;
}

// A client is flagged when left and right differ by more than the trainer's threshold (default 15%); the weaker side needs extra work.
export function evaluateAsymmetry(
  left: number | null,
  right: number | null,
  thresholdPercent = DEFAULT_ASYMMETRY_THRESHOLD_PERCENT,
): Asymmetry {
  const percent = asymmetryPercent(left, right);
  const weakerSide = percent === null || left === right ? null : (left ?? 0) < (right ?? 0) ? "left" : "right";
  const isFlagged = percent !== null && percent > thresholdPercent;
  return { percent, isFlagged, weakerSide, thresholdPercent, message: describe(percent, weakerSide, isFlagged) };
}

function describe(percent: number | null, weakerSide: "left" | "right" | null, isFlagged: boolean): string {
  if (percent === null) return "Log both sides to compare them.";
  if (weakerSide === null) return "Your left and right sides are even.";
  const stronger = weakerSide === "left" ? "right" : "left";
  const rounded = Math.round(percent);
  if (!isFlagged) return `Your left and right sides are close (${rounded}% apart).`;
  return `Your ${weakerSide} side is ${rounded}% behind your ${stronger}: give it extra work.`;
}
