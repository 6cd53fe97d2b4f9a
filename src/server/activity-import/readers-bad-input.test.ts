// Whatever bytes arrive, the XML readers, the sniffer and the zip opener answer with an
// ActivityReadError (a sentence for the client) or a result, never another exception: anything
// else thrown is a bug the import would turn into a failed upload with no sentence.
import fc from "fast-check";
import { gzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { parseGpx } from "./gpx";
import { sniffFormat } from "./sniff";
import { parseTcx } from "./tcx";
import { ActivityReadError } from "./types";
import { decodeXmlBytes } from "./xml-guard";
import { expandZip } from "./zip-entries";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve("test/fixtures/activities", name)));
const sources = [fixture("garmin-connect-run.gpx"), fixture("strava-run-two-segments.gpx"), fixture("garmin-run-laps.tcx")];

/** A fixture cut, with bytes overwritten and a stretch deleted: what a damaged upload looks like. */
const mangled = fc
  .record({
    source: fc.constantFrom(...sources),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    writes: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
    hole: fc.option(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) })),
  })
  .map(({ source, cut, writes, hole }) => {
    let bytes = source.slice(0, Math.max(1, Math.round(source.length * cut)));
    for (const { at, byte } of writes) bytes[Math.floor(at * (bytes.length - 1))] = byte;
    if (hole) {
      const start = Math.floor(hole.at * bytes.length);
      bytes = new Uint8Array([...bytes.subarray(0, start), ...bytes.subarray(start + hole.length)]);
    }
    return bytes;
  });

function onlySentences(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ActivityReadError)) throw error;
    expect(error.sentence).toMatch(/^[A-Z].*[.]$/);
  }
}

describe("the XML readers and the zip opener on damaged bytes", () => {
  it("parseGpx and parseTcx throw only sentences", () => {
    fc.assert(
      fc.property(mangled, (bytes) => {
        onlySentences(() => parseGpx(decodeXmlBytes(bytes)));
        onlySentences(() => parseTcx(decodeXmlBytes(bytes)));
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it("expandZip throws only sentences on a damaged zip", () => {
    const zip = zipSync({ "a.gpx": sources[0] ?? new Uint8Array(), "b.tcx": sources[2] ?? new Uint8Array() });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: zip.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
        fc.nat({ max: zip.length }),
        (writes, cut) => {
          const bytes = zip.slice(0, Math.max(22, cut));
          for (const { at, byte } of writes) if (at < bytes.length) bytes[at] = byte;
          onlySentences(() => expandZip(bytes));
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });

  it("sniffFormat throws only sentences, gzipped or not", async () => {
    await fc.assert(
      fc.asyncProperty(mangled, fc.boolean(), async (bytes, gzip) => {
        const input = gzip ? gzipSync(bytes).subarray(0, Math.max(2, bytes.length % 97)) : bytes;
        try {
          await sniffFormat("upload.gpx", input);
        } catch (error) {
          if (!(error instanceof ActivityReadError)) throw error;
        }
      }),
      { numRuns: 200, seed: 19 },
    );
  });
});
