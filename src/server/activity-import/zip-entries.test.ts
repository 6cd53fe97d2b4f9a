import { deflateSync, gzipSync, Inflate, strToU8, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { CappedSink, INFLATE_PIECE, OverCapError } from "./capped-inflate";
import { ActivityReadError } from "./types";
import { expandZip, ZIP_LIMITS } from "./zip-entries";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve("test/fixtures/activities", name)));
const MB = 1024 * 1024;

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

function sentenceOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityReadError);
    return (error as ActivityReadError).sentence;
  }
  throw new Error("expected an ActivityReadError");
}

describe("expandZip", () => {
  it("returns the three activity files of a watch export and lists the json beside them as skipped", () => {
    const zip = zipSync({
      "export/": {},
      "export/morning.gpx": fixture("garmin-connect-run.gpx"),
      "export/evening.gpx": fixture("strava-run-two-segments.gpx"),
      "export/laps.TCX": fixture("garmin-run-laps.tcx"),
      "export/summary.json": strToU8('{"activities": 3}'),
    });
    const { entries, skipped } = expandZip(zip);
    expect(entries.map((e) => e.name).sort()).toEqual(["export/evening.gpx", "export/laps.TCX", "export/morning.gpx"]);
    expect(entries.find((e) => e.name === "export/laps.TCX")?.bytes).toEqual(fixture("garmin-run-laps.tcx"));
    expect(skipped).toEqual([{ name: "export/summary.json", reason: "It is not a FIT, GPX or TCX file." }]);
  });

  it("opens a zip written as a stream (sizes after the data, as macOS's Archive Utility writes them)", () => {
    // Made by Python's zipfile writing to an unseekable stream: general-purpose flag bit 3 set.
    const zip = fixture("streamed-export.zip");
    expect((zip[6] ?? 0) & 0x08).toBe(0x08);
    const { entries, skipped } = expandZip(zip);
    expect(entries.map((e) => [e.name, e.bytes.length])).toEqual([
      ["dd/garmin-connect-run.gpx", fixture("garmin-connect-run.gpx").length],
      ["dd/strava-run-two-segments.gpx", fixture("strava-run-two-segments.gpx").length],
      ["dd/garmin-run-laps.tcx", fixture("garmin-run-laps.tcx").length],
    ]);
    expect(entries[2]?.bytes).toEqual(fixture("garmin-run-laps.tcx"));
    expect(skipped).toEqual([{ name: "dd/notes.csv", reason: "It is not a FIT, GPX or TCX file." }]);
  });

  it("skips macOS's __MACOSX folder, dotfiles and nested zips, saying why", () => {
    const inner = zipSync({ "a.gpx": fixture("garmin-connect-run.gpx") });
    const zip = zipSync({
      "run.gpx": fixture("garmin-connect-run.gpx"),
      "__MACOSX/._run.gpx": strToU8("resource fork"),
      ".DS_Store": strToU8("finder"),
      "more.zip": inner,
      "strava/run.gpx.gz": gzipSync(fixture("strava-run-two-segments.gpx")),
    });
    const { entries, skipped } = expandZip(zip);
    expect(entries.map((e) => e.name).sort()).toEqual(["run.gpx", "strava/run.gpx.gz"]);
    expect(Object.fromEntries(skipped.map((s) => [s.name, s.reason]))).toEqual({
      "__MACOSX/._run.gpx": "It is a hidden or system file.",
      ".DS_Store": "It is a hidden or system file.",
      "more.zip": "It is a zip inside the zip, which Stride does not open: unzip it and upload what it holds.",
    });
  });

  it("refuses a zip with more entries than the cap", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 501; i++) files[`run-${i}.gpx`] = strToU8("<gpx/>");
    expect(sentenceOf(() => expandZip(zipSync(files)))).toBe(
      "The zip holds 501 files, more than the 500 Stride opens at once: split it into smaller zips.",
    );
  });

  it("skips an entry that honestly declares more than the per-file cap, and imports the rest", () => {
    const zip = zipSync({ "huge.fit": new Uint8Array(3 * MB), "run.gpx": fixture("garmin-connect-run.gpx") }, { level: 9 });
    const { entries, skipped } = expandZip(zip, { ...ZIP_LIMITS, maxEntryBytes: 2 * MB });
    expect(entries.map((e) => e.name)).toEqual(["run.gpx"]);
    expect(skipped).toEqual([{ name: "huge.fit", reason: "It is larger than 2 MB unpacked, more than any run needs." }]);
  });

  it("refuses a zip whose files declare more than the total cap together", () => {
    const zip = zipSync({ "a.fit": new Uint8Array(2 * MB), "b.fit": new Uint8Array(2 * MB) }, { level: 9 });
    expect(sentenceOf(() => expandZip(zip, { ...ZIP_LIMITS, maxTotalBytes: 3 * MB }))).toBe(
      "The zip unpacks to more than 3 MB: split it into smaller zips.",
    );
  });

  it("refuses a zip bomb whose headers lie: 30 MB of zeros declared as 1 KB, with a 25 MB cap", () => {
    const zip = lieAboutSizes(zipSync({ "bomb.fit": new Uint8Array(30 * MB) }, { level: 9 }), 1024);
    expect(zip.length).toBeLessThan(100 * 1024);
    expect(sentenceOf(() => expandZip(zip))).toBe(
      "The zip's files unpack to more than the zip says they hold, which is how a zip bomb works: it was not opened.",
    );
  });

  it("refuses a zip bomb that lies up to just under the cap but inflates past it", () => {
    const zip = lieAboutSizes(zipSync({ "bomb.gpx": new Uint8Array(30 * MB) }, { level: 9 }), 25 * MB - 1);
    expect(sentenceOf(() => expandZip(zip))).toMatch(/zip bomb/);
  });

  it("refuses what is not a zip, and a cut-off zip, with a sentence", () => {
    const damaged = "The zip file is damaged: make it again, or upload the files in it one by one.";
    expect(sentenceOf(() => expandZip(strToU8("PK\u0003\u0004 not really")))).toBe(damaged);
    const zip = zipSync({ "run.gpx": fixture("garmin-connect-run.gpx") });
    expect(sentenceOf(() => expandZip(zip.subarray(0, zip.length - 30)))).toBe(damaged);
  });

  it("returns nothing and nothing skipped for an empty zip", () => {
    expect(expandZip(zipSync({}))).toEqual({ entries: [], skipped: [] });
  });
});

describe("capped inflating", () => {
  it("stops within one piece of the cap, not after all of a bomb's output", () => {
    const compressed = deflateSync(new Uint8Array(30 * MB), { level: 9 });
    const sink = new CappedSink(MB);
    const inflate = new Inflate((chunk) => sink.add(chunk));
    let produced = 0;
    try {
      for (let at = 0; at < compressed.length; at += INFLATE_PIECE) inflate.push(compressed.subarray(at, at + INFLATE_PIECE));
    } catch (error) {
      expect(error).toBeInstanceOf(OverCapError);
      produced = (error as OverCapError).produced;
    }
    expect(produced).toBeGreaterThan(MB);
    expect(produced).toBeLessThan(MB + INFLATE_PIECE * 1100);
  });
});
