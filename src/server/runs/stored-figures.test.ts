import { describe, expect, it } from "vitest";
import { sampleSummary } from "~test/run-import-fixtures";
import { storedFigures, storedFileName } from "./stored-figures";

describe("storedFigures", () => {
  it("rounds to what the table stores", () => {
    const figures = storedFigures(sampleSummary({ distanceM: 10_200.6, movingS: 3100.4, elapsedS: 3200.5, groundContactBalanceLeft: 49.64, avgCadenceSpm: 171.6 }));
    expect(figures).toMatchObject({ distanceM: 10_201, durationS: 3100, elapsedS: 3201, groundContactBalanceLeft: 49.6, avgCadenceSpm: 172 });
  });

  it.each([
    { name: "no distance", summary: { distanceM: 0 } },
    { name: "over 300 km", summary: { distanceM: 300_001 } },
    { name: "no moving time", summary: { movingS: 0 } },
    { name: "over 48 hours", summary: { movingS: 172_801 } },
    { name: "not a number", summary: { distanceM: Number.NaN } },
  ])("is no run with $name", ({ summary }) => {
    expect(storedFigures(sampleSummary(summary))).toBeNull();
  });

  it("leaves out a figure outside what a body does, and keeps the run", () => {
    expect(storedFigures(sampleSummary({ avgHeartRate: 251, maxHeartRate: 19, avgCadenceSpm: 301, avgGroundContactMs: 49, groundContactBalanceLeft: 70.1 }))).toMatchObject({
      avgHeartRate: null,
      maxHeartRate: null,
      avgCadenceSpm: null,
      avgGroundContactMs: null,
      groundContactBalanceLeft: null,
      distanceM: 10_200,
    });
  });

  it("never stores a clock time shorter than the moving time", () => {
    expect(storedFigures(sampleSummary({ movingS: 3000, elapsedS: 2000 }))).toMatchObject({ durationS: 3000, elapsedS: 3000 });
  });
});

describe("storedFileName", () => {
  it.each([
    ["Morning_Run.fit", "Morning_Run.fit"],
    ["  activities/123.gpx.gz ", "activities/123.gpx"],
    ["tab\there.tcx", "tabhere.tcx"],
    ["export.zip › activities/123.fit", "activities/123.fit"],
    ["", "activity"],
    [`${"x".repeat(300)}.fit`, `${"x".repeat(196)}.fit`],
  ])("%j → %j", (name, stored) => {
    expect(storedFileName(name)).toBe(stored);
  });
});
