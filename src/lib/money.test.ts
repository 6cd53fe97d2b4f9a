import { describe, expect, it } from "vitest";
import { confirmPriceAboveMinor, CURRENCIES, formatMoney, fractionDigits, minorToDecimalString, monthlyMinor, needsPriceConfirmation, parseMoney } from "./money";

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

  // Each currency the app sells in, by its number of decimals, plus a three-decimal one
  // (KWD, not on sale) so the rule is proven for every kind of minor unit.
  const byDigits = { 0: ["JPY"], 2: CURRENCIES.filter((c) => fractionDigits(c) === 2), 3: ["KWD"] } as const;

  it("knows every currency it sells in: none has other than 0 or 2 decimals", () => {
    expect(CURRENCIES.filter((c) => ![0, 2].includes(fractionDigits(c)))).toEqual([]);
    expect(fractionDigits("KWD")).toBe(3);
  });

  it.each(byDigits[2].flatMap((currency) => [
    ["49,99", currency, 4999],
    ["49.99", currency, 4999],
    ["49,9", currency, 4990],
    ["0,05", currency, 5],
    ["1.234,50", currency, 123450],
    ["1,234.50", currency, 123450],
    ["1 234,50", currency, 123450],
    ["1\u00a0234,50", currency, 123450],
    ["1'234.50", currency, 123450],
    ["1,234,567", currency, 123456700],
    ["1.234.567,89", currency, 123456789],
    ["12345,6", currency, 1234560],
  ] as const))("reads %j %s (two decimals) as %i", (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ["5000", 5000],
    ["5,000", 5000],
    ["5.000", 5000],
    ["1,234,567", 1234567],
    ["1 000", 1000],
    ["49,999", 49999],
  ] as const)("reads %j JPY (no decimals) as %i", (text, minor) => {
    expect(parseMoney(text, "JPY")).toBe(minor);
  });

  it.each([
    ["1,5", 1500],
    ["1.5", 1500],
    ["12345,6", 12345600],
    ["1.234,567", 1234567],
    ["1,234.567", 1234567],
    ["1234,567", 1234567],
  ] as const)("reads %j KWD (three decimals) as %i", (text, minor) => {
    expect(parseMoney(text, "KWD")).toBe(minor);
  });

  it.each([
    // A comma or point before exactly three digits: a thousand, or decimals with a slipped key?
    ...byDigits[2].flatMap((currency) => [["1,234", currency] as const, ["1.234", currency] as const, ["0,500", currency] as const]),
    ["1,234", "KWD"],
    ["1.234", "KWD"],
  ] as const)("refuses the ambiguous %j %s, saying how to write it", (text, currency) => {
    expect(() => parseMoney(text, currency)).toThrow(/could be read two ways: type \d+ for a whole amount, or [\d.]+ with decimals\./);
  });

  it.each([
    ["1,2,3", "GBP", /separators/],
    ["1.234,5.6", "EUR", /separators/],
    ["12,34.5", "USD", /separators/],
    ["1,,5", "GBP", /such as 49/],
    ["49,", "GBP", /such as 49/],
    [",5", "GBP", /such as 49/],
    ["49,999", "KWD", /could be read two ways/],
    ["49,9999", "KWD", /at most 3 decimal places/],
    ["49,5", "JPY", /no decimal places/],
    ["1234,567", "GBP", /at most 2 decimal places/],
    ["10000000000", "GBP", /too high/],
    ["10.000.000", "EUR", /too high/],
    ["0,00", "EUR", /above zero/],
    ["€49", "EUR", /such as 49/],
  ] as const)("refuses %j %s with a sentence", (text, currency, message) => {
    expect(() => parseMoney(text, currency)).toThrow(message);
  });

  it("reads the largest price the columns hold, and no more", () => {
    expect(parseMoney("9.999.999,99", "GBP")).toBe(999_999_999);
    expect(() => parseMoney("10.000.000,00", "GBP")).toThrow("That price is too high; check the amount.");
  });

  it.each(CURRENCIES.map((c) => [c] as const))("asks to confirm a %s price above about £5,000, not at it", (currency) => {
    const limit = confirmPriceAboveMinor(currency);
    expect(needsPriceConfirmation(limit, currency)).toBe(false);
    expect(needsPriceConfirmation(limit + 1, currency)).toBe(true);
    // An ordinary monthly price never asks.
    expect(needsPriceConfirmation(parseMoney(fractionDigits(currency) ? "99,99" : "9999", currency), currency)).toBe(false);
  });

  it("asks to confirm £1,000,000 a month", () => {
    expect(needsPriceConfirmation(parseMoney("1.000.000", "GBP"), "GBP")).toBe(true);
  });

  it("counts a yearly price as a twelfth per month, rounded half up", () => {
    expect(monthlyMinor(4900, "month")).toBe(4900);
    expect(monthlyMinor(12000, "year")).toBe(1000);
    expect(monthlyMinor(100, "year")).toBe(8); // 8.33
    expect(monthlyMinor(102, "year")).toBe(9); // 8.5 → 9
  });
});
