import { describe, expect, it } from "vitest";
import { describeAsymmetry } from "./chart-summary";

describe("the asymmetry chart in words", () => {
  it("says the latest and largest gap and how often it passed the threshold", () => {
    const points = [
      { localDate: "2026-03-01", asymmetry: 8 },
      { localDate: "2026-03-02", asymmetry: null },
      { localDate: "2026-03-03", asymmetry: 24.4 },
      { localDate: "2026-03-04", asymmetry: 16 },
      { localDate: "2026-03-05", asymmetry: 11.6 },
    ];
    expect(describeAsymmetry(points, 15)).toBe("Left/right gap on 4 days with both sides logged: latest 12% on 5 Mar, largest 24% on 3 Mar. Above the 15% threshold on 2 days.");
  });

  it("says when the gap never passed the threshold, and when there is one day only", () => {
    expect(describeAsymmetry([{ localDate: "2026-03-01", asymmetry: 4 }], 15)).toBe("Left/right gap on 1 day with both sides logged: latest 4% on 1 Mar. Never above the 15% threshold.");
  });

  it("says there is nothing to show before both sides are logged on one day", () => {
    expect(describeAsymmetry([{ localDate: "2026-03-01", asymmetry: null }], 15)).toBe("No day yet with both sides logged, so there is no left/right gap to show.");
  });
});
