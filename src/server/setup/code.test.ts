import { describe, expect, it } from "vitest";
import { hashSetupCode, isSameCodeHash, newSetupCode, normalizeSetupCode } from "./code";

describe("set-up codes", () => {
  it("are two groups of four from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(newSetupCode()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(newSetupCode(new Uint8Array([0, 1, 2, 3, 28, 29, 30, 31]))).toBe("ABCD-6789");
    // 256 is a multiple of 32: byte 32 reads as byte 0.
    expect(newSetupCode(new Uint8Array([32, 33, 34, 35, 60, 61, 62, 255]))).toBe("ABCD-6789");
  });

  it("differ from one start to the next", () => {
    expect(new Set(Array.from({ length: 100 }, () => newSetupCode())).size).toBe(100);
  });

  it.each([
    ["K7QM-3XPA", "K7QM-3XPA"],
    ["k7qm-3xpa", "K7QM-3XPA"],
    [" K7QM 3XPA ", "K7QM-3XPA"],
    ["K7QM3XPA", "K7QM-3XPA"],
    ["K7-QM-3X-PA", "K7QM-3XPA"],
  ])("read %j as %s", (typed, code) => {
    expect(normalizeSetupCode(typed)).toBe(code);
  });

  it.each(["", "K7QM-3XP", "K7QM-3XPAB", "K7QM-3XP0", "K7QM-3XPI", "K7QM_3XPA", "K7QM-3XPÄ"])("refuse %j as no code at all", (typed) => {
    expect(normalizeSetupCode(typed)).toBeNull();
  });

  it("are compared by hash, the same code matching however it was typed", () => {
    const stored = hashSetupCode("K7QM-3XPA");
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(isSameCodeHash(stored, hashSetupCode(normalizeSetupCode("k7qm 3xpa")!))).toBe(true);
    expect(isSameCodeHash(stored, hashSetupCode("K7QM-3XPB"))).toBe(false);
    expect(isSameCodeHash(stored, "")).toBe(false);
  });
});
