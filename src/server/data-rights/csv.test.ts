import { describe, expect, it } from "vitest";
import { csvField, csvRow, isoInstant } from "./csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['a "quote"', '"a ""quote"""'],
    ["two\nlines", '"two\nlines"'],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    [0, "0"],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  // A spreadsheet runs a cell starting with = + - @ (or a tab / carriage return) as a formula.
  it.each([
    ["=HYPERLINK(\"http://evil.test\",\"click\")", `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tTAB", "'\tTAB"],
    ["-", "'-"],
  ])("defuses the formula %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("keeps negative numbers numbers (credit deltas, refunds)", () => {
    expect(csvField(-1)).toBe("-1");
    expect(csvField("-1")).toBe("-1");
    expect(csvField("-12.50")).toBe("-12.50");
  });

  it("writes dates as ISO instants in UTC to the second", () => {
    expect(csvField(new Date("2026-03-29T01:30:00.123Z"))).toBe("2026-03-29T01:30:00Z");
    expect(isoInstant(new Date("2026-10-25T00:00:00Z"))).toBe("2026-10-25T00:00:00Z");
  });

  it("ends each row with CRLF", () => {
    expect(csvRow(["a", null, "=b"])).toBe("a,,'=b\r\n");
  });
});
