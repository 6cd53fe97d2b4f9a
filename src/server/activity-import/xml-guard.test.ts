import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { ActivityReadError } from "./types";
import { decodeXmlBytes, guardXml, parseGuardedXml } from "./xml-guard";

const fixture = (name: string) => readFileSync(path.resolve("test/fixtures/activities", name), "utf8");
const DECLARES =
  "The file declares a document type or XML entities, which activity files never need and Stride does not read: export it from the watch's app again.";
const NOT_TEXT =
  "The file is not text in UTF-8 or UTF-16, so it is not a GPX or TCX file: export it from the watch's app again.";

function sentenceOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ActivityReadError);
    return (error as ActivityReadError).sentence;
  }
  throw new Error("expected an ActivityReadError");
}

describe("guardXml", () => {
  it.each([
    ["an external entity (XXE)", fixture("xxe.gpx")],
    ["nested entities (billion laughs)", fixture("billion-laughs.gpx")],
    ["a DOCTYPE alone", '<?xml version="1.0"?><!doctype gpx SYSTEM "http://example.com/x.dtd"><gpx/>'],
    ["an ENTITY without a DOCTYPE", '<gpx><!ENTITY a "b"></gpx>'],
  ])("refuses %s before any parser sees it", (_, text) => {
    expect(sentenceOf(() => guardXml(text))).toBe(DECLARES);
    expect(sentenceOf(() => parseGuardedXml(text, "GPX", "gpx"))).toBe(DECLARES);
  });

  it("strips a BOM and keeps the rest", () => {
    expect(guardXml("\uFEFF<gpx/>")).toBe("<gpx/>");
  });

  it("refuses what does not start like XML, and text with NUL characters", () => {
    expect(sentenceOf(() => guardXml("lat,lon\n1,2"))).toBe(
      "The file is not XML, so it is not a GPX or TCX file: export it from the watch's app again.",
    );
    expect(sentenceOf(() => guardXml("<gpx>\u0000\u0000</gpx>"))).toBe(NOT_TEXT);
  });
});

describe("decodeXmlBytes", () => {
  const gpx = '<?xml version="1.0"?><gpx creator="Café Läufer"/>';
  const utf16le = (text: string) => {
    const out = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      out[2 * i] = text.charCodeAt(i) & 0xff;
      out[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    return out;
  };
  const swap = (bytes: Uint8Array) => bytes.map((_, i) => bytes[i % 2 === 0 ? i + 1 : i - 1] ?? 0);

  it("reads UTF-8 with and without a BOM", () => {
    const utf8 = new TextEncoder().encode(gpx);
    expect(decodeXmlBytes(utf8)).toBe(gpx);
    expect(decodeXmlBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(gpx);
  });

  it("reads UTF-16 in both byte orders, with and without a BOM", () => {
    const le = utf16le(gpx);
    expect(decodeXmlBytes(new Uint8Array([0xff, 0xfe, ...le]))).toBe(gpx);
    expect(decodeXmlBytes(le)).toBe(gpx);
    expect(decodeXmlBytes(new Uint8Array([0xfe, 0xff, ...swap(le)]))).toBe(gpx);
    expect(decodeXmlBytes(swap(le))).toBe(gpx);
  });

  it("reads Latin-1 only when the declaration says so", () => {
    const latin1 = Uint8Array.from('<?xml version="1.0" encoding="ISO-8859-1"?><gpx creator="Caf\xe9"/>', (c) => c.charCodeAt(0));
    expect(decodeXmlBytes(latin1)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><gpx creator="Café"/>');
    const undeclared = Uint8Array.from('<gpx creator="Caf\xe9"/>', (c) => c.charCodeAt(0));
    expect(sentenceOf(() => decodeXmlBytes(undeclared))).toBe(NOT_TEXT);
  });

  it("refuses binary garbage", () => {
    expect(sentenceOf(() => decodeXmlBytes(new Uint8Array([0x3c, 0xc3, 0x28, 0xff, 0xfe, 0xfd])))).toBe(NOT_TEXT);
  });
});

describe("parseGuardedXml", () => {
  it.each([
    ["<gpx><trk></gpx>", 'The file is not a readable GPX file: Opening and ending tag mismatch: "trk" != "gpx".'],
    ['<gpx creator="x><trk/></gpx>', /^The file is not a readable GPX file: .+\.$/],
    ["<gpx>&nbsp;</gpx>", /^The file is not a readable GPX file: entity not found/],
    ["<gpx/><gpx/>", /^The file is not a readable GPX file: .+\.$/],
    ["<kml/>", "The file is not a readable GPX file: its content is <kml>, not <gpx>."],
  ])("turns a parse error into a sentence: %s", (text, expected) => {
    const sentence = sentenceOf(() => parseGuardedXml(text, "GPX", "gpx"));
    if (typeof expected === "string") expect(sentence).toBe(expected);
    else expect(sentence).toMatch(expected);
  });

  it("gives a document for well-formed XML, namespaced roots included", () => {
    const doc = parseGuardedXml('<tcx:TrainingCenterDatabase xmlns:tcx="urn:x"/>', "TCX", "TrainingCenterDatabase");
    expect(doc.documentElement?.localName).toBe("TrainingCenterDatabase");
  });
});
