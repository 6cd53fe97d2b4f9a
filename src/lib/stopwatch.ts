import { LOGGED_VALUE_LIMITS } from "./logged-value-limits";

/**
 * The Knee Drive stopwatch, as plain data so the React component only renders and taps.
 * The brief: hold the drill in slow motion until balance goes, note how long, then the other
 * side. So: tap to start the left side, tap when balance goes, the same on the right, done.
 *
 * Timestamps are milliseconds from one monotonic clock (`performance.now()` in the browser):
 * a wall clock can jump (NTP, a zone change) in the middle of a hold. The component owns the
 * clock and passes readings in; nothing here reads it.
 */

export type StopwatchSide = "left" | "right";

export const SIDE_ORDER: readonly StopwatchSide[] = ["left", "right"];

/** The longest hold we record (600 s); a forgotten running stopwatch stops there. */
export const MAX_HOLD_SECONDS = LOGGED_VALUE_LIMITS.hold_seconds?.max ?? 600;

export type Holds = { left: number | null; right: number | null };

export type StopwatchState =
  | { phase: "ready"; side: StopwatchSide; holds: Holds }
  | { phase: "running"; side: StopwatchSide; startedAtMs: number; holds: Holds }
  | { phase: "done"; holds: Holds };

// A hold is shown and stored to a tenth of a second: finer than a person can react, coarser than noise.
export function roundToTenth(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

// The seconds between the start and the stop tap, to 0.1 s, never below 0 nor above the longest hold we record.
export function elapsedSeconds(startedAtMs: number, stoppedAtMs: number): number {
  const seconds = roundToTenth(Math.max(0, stoppedAtMs - startedAtMs) / 1000);
  return Math.min(seconds, MAX_HOLD_SECONDS);
}

// Left first, then right, then done: the next side is the first one without a hold yet (so redoing left does not make the client redo right).
export function nextSide(holds: Holds): StopwatchSide | null {
  return SIDE_ORDER.find((side) => holds[side] === null) ?? null;
}

export function startStopwatch(): StopwatchState {
  return { phase: "ready", side: "left", holds: { left: null, right: null } };
}

// One big button: a tap starts the side that is ready, the next tap (balance lost) records it and readies the other side.
export function tapStopwatch(state: StopwatchState, atMs: number): StopwatchState {
  switch (state.phase) {
    case "ready":
      return { phase: "running", side: state.side, startedAtMs: atMs, holds: state.holds };
    case "running": {
      const holds = { ...state.holds, [state.side]: elapsedSeconds(state.startedAtMs, atMs) };
      const next = nextSide(holds);
      return next === null ? { phase: "done", holds } : { phase: "ready", side: next, holds };
    }
    case "done":
      return state;
  }
}

// The number on screen: the running time of the side in progress, or the side's recorded hold.
export function displaySeconds(state: StopwatchState, atMs: number): number | null {
  if (state.phase === "running") return elapsedSeconds(state.startedAtMs, atMs);
  if (state.phase === "ready") return state.holds[state.side];
  return null;
}

// A stopwatch left running past the longest hold is stopped for the client, at that hold.
export function hasReachedLimit(state: StopwatchState, atMs: number): boolean {
  return state.phase === "running" && elapsedSeconds(state.startedAtMs, atMs) >= MAX_HOLD_SECONDS;
}

// The client may correct a side before saving (a late tap); the corrected value is checked like any other when saved.
export function correctHold(state: StopwatchState, side: StopwatchSide, seconds: number | null): StopwatchState {
  const holds = { ...state.holds, [side]: seconds === null ? null : roundToTenth(seconds) };
  return { ...state, holds };
}

// Start one side again (a stumble in the first second): that side's hold is cleared and it is ready.
export function redoSide(state: StopwatchState, side: StopwatchSide): StopwatchState {
  return { phase: "ready", side, holds: { ...state.holds, [side]: null } };
}

/** The session entries for the holds recorded so far, one per side, for `logSessionInput`. */
export function holdsToEntries(
  holds: Holds,
  drillId: string,
  setNumber = 1,
): { drillId: string; setNumber: number; side: StopwatchSide; value: number }[] {
  return SIDE_ORDER.flatMap((side) => {
    const value = holds[side];
    return value === null ? [] : [{ drillId, setNumber, side, value }];
  });
}
