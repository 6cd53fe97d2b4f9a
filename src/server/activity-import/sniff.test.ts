import { gzipSync, strToU8, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { sniffFormat } from "./sniff";
import { ActivityReadError } from "./types";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve("test/fixtures/activities", name)));

async function sentenceOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityReadError);
    return (error as ActivityReadError).sentence;
  }
  throw new Error("expected an ActivityReadError");
}

/** A FIT file's 14-byte header (and a few bytes after it): ".FIT" at offset 8 is what matters. */
function fitHeader(): Uint8Array {
  const bytes = new Uint8Array(40);
  bytes.set([14, 0x20, 0x5c, 0x08, 26, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54, 0, 0]);
  return bytes;
}

describe("sniffFormat", () => {
  it("knows GPX and TCX by their root element, whatever the name says", async () => {
    expect((await sniffFormat("run.gpx", fixture("garmin-connect-run.gpx"))).format).toBe("gpx");
    expect((await sniffFormat("activity.xml", fixture("strava-run-two-segments.gpx"))).format).toBe("gpx");
    expect((await sniffFormat("run.gpx", fixture("garmin-run-laps.tcx"))).format).toBe("tcx");
    // A comment, a BOM and a DOCTYPE before the root do not hide it (the reader refuses the DOCTYPE).
    expect((await sniffFormat("x", fixture("xxe.gpx"))).format).toBe("gpx");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('<?xml version="1.0"?>\n<!-- exported <today> --><tcx:TrainingCenterDatabase/>')]);
    expect((await sniffFormat("x", bom)).format).toBe("tcx");
  });

  it("knows FIT by its header and a zip by its magic number, and hands the bytes back", async () => {
    const fit = fitHeader();
    expect(await sniffFormat("renamed.txt", fit)).toEqual({ format: "fit", bytes: fit });
    const zip = zipSync({ "a.gpx": fixture("garmin-connect-run.gpx") });
    expect((await sniffFormat("export.zip", zip)).format).toBe("zip");
    expect((await sniffFormat("empty.zip", zipSync({}))).format).toBe("zip");
  });

  it("unpacks Strava's .gpx.gz and .fit.gz and sniffs what they hold", async () => {
    const gpx = fixture("strava-run-two-segments.gpx");
    expect(await sniffFormat("123.gpx.gz", gzipSync(gpx))).toEqual({ format: "gpx", bytes: gpx });
    expect((await sniffFormat("456.fit.gz", gzipSync(fitHeader()))).format).toBe("fit");
  });

  it("refuses a gzip that unpacks past the cap, counting the real bytes", async () => {
    const bomb = gzipSync(new Uint8Array(3 * 1024 * 1024), { level: 9 });
    expect(await sentenceOf(sniffFormat("bomb.gpx.gz", bomb, 1024 * 1024))).toBe(
      "The file unpacks to more than 1 MB, more than any run needs: it was not opened.",
    );
  });

  it("refuses a damaged gzip and a gzip inside a gzip", async () => {
    const gz = gzipSync(fixture("garmin-connect-run.gpx"));
    expect(await sentenceOf(sniffFormat("cut.gpx.gz", gz.subarray(0, 40)))).toBe("The file is a damaged gzip: export it again.");
    expect(await sentenceOf(sniffFormat("twice.gpx.gz.gz", gzipSync(gz)))).toBe(
      "The file is packed twice, which Stride does not open: unpack it and upload the file itself.",
    );
  });

  it("names a renamed photo and other files for what they are", async () => {
    const jpeg = new Uint8Array(await sharp({ create: { width: 4, height: 4, channels: 3, background: "#c33" } }).jpeg().toBuffer());
    expect(await sentenceOf(sniffFormat("run.fit", jpeg))).toBe("This is a JPEG image, not a FIT, GPX or TCX file.");
    const png = new Uint8Array(await sharp({ create: { width: 4, height: 4, channels: 3, background: "#3c3" } }).png().toBuffer());
    expect(await sentenceOf(sniffFormat("run.gpx", png))).toBe("This is a PNG image, not a FIT, GPX or TCX file.");
    const pdf = strToU8("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    expect(await sentenceOf(sniffFormat("run.tcx", pdf))).toBe("This is a PDF document, not a FIT, GPX or TCX file.");
  });

  it("refuses other XML, text, an empty file and a FIT cut inside its header", async () => {
    expect(await sentenceOf(sniffFormat("map.gpx", strToU8('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"/>')))).toBe(
      "This is an XML file with <kml> in it, so it is not a FIT, GPX or TCX file.",
    );
    expect(await sentenceOf(sniffFormat("summary.json", strToU8('{"distance": 5000}')))).toBe(
      "The file is not a FIT, GPX or TCX file: export the activity from the watch's app as one of those.",
    );
    expect(await sentenceOf(sniffFormat("run.fit", new Uint8Array()))).toBe("The file is empty.");
    expect(await sentenceOf(sniffFormat("run.fit", fitHeader().subarray(0, 10)))).toBe(
      "The file is cut short or damaged: export it from the watch again.",
    );
  });
});
