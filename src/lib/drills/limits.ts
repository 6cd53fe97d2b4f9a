import type { MeasureKind } from "./vocabulary";

// Plain numbers without zod, so a client component can read them without shipping the schemas
// (prescription.ts re-exports them beside the rules that use them).

export const MAX_REPS = 200;

/**
 * The most a trainer may set as one side's target, per measure. Generous bounds that still
 * catch a slipped key: a 10-minute single-leg hold or 500 hops is already far past the method.
 * `free` drills are not counted, so they take no target at all.
 */
export const MAX_TARGET_PER_SIDE: Record<MeasureKind, number | null> = {
  hold_seconds: 600,
  reps: MAX_REPS,
  contacts: 500,
  distance_m: 10_000,
  free: null,
};
