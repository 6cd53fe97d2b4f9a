import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

// Three copies disagreed on accents: the export's dropped them ("Crème" → "creme"), the drills'
// split the word ("cre-me") and the progress CSV's lost the letter ("cr-me"). The export's won.
describe("slugify", () => {
  it.each([
    ["Crème Brûlée", "creme-brulee"],
    ["Zoë O'Brien", "zoe-o-brien"],
    ["  Odd Slug!  ", "odd-slug"],
    ["李", "studio"],
    ["", "studio"],
  ])("%j → %s", (text, slug) => {
    expect(slugify(text, "studio")).toBe(slug);
  });

  it("cuts to a length without leaving a hyphen at the end", () => {
    expect(slugify("Single leg hop and hold", "drill", 11)).toBe("single-leg");
  });
});
