import { describe, expect, it } from "vitest";
import { normalizeSlug, slugProblem } from "./studio-slug";

describe("a studio's public address", () => {
  it.each(["riverside-running", "abc", "studio-42", " Riverside-Running "])("accepts %j", (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it("is stored lowercase and trimmed", () => {
    expect(normalizeSlug(" Riverside-Running ")).toBe("riverside-running");
  });

  it.each([
    ["ab", /3 to 60 characters/],
    ["a".repeat(61), /3 to 60 characters/],
    ["river side", /single hyphens/],
    ["-river", /single hyphens/],
    ["river-", /single hyphens/],
    ["river--side", /single hyphens/],
    ["zoë-runs", /single hyphens/],
    ["river/side", /single hyphens/],
    ["new", /reserved/],
    ["admin", /reserved/],
  ])("refuses %j with a sentence", (slug, message) => {
    expect(slugProblem(slug)).toMatch(message);
  });
});
