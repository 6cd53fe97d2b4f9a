import { describe, expect, it } from "vitest";
import { describePain, describeValues } from "./feel-summary";

describe("the pain chart in words", () => {
  it("says per place and side how often it hurt, the latest and the highest score", () => {
    const days = ["2026-11-30", "2026-12-01", "2026-12-03"];
    const lines = [
      { label: "right shin", points: [{ localDate: days[0]!, score: 0 }, { localDate: days[1]!, score: 0 }, { localDate: days[2]!, score: 2 }] },
      { label: "left knee", points: [{ localDate: days[0]!, score: 6 }, { localDate: days[1]!, score: 0 }, { localDate: days[2]!, score: 5 }] },
    ];
    expect(describePain(days, lines)).toBe(
      "Pain on 3 days with a body map, 0 to 10: right shin hurt on 1 day, latest 2/10 on 3 Dec, highest 2/10 on 3 Dec; left knee hurt on 2 days, latest 5/10 on 3 Dec, highest 6/10 on 30 Nov.",
    );
  });

  it("says when nothing hurt, and when no body map was answered", () => {
    expect(describePain(["2026-12-01"], [])).toBe("No pain marked on the 1 day with a body map.");
    expect(describePain([], [])).toBe("No check-in with a body map answered yet, so there is no pain to show.");
  });
});

describe("a scale or number chart in words", () => {
  it("says the latest answer and the average", () => {
    const points = [{ localDate: "2026-11-30", value: 6 }, { localDate: "2026-12-01", value: 7 }, { localDate: "2026-12-03", value: 4 }];
    expect(describeValues({ unit: null, points })).toBe("3 answers: latest 4 of 10 on 3 Dec, average 5.7 of 10.");
    expect(describeValues({ unit: "h", points: [{ localDate: "2026-11-29", value: 7.5 }] })).toBe("1 answer: latest 7.5 h on 29 Nov.");
    expect(describeValues({ unit: null, points: [] })).toBe("Not answered yet.");
  });
});
