import { describe, expect, it } from "vitest";
import { brandColorProblem, brandShades, contrastRatio, isReadableUnderWhiteText, normalizeHexColor } from "./brand-color";

describe("the brand colour", () => {
  it.each([
    ["#ffffff", "#000000", 21],
    ["#000000", "#000000", 1],
    ["#767676", "#ffffff", 4.54],
    ["#0f5e3f", "#ffffff", 7.8],
  ])("contrast of %s on %s is %s:1 (WCAG 2)", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1);
  });

  it.each([
    ["#0f5e3f", true],
    ["#767676", true], // 4.54: just passes
    ["#777777", false], // 4.48: just fails
    ["#ffff00", false],
    ["#1d4ed8", true],
    ["#ef4444", false],
  ])("white text on %s readable: %s", (hex, readable) => {
    expect(isReadableUnderWhiteText(hex)).toBe(readable);
  });

  it.each([" #0F5E3F ", "#abcdef"])("accepts %j as a hex colour", (text) => {
    expect(normalizeHexColor(text)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(["0f5e3f", "#0f5e3", "#0f5e3fa", "green", "#ggghhh", ""])("refuses %j with a sentence", (text) => {
    expect(normalizeHexColor(text)).toBeNull();
    expect(brandColorProblem(text)).toMatch(/six hex digits/);
  });

  it("says why a light colour is refused and what to do", () => {
    expect(brandColorProblem("#ffff00")).toBe("White text on #ffff00 has a contrast of 1.1:1; pick a darker colour (at least 4.5:1).");
    expect(brandColorProblem("#0f5e3f")).toBeNull();
  });

  it("derives the portal's shades around the colour itself", () => {
    const shades = brandShades("#0f5e3f");
    expect(shades["700"]).toBe("#0f5e3f");
    expect(contrastRatio(shades["50"], "#ffffff")).toBeLessThan(1.2);
    expect(contrastRatio(shades["800"], "#ffffff")).toBeGreaterThan(contrastRatio("#0f5e3f", "#ffffff"));
  });
});
