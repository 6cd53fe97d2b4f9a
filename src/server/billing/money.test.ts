import { describe, expect, it } from "vitest";
import { formatMoney, minorToDecimalString, monthlyMinor, parseMoney } from "./money";

describe("money", () => {
  it.each([
    [4900, "GBP", "49.00"],
    [5, "EUR", "0.05"],
    [-1234, "USD", "-12.34"],
    [5000, "JPY", "5000"],
    [0, "GBP", "0.00"],
  ])("%i %s is %s", (minor, currency, text) => {
    expect(minorToDecimalString(minor, currency)).toBe(text);
  });

  it("formats with the locale's conventions, exactly", () => {
    expect(formatMoney(4900, "GBP")).toBe("£49.00");
    expect(formatMoney(1999, "EUR", "de-DE")).toBe("19,99\u00a0€");
    expect(formatMoney(5000, "JPY", "en-US")).toBe("¥5,000");
    // Beyond float precision: still exact.
    expect(formatMoney(900719925474099, "USD", "en-US")).toBe("$9,007,199,254,740.99");
  });

  it.each([
    ["49", "GBP", 4900],
    ["49.5", "GBP", 4950],
    ["49.99", "GBP", 4999],
    ["1,200.00", "USD", 120000],
    ["0.01", "EUR", 1],
    ["5000", "JPY", 5000],
  ])("reads %s %s as %i", (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ["", "GBP"],
    ["abc", "GBP"],
    ["49.999", "GBP"],
    ["-5", "GBP"],
    ["0", "GBP"],
    ["50.5", "JPY"],
  ])("refuses %j in %s with a message", (text, currency) => {
    expect(() => parseMoney(text, currency)).toThrow(/price|decimal/i);
  });

  it("counts a yearly price as a twelfth per month, rounded half up", () => {
    expect(monthlyMinor(4900, "month")).toBe(4900);
    expect(monthlyMinor(12000, "year")).toBe(1000);
    expect(monthlyMinor(100, "year")).toBe(8); // 8.33
    expect(monthlyMinor(102, "year")).toBe(9); // 8.5 → 9
  });
});
