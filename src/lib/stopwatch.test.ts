import { describe, expect, it } from "vitest";

import {
  correctHold,
  displaySeconds,
  elapsedSeconds,
  hasReachedLimit,
  holdsToEntries,
  MAX_HOLD_SECONDS,
  nextSide,
  redoSide,
  roundToTenth,
  startStopwatch,
  tapStopwatch,
  type StopwatchState,
} from "./stopwatch";

describe("elapsedSeconds", () => {
  it.each([
    { start: 1_000, stop: 33_540, expected: 32.5, why: "32.54 s rounds down" },
    { start: 1_000, stop: 33_550, expected: 32.6, why: "32.55 s rounds up" },
    { start: 0, stop: 49, expected: 0, why: "a double tap is 0 s (refused when saved)" },
    { start: 5_000, stop: 4_000, expected: 0, why: "a stop before the start never goes negative" },
    { start: 0, stop: 700_000, expected: 600, why: "capped at the longest hold we record" },
    { start: 123.4, stop: 10_123.4, expected: 10, why: "fractional milliseconds from performance.now()" },
  ])("$start → $stop ms is $expected s ($why)", ({ start, stop, expected }) => {
    expect(elapsedSeconds(start, stop)).toBe(expected);
  });

  it("rounds to a tenth", () => {
    expect(roundToTenth(12.345)).toBe(12.3);
    expect(roundToTenth(0.05)).toBe(0.1);
  });
});

describe("tapStopwatch: left, then right, then done", () => {
  it("runs both sides in order", () => {
    const steps: StopwatchState[] = [startStopwatch()];
    const tap = (at: number) => {
      const last = steps.at(-1);
      if (!last) throw new Error("no state");
      steps.push(tapStopwatch(last, at));
    };
    tap(0); // start left
    tap(31_200); // balance lost on the left
    tap(45_000); // start right
    tap(72_100); // balance lost on the right
    expect(steps.map((s) => (s.phase === "done" ? "done" : `${s.phase} ${s.side}`))).toEqual([
      "ready left",
      "running left",
      "ready right",
      "running right",
      "done",
    ]);
    expect(steps.at(-1)?.holds).toEqual({ left: 31.2, right: 27.1 });
    expect(tapStopwatch(steps.at(-1) as StopwatchState, 99_000)).toBe(steps.at(-1));
  });

  it("shows the running time, then the recorded hold", () => {
    const running = tapStopwatch(startStopwatch(), 1_000);
    expect(displaySeconds(running, 11_000)).toBe(10);
    const stopped = tapStopwatch(running, 21_000);
    expect(displaySeconds(stopped, 50_000)).toBe(null); // right is ready, nothing held yet
    expect(displaySeconds(redoSide(stopped, "right"), 0)).toBe(null);
  });

  it("redoing the left side after both were held ends at done again, keeping the right", () => {
    let state: StopwatchState = { phase: "done", holds: { left: 2.1, right: 30 } };
    state = redoSide(state, "left");
    expect(state).toEqual({ phase: "ready", side: "left", holds: { left: null, right: 30 } });
    state = tapStopwatch(tapStopwatch(state, 0), 28_000);
    expect(state).toEqual({ phase: "done", holds: { left: 28, right: 30 } });
  });

  it("lets the client correct a side before saving", () => {
    const state = correctHold({ phase: "done", holds: { left: 31.2, right: 27.1 } }, "right", 26.04);
    expect(state.holds).toEqual({ left: 31.2, right: 26 });
  });

  it("tells the component when a forgotten stopwatch reached the limit", () => {
    const running = tapStopwatch(startStopwatch(), 0);
    expect(hasReachedLimit(running, (MAX_HOLD_SECONDS - 1) * 1000)).toBe(false);
    expect(hasReachedLimit(running, MAX_HOLD_SECONDS * 1000)).toBe(true);
  });

  it.each([
    { holds: { left: null, right: null }, expected: "left" },
    { holds: { left: 30, right: null }, expected: "right" },
    { holds: { left: null, right: 30 }, expected: "left" },
    { holds: { left: 30, right: 30 }, expected: null },
  ])("next side for $holds is $expected", ({ holds, expected }) => {
    expect(nextSide(holds)).toBe(expected);
  });
});

describe("holdsToEntries", () => {
  it("gives one entry per held side, ready for the session input", () => {
    expect(holdsToEntries({ left: 31.2, right: null }, "drill-1", 2)).toEqual([
      { drillId: "drill-1", setNumber: 2, side: "left", value: 31.2 },
    ]);
  });
});
