import type { MeasureKind } from "@/lib/drills/vocabulary";
import { MAX_TARGET_PER_SIDE } from "@/lib/drills/limits";

// Without zod, so the drill loggers in the browser read the limits without the log's schemas
// (session-input.ts re-exports them and checks against them).

/**
 * The range a logged value may take, per measure. The upper bounds are the ones a trainer may
 * set as a target (`MAX_TARGET_PER_SIDE`): a 10-minute single-leg hold or 500 hops is already
 * far past the method, so anything above is a slipped key. Holds and distances are kept to a
 * tenth (the stopwatch rounds to 0.1 s); counts are whole numbers. `free` drills take no number.
 */
export type ValueLimits = { min: number; max: number; step: 1 | 0.1 };

export const LOGGED_VALUE_LIMITS: Record<MeasureKind, ValueLimits | null> = {
  hold_seconds: { min: 0.1, max: requiredMax("hold_seconds"), step: 0.1 },
  reps: { min: 1, max: requiredMax("reps"), step: 1 },
  contacts: { min: 1, max: requiredMax("contacts"), step: 1 },
  distance_m: { min: 0.1, max: requiredMax("distance_m"), step: 0.1 },
  free: null,
};

function requiredMax(measure: MeasureKind): number {
  const max = MAX_TARGET_PER_SIDE[measure];
  if (max === null) throw new Error(`No upper bound for ${measure}`);
  return max;
}
