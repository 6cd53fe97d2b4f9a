import { describe, expect, it } from "vitest";
import {
  describeRun,
  formatDistance,
  formatPace,
  formatSpeed,
  metresOf,
  paceIn,
  parseDistance,
  perKmPaceIn,
  resolveDistanceUnit,
  shortDistance,
  shownIn,
} from "./distance-units";

const MAX = 300_000;

describe("whose unit", () => {
  it("is the person's own choice, else the studio's, else kilometres", () => {
    expect(resolveDistanceUnit("mi", "km")).toBe("mi");
    expect(resolveDistanceUnit("km", "mi")).toBe("km");
    expect(resolveDistanceUnit(null, "mi")).toBe("mi");
    expect(resolveDistanceUnit(undefined, undefined)).toBe("km");
  });
});

describe("a distance shown", () => {
  it.each([
    [5000, "km", "5.00 km"],
    [5000, "mi", "3.11 mi"],
    [4989, "km", "4.99 km"],
    [4989, "mi", "3.10 mi"],
    [12_000, "km", "12.0 km"],
    [21_097, "mi", "13.1 mi"],
    [9996, "km", "10.0 km"], // never "10.00"
    [800, "km", "0.80 km"],
    [1609, "mi", "1.00 mi"],
  ] as const)("%i m in %s is %s", (m, unit, expected) => {
    expect(formatDistance(m, unit)).toBe(expected);
  });

  it("to the decimals asked, and short for sentences", () => {
    expect(formatDistance(12_345, "mi", { decimals: 1 })).toBe("7.7 mi");
    expect(shortDistance(8200, "km")).toBe("8.2");
    expect(shortDistance(11_000, "km")).toBe("11");
    expect(shortDistance(18_040, "km")).toBe("18");
    expect(shortDistance(1500, "km")).toBe("1.5");
    expect(shortDistance(12_000, "mi")).toBe("7.5");
  });
});

describe("a pace shown", () => {
  it("per kilometre or per mile, in whole seconds that never read :60", () => {
    expect(formatPace(paceIn(5000, 1650, "km")!, "km")).toBe("5:30 /km");
    expect(formatPace(paceIn(5000, 1650, "mi")!, "mi")).toBe("8:51 /mi");
    expect(formatPace(359.6, "km")).toBe("6:00 /km");
    expect(formatPace(perKmPaceIn(330, "mi"), "mi")).toBe("8:51 /mi");
    expect(paceIn(0, 100, "km")).toBeNull();
  });

  it("a run in a sentence, and its speed", () => {
    expect(describeRun(5000, 1650, "km")).toBe("5.00 km in 27:30 (5:30 /km)");
    expect(describeRun(5000, 1650, "mi")).toBe("3.11 mi in 27:30 (8:51 /mi)");
    expect(describeRun(42_195, 3 * 3600 + 30, "mi")).toBe("26.2 mi in 3:00:30 (6:53 /mi)");
    expect(formatSpeed(10_000, 3600, "km")).toBe("10.0 km/h");
    expect(formatSpeed(10_000, 3600, "mi")).toBe("6.2 mph");
  });

  it("says which unit a page uses", () => {
    expect(shownIn("mi")).toBe("Distances shown in miles.");
    expect(shownIn("km")).toBe("Distances shown in kilometres.");
  });
});

describe("a distance typed", () => {
  it("in miles becomes metres, to a tenth", () => {
    expect(metresOf(3.1, "mi")).toBe(4989);
    expect(metresOf(1, "mi")).toBe(1609.3);
    expect(metresOf(5, "km")).toBe(5000);
    expect(metresOf(800, "m")).toBe(800);
    expect(parseDistance("3.1", "mi", MAX)).toEqual({ ok: true, value: 3.1, metres: 4989 });
  });

  it.each([
    ["3,1", "mi", 4989],
    [" 3.1 mi ", "mi", 4989],
    ["3.1 miles", "mi", 4989],
    ["5 km", "km", 5000],
    [".5", "km", 500],
    ["10.", "km", 10_000],
  ] as const)("reads %j in %s", (text, unit, metres) => {
    expect(parseDistance(text, unit, MAX)).toMatchObject({ ok: true, metres });
  });

  it.each([
    ["", "mi", "Enter the distance in miles, e.g. 3.1."],
    ["abc", "mi", "Enter the distance as a number of miles, e.g. 3.1."],
    ["3.1.2", "km", "Enter the distance as a number of kilometres, e.g. 5."],
    ["-3", "mi", "Enter the distance as a number of miles, e.g. 3.1."],
    ["0", "mi", "Enter a distance above 0 miles."],
    ["0.0001", "km", "Enter a distance above 0 kilometres."],
    ["5 km", "mi", "Enter the distance in miles (your setting in Account), e.g. 3.1."],
    ["800 m", "km", "Enter the distance in kilometres (your setting in Account), e.g. 5."],
    ["200", "mi", "186.4 mi is the longest run we record; check the distance."],
    ["301", "km", "300 km is the longest run we record; check the distance."],
  ] as const)("refuses %j in %s with a sentence", (text, unit, message) => {
    expect(parseDistance(text, unit, MAX)).toEqual({ ok: false, message });
  });

  it("round trip: a 5 km run typed in miles reads back as typed, and as ~5 km", () => {
    const typed = parseDistance("3.11", "mi", MAX);
    expect(typed.ok).toBe(true);
    const stored = Math.round(typed.ok ? typed.metres : 0);
    expect(stored).toBe(5005);
    expect(formatDistance(stored, "mi")).toBe("3.11 mi");
    expect(formatDistance(stored, "km")).toBe("5.01 km");
  });

  it("round trip: every hundredth of a mile up to 100 mi reads back as typed once stored in whole metres", () => {
    for (let hundredths = 1; hundredths <= 10_000; hundredths++) {
      const text = (hundredths / 100).toFixed(2);
      const typed = parseDistance(text, "mi", MAX);
      const stored = Math.round(typed.ok ? typed.metres : Number.NaN);
      expect(formatDistance(stored, "mi", { decimals: 2 })).toBe(`${text} mi`);
    }
  });
});
