import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseGpx } from "./gpx";
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

/** A minimal GPX 1.1 document around `body` (a <trk>…</trk> or other content). */
const gpxDoc = (body: string, attrs = 'creator="Test"') =>
  `<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" ${attrs} xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;
const pt = (lat: number, time: string, extra = "") => `<trkpt lat="${lat}" lon="13.35"><time>${time}</time>${extra}</trkpt>`;

describe("parseGpx", () => {
  it("reads a Garmin Connect export: positions, elevation, time, ns3: heart rate and cadence, sport and creator", () => {
    const run = parseGpx(fixture("garmin-connect-run.gpx"));
    expect(run.format).toBe("gpx");
    expect(run.sport).toBe("running");
    expect(run.device).toBe("Garmin Connect");
    expect(run.points).toHaveLength(16);
    expect(run.points[0]).toEqual({
      time: new Date("2026-11-08T07:31:12.000Z"),
      lat: 52.5145,
      lon: 13.3501,
      altitudeM: 35,
      heartRate: 112,
      // <ns3:cad>82</ns3:cad> is per foot: 164 steps a minute.
      cadenceSpm: 164,
    });
    expect(run.points.at(-1)?.time).toEqual(new Date("2026-11-08T07:33:42.000Z"));
    expect(run.points.at(-1)?.heartRate).toBe(142);
    expect(run.deviceTotals).toEqual({});
  });

  it("reads a Strava export: numeric type 9 is a run, gpxtpx: extensions, two segments joined in time order with the pause between", () => {
    const run = parseGpx(fixture("strava-run-two-segments.gpx"));
    expect(run.sport).toBe("running");
    expect(run.device).toBe("StravaGPX");
    expect(run.points).toHaveLength(16);
    expect(run.points.map((p) => p.heartRate)).toEqual(Array.from({ length: 16 }, (_, k) => 131 + k));
    expect(run.points[0]?.cadenceSpm).toBe(168);
    const gapS = ((run.points[8]?.time.getTime() ?? 0) - (run.points[7]?.time.getTime() ?? 0)) / 1000;
    expect(gapS).toBe(95);
  });

  it("reads an Apple Health style track: speed in plain extensions, no heart rate", () => {
    const ext = (v: number) => `<extensions><speed>${v}</speed><course>101.7</course><hAcc>1.8</hAcc></extensions>`;
    const run = parseGpx(
      gpxDoc(
        `<trk><name>Route</name><trkseg>${pt(32.06, "2019-12-15T20:19:55Z", `<ele>14.6</ele>${ext(1.31)}`)}${pt(32.0601, "2019-12-15T20:19:56Z", ext(1.32))}</trkseg></trk>`,
        'creator="Apple Health Export"',
      ),
    );
    expect(run.sport).toBeNull();
    expect(run.device).toBe("Apple Health Export");
    expect(run.points.map((p) => p.speedMps)).toEqual([1.31, 1.32]);
    expect(run.points[0]?.altitudeM).toBe(14.6);
    expect(run.points[1]?.altitudeM).toBeUndefined();
    expect(run.points[0]?.heartRate).toBeUndefined();
  });

  it("leaves cadence already written for both feet as it is", () => {
    const cad = (v: number) =>
      `<extensions><gpxtpx:TrackPointExtension xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"><gpxtpx:cad>${v}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>`;
    const run = parseGpx(gpxDoc(`<trk><trkseg>${pt(52.1, "2026-01-01T10:00:00Z", cad(172))}${pt(52.1001, "2026-01-01T10:00:01Z", cad(174))}</trkseg></trk>`));
    expect(run.points.map((p) => p.cadenceSpm)).toEqual([172, 174]);
  });

  it.each([
    ["Running", "running"],
    ["trail running", "trail_running"],
    ["TrailRunning", "trail_running"],
    ["1", "cycling"],
    ["cycling", "cycling"],
    ["42", null],
  ])("reads the sport from <type>%s</type>", (type, sport) => {
    const run = parseGpx(gpxDoc(`<trk><type>${type}</type><trkseg>${pt(52.1, "2026-01-01T10:00:00Z")}${pt(52.1001, "2026-01-01T10:00:05Z")}</trkseg></trk>`));
    expect(run.sport).toBe(sport);
  });

  it("keeps the right extensions on the right points when a point has no position", () => {
    const hr = (v: number) => `<extensions><hr>${v}</hr></extensions>`;
    const run = parseGpx(
      gpxDoc(
        `<trk><trkseg>${pt(52.1, "2026-01-01T10:00:00Z", hr(100))}<trkpt lat="" lon="13.35"><time>2026-01-01T10:00:01Z</time>${hr(101)}</trkpt>${pt(52.1002, "2026-01-01T10:00:02Z", hr(102))}</trkseg></trk>`,
      ),
    );
    expect(run.points.map((p) => [p.time.toISOString().slice(17), p.heartRate])).toEqual([
      ["00.000Z", 100],
      ["02.000Z", 102],
    ]);
  });

  it("reads a run dated 2099 as it is (validation says the clock is wrong)", () => {
    const run = parseGpx(fixture("dated-2099.gpx"));
    expect(run.points[0]?.time).toEqual(new Date("2099-06-01T08:00:00Z"));
  });

  it.each([
    ["one-point.gpx", "The file has only one point: there is no run in it."],
    ["xxe.gpx", /document type or XML entities/],
    ["billion-laughs.gpx", /document type or XML entities/],
  ])("refuses %s with a sentence", (name, expected) => {
    const sentence = sentenceOf(() => parseGpx(fixture(name)));
    if (typeof expected === "string") expect(sentence).toBe(expected);
    else expect(sentence).toMatch(expected);
  });

  it("never puts the contents of a file named by an external entity into a point", () => {
    // Even if the guard were bypassed, xmldom does not fetch SYSTEM entities; the guard makes sure.
    expect(() => parseGpx(fixture("xxe.gpx"))).toThrow(ActivityReadError);
  });

  it.each([
    [gpxDoc(""), "The file has no recorded track: there is no run in it."],
    [
      gpxDoc('<rte><rtept lat="1" lon="2"/><rtept lat="1.1" lon="2"/></rte>'),
      "The file holds a planned route, not a recorded run: export the activity instead.",
    ],
    [
      gpxDoc('<trk><trkseg><trkpt lat="1" lon="2"/><trkpt lat="1.1" lon="2"/></trkseg></trk>'),
      "Some points in the file have no time: it looks like a planned route, not a recorded run.",
    ],
    [gpxDoc(`<trk><trkseg>${pt(1, "yesterday")}${pt(1.1, "today")}</trkseg></trk>`), 'The file is not a readable GPX file: the time "yesterday" is not a date.'],
    ["<gpx><trk></gpx>", 'The file is not a readable GPX file: Opening and ending tag mismatch: "trk" != "gpx".'],
    ["<TrainingCenterDatabase/>", "The file is not a readable GPX file: its content is <TrainingCenterDatabase>, not <gpx>."],
  ])("refuses a GPX without a recorded run: %#", (text, sentence) => {
    expect(sentenceOf(() => parseGpx(text))).toBe(sentence);
  });
});

describe("parseGpx on a long file", () => {
  it("reads a 3-hour run with a point every second (the time is logged, not asserted)", () => {
    const start = Date.parse("2026-11-01T06:00:00Z");
    const points = Array.from(
      { length: 10_800 },
      (_, i) =>
        `<trkpt lat="${(52 + i * 0.00003).toFixed(7)}" lon="13.3500000"><ele>34.2</ele><time>${new Date(start + i * 1000).toISOString()}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>85</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>`,
    );
    const text = gpxDoc(`<trk><type>running</type><trkseg>${points.join("")}</trkseg></trk>`, 'creator="StravaGPX" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1"');
    const began = performance.now();
    const run = parseGpx(text);
    console.info(`parseGpx: ${run.points.length} points (${(text.length / 1e6).toFixed(1)} MB) in ${(performance.now() - began).toFixed(0)} ms`);
    expect(run.points).toHaveLength(10_800);
    expect(run.points.at(-1)).toMatchObject({ heartRate: 140, cadenceSpm: 170 });
  });
});
