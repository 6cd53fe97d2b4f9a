import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseTcx } from "./tcx";
import { ActivityReadError } from "./types";

const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/activities", name), "utf8");

function sentenceOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityReadError);
    return (error as ActivityReadError).sentence;
  }
  throw new Error("expected an ActivityReadError");
}

const tcxDoc = (activities: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>${activities}</Activities></TrainingCenterDatabase>`;
const trackpoint = (time: string, inner = "") => `<Trackpoint><Time>${time}</Time>${inner}</Trackpoint>`;
const lap = (trackpoints: string, totals = "") => `<Lap StartTime="2026-01-01T10:00:00Z">${totals}<Track>${trackpoints}</Track></Lap>`;

describe("parseTcx", () => {
  it("reads a Garmin TCX: every trackpoint, RunCadence doubled, lap totals, sport and the device's name", () => {
    const run = parseTcx(fixture("garmin-run-laps.tcx"));
    expect(run.format).toBe("tcx");
    expect(run.sport).toBe("running");
    expect(run.device).toBe("Forerunner 255");
    expect(run.points).toHaveLength(12);
    // The first trackpoint has no Position (GPS not locked yet) and is still a point of the run.
    expect(run.points[0]).toEqual({
      time: new Date("2026-11-10T06:45:03.000Z"),
      altitudeM: 519.2,
      distanceM: 0,
      heartRate: 118,
      cadenceSpm: 168,
      speedMps: 3.333,
    });
    expect(run.points[1]).toMatchObject({ lat: 48.13746, lon: 11.5754, distanceM: 40, heartRate: 121, cadenceSpm: 170 });
    expect(run.points.at(-1)).toMatchObject({ distanceM: 440, heartRate: 151 });
    expect(run.deviceTotals).toEqual({
      startedAt: new Date("2026-11-10T06:45:03.000Z"),
      movingS: 132,
      distanceM: 440,
      // (128 × 72 + 146 × 60) / 132
      avgHeartRate: 136,
      maxHeartRate: 151,
    });
  });

  it("reads a treadmill run: no positions, distance from the foot pod, plain <Cadence> per foot", () => {
    const points = [0, 1, 2].map((i) =>
      trackpoint(`2026-01-01T10:00:0${i}Z`, `<DistanceMeters>${i * 3}</DistanceMeters><Cadence>${88 + i}</Cadence>`),
    );
    const run = parseTcx(tcxDoc(`<Activity Sport="Running"><Id>2026-01-01T10:00:00Z</Id>${lap(points.join(""))}</Activity>`));
    expect(run.points.map((p) => [p.distanceM, p.cadenceSpm, p.lat])).toEqual([
      [0, 176, undefined],
      [3, 178, undefined],
      [6, 180, undefined],
    ]);
    expect(run.device).toBeNull();
  });

  it.each([
    ["Running", "running"],
    ["Biking", "cycling"],
    ["Other", null],
  ])("reads Sport=%s", (sport, expected) => {
    const run = parseTcx(
      tcxDoc(`<Activity Sport="${sport}">${lap(trackpoint("2026-01-01T10:00:00Z") + trackpoint("2026-01-01T10:00:01Z"))}</Activity>`),
    );
    expect(run.sport).toBe(expected);
  });

  it("takes the running activity of a multisport file", () => {
    const run = parseTcx(
      tcxDoc(
        `<Activity Sport="Biking">${lap(trackpoint("2026-01-01T09:00:00Z") + trackpoint("2026-01-01T09:00:01Z"))}</Activity>` +
          `<Activity Sport="Running">${lap(trackpoint("2026-01-01T10:00:00Z") + trackpoint("2026-01-01T10:00:01Z") + trackpoint("2026-01-01T10:00:02Z"))}</Activity>`,
      ),
    );
    expect(run.sport).toBe("running");
    expect(run.points).toHaveLength(3);
  });

  it("skips trackpoints without a time and drops implausible heart rates", () => {
    const run = parseTcx(
      tcxDoc(
        `<Activity Sport="Running">${lap(
          trackpoint("2026-01-01T10:00:00Z", "<HeartRateBpm><Value>300</Value></HeartRateBpm>") +
            "<Trackpoint><DistanceMeters>5</DistanceMeters></Trackpoint>" +
            trackpoint("2026-01-01T10:00:02Z", "<HeartRateBpm><Value>140</Value></HeartRateBpm>"),
        )}</Activity>`,
      ),
    );
    expect(run.points.map((p) => p.heartRate)).toEqual([undefined, 140]);
  });

  it("refuses a planned course (what a route planner exports) with a sentence", () => {
    const pos = (lat: number) => `<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>11.5</LongitudeDegrees></Position>`;
    const course = `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Courses><Course><Name>Sunday loop</Name><Track>${trackpoint("2026-01-01T10:00:00Z", pos(48.1))}${trackpoint("2026-01-01T10:00:10Z", pos(48.101))}</Track></Course></Courses></TrainingCenterDatabase>`;
    expect(sentenceOf(() => parseTcx(course))).toBe("The file holds a planned course, not a recorded run: export the activity instead.");
  });

  it.each([
    [tcxDoc(`<Activity Sport="Running">${lap(trackpoint("2026-01-01T10:00:00Z"))}</Activity>`), "The file has only one point: there is no run in it."],
    [tcxDoc(`<Activity Sport="Running">${lap("")}</Activity>`), "The file has no recorded points: there is no run in it."],
    [tcxDoc(""), "The file has no activity in it: there is no run to import."],
    ["<TrainingCenterDatabase><Activities>", /^The file is not a readable TCX file: .+\.$/],
    ['<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><TrainingCenterDatabase/>', /document type or XML entities/],
    ["<gpx/>", "The file is not a readable TCX file: its content is <gpx>, not <TrainingCenterDatabase>."],
  ])("refuses a TCX without a recorded run: %#", (text, expected) => {
    const sentence = sentenceOf(() => parseTcx(text));
    if (typeof expected === "string") expect(sentence).toBe(expected);
    else expect(sentence).toMatch(expected);
  });
});
