import { describe, expect, it } from "vitest";
import { articleForNumber, formatDuration, withArticle } from "./wording";

describe("a or an before a number", () => {
  it.each([
    ["8.2", "an"],
    ["8", "an"],
    ["11", "an"],
    ["18", "an"],
    ["18.5", "an"],
    ["80", "an"],
    ["86.4", "an"],
    ["800", "an"],
    ["8000", "an"],
    ["11000", "an"],
    ["18000", "an"],
    ["1.5", "a"],
    ["1", "a"],
    ["10", "a"],
    ["12", "a"],
    ["110", "a"],
    ["180", "a"],
    ["1100", "a"],
    ["1800", "a"],
    ["111000", "a"],
    ["21", "a"],
    ["0.8", "a"],
    ["5", "a"],
    ["", "a"],
  ])("%s takes %s", (text, article) => {
    expect(articleForNumber(text)).toBe(article);
  });

  it("puts the article in front", () => {
    expect(`${withArticle("8.2")} km run`).toBe("an 8.2 km run");
    expect(`${withArticle("11")} km run`).toBe("an 11 km run");
    expect(`${withArticle("18")} km run`).toBe("an 18 km run");
    expect(`${withArticle("1.5")} km run`).toBe("a 1.5 km run");
  });
});

describe("durations", () => {
  it.each([
    { seconds: 12, expected: "0:12" },
    { seconds: 307, expected: "5:07" },
    { seconds: 299.6, expected: "5:00" },
    { seconds: 3725, expected: "1:02:05" },
  ])("$seconds s → $expected", ({ seconds, expected }) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
