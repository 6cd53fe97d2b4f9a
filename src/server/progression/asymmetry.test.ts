import { describe, expect, it } from "vitest";

import { asymmetryPercent, asymmetryThresholdInput, evaluateAsymmetry } from "./asymmetry";

describe("asymmetryPercent = |L − R| / max(L, R) × 100", () => {
  it.each([
    { left: 40, right: 40, expected: 0 },
    { left: 40, right: 34, expected: 15 },
    { left: 34, right: 40, expected: 15 },
    { left: 20, right: 25, expected: 20 },
    { left: 30, right: 0, expected: 100, why: "a zero side is 100%" },
    { left: 0, right: 12, expected: 100, why: "a zero side is 100%" },
    { left: 0, right: 0, expected: 0, why: "both zero: nothing to compare, nothing to flag" },
    { left: 30, right: null, expected: null, why: "a side not logged is not a zero" },
    { left: null, right: null, expected: null },
  ])("L $left, R $right → $expected", ({ left, right, expected }) => {
    const percent = asymmetryPercent(left, right);
    if (expected === null) expect(percent).toBeNull();
    else expect(percent).toBeCloseTo(expected, 9);
  });

  it("refuses a negative side (a caller bug)", () => {
    expect(() => asymmetryPercent(-1, 3)).toThrow(RangeError);
  });
});

describe("evaluateAsymmetry", () => {
  it.each([
    { left: 40, right: 34, threshold: 15, isFlagged: false, weakerSide: "right", message: "Your left and right sides are close (15% apart)." },
    { left: 40, right: 33, threshold: 15, isFlagged: true, weakerSide: "right", message: "Your right side is 18% behind your left: give it extra work." },
    { left: 0, right: 25, threshold: 15, isFlagged: true, weakerSide: "left", message: "Your left side is 100% behind your right: give it extra work." },
    { left: 0, right: 0, threshold: 15, isFlagged: false, weakerSide: null, message: "Your left and right sides are even." },
    { left: 30, right: null, threshold: 15, isFlagged: false, weakerSide: null, message: "Log both sides to compare them." },
    { left: 20, right: 25, threshold: 25, isFlagged: false, weakerSide: "left", message: "Your left and right sides are close (20% apart)." },
    { left: 20, right: 25, threshold: 10, isFlagged: true, weakerSide: "left", message: "Your left side is 20% behind your right: give it extra work." },
  ] as const)("L $left R $right at $threshold% → flagged $isFlagged", ({ left, right, threshold, ...expected }) => {
    expect(evaluateAsymmetry(left, right, threshold)).toMatchObject(expected);
  });

  it("defaults to 15%", () => {
    expect(evaluateAsymmetry(100, 84).thresholdPercent).toBe(15);
    expect(evaluateAsymmetry(100, 84).isFlagged).toBe(true);
  });
});

describe("asymmetryThresholdInput", () => {
  it.each([
    { value: 15, ok: true },
    { value: 1, ok: true },
    { value: 100, ok: true },
    { value: 0, ok: false },
    { value: 12.5, ok: false },
    { value: 101, ok: false },
  ])("$value → $ok", ({ value, ok }) => {
    const result = asymmetryThresholdInput.safeParse(value);
    expect(result.success).toBe(ok);
    if (!ok) expect(result.error?.issues[0]?.message).toBe("Enter the threshold as a whole percentage from 1 to 100, e.g. 15.");
  });
});
