import { describe, expect, it } from "vitest";
import { sampleFileRunFigures, sampleRunTrack } from "~test/run-track";
import { chartPoints, describeBalance, describeChart, describeSource, hasChart, niceAxis, runFigures, splitRows, splitsIn } from "./run-figures";

const track = sampleRunTrack();
const fileRun = sampleFileRunFigures(track);
const typedRun = { source: "typed" as const, distanceM: 5000, durationS: 1650, elapsedS: null, elevationGainM: null, avgHeartRate: null, maxHeartRate: null, avgCadenceSpm: null, avgGroundContactMs: null, groundContactBalanceLeft: null, avgVerticalOscillationMm: null, avgStrideLengthMm: null, device: null };

describe("a run's figures", () => {
  it("words the ground contact balance plainly, both feet adding to 100", () => {
    expect(describeBalance(49.2)).toBe("49.2 % left / 50.8 % right");
    expect(describeBalance(50)).toBe("50.0 % left / 50.0 % right");
    expect(describeBalance(53.45)).toBe("53.5 % left / 46.5 % right");
  });

  it("shows a typed run's distance, time and pace only", () => {
    expect(runFigures(typedRun, "km")).toEqual([
      { label: "Distance", value: "5.00 km" },
      { label: "Time", value: "27:30" },
      { label: "Average pace", value: "5:30 /km" },
      { label: "Recorded", value: "Typed" },
    ]);
  });

  it("shows a file run's running dynamics, in miles for a runner in miles", () => {
    const figures = Object.fromEntries(runFigures(fileRun, "mi").map((f) => [f.label, f.value]));
    expect(figures).toMatchObject({
      Distance: "4.97 mi",
      "Ground contact time": "241 ms",
      "Ground contact balance": "49.2 % left / 50.8 % right",
      "Vertical oscillation": "3.3 in",
      "Stride length": "3.87 ft",
      Cadence: "176 steps/min",
      "Max heart rate": `${fileRun.maxHeartRate} bpm`,
      Recorded: "Garmin Forerunner 255, from a file",
    });
    expect(figures["Moving time"]).toBeDefined();
    expect(figures["Elapsed time"]).toBeDefined();
    expect(figures["Average pace"]).toMatch(/^\d:\d\d \/mi$/);
    const km = Object.fromEntries(runFigures(fileRun, "km").map((f) => [f.label, f.value]));
    expect(km).toMatchObject({ "Vertical oscillation": "8.4 cm", "Stride length": "1.18 m" });
    expect(describeSource({ source: "file", device: null })).toBe("From a file");
  });
});

describe("splits and chart", () => {
  it("has 8 kilometre splits and 5 mile splits, the last one short and said so", () => {
    const km = splitRows(splitsIn(track, "km"), "km");
    expect(km).toHaveLength(8);
    expect(km[0]!.split).toBe("1");
    const mi = splitRows(splitsIn(track, "mi"), "mi");
    expect(mi).toHaveLength(5);
    expect(mi[4]!.split).toBe("5 (0.97 mi)");
    expect(mi[0]!.pace).toMatch(/ \/mi$/);
  });

  it("charts pace per unit and says the chart in words", () => {
    expect(hasChart(track)).toBe(true);
    expect(hasChart(null)).toBe(false);
    const points = chartPoints(track.series, "km");
    expect(points).toHaveLength(500);
    expect(points[499]!.distance).toBe(8);
    const text = describeChart(track, "km");
    expect(text).toMatch(/^Pace over 8\.00 km: 5:\d\d \/km in kilometre 1, 4:\d\d \/km in kilometre 8; fastest kilometre \d at 4:\d\d \/km\. Heart rate from \d+ to \d+ bpm\.$/);
  });
});

describe("niceAxis", () => {
  it("rounds paces out to whole quarter minutes, and widens the step for a long range", () => {
    expect(niceAxis([288, 301, null, 326], [15, 30, 60])).toEqual({ domain: [285, 330], ticks: [285, 300, 315, 330] });
    expect(niceAxis([240, 600], [15, 30, 60, 120])).toEqual({ domain: [240, 600], ticks: [240, 360, 480, 600] });
  });
  it("gives a flat series an axis around it, and none to no values", () => {
    expect(niceAxis([150, 150], [10, 20])).toEqual({ domain: [140, 160], ticks: [140, 150, 160] });
    expect(niceAxis([null], [10])).toBeNull();
  });
});
