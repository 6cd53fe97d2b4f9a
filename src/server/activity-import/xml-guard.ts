// Before a GPX or TCX file reaches an XML parser: text in a known encoding, and no document type
// or entity declarations. A DOCTYPE is how an XML file reaches outside itself (an external entity
// naming file:///etc/passwd, XXE) or multiplies itself into gigabytes (entities referring to
// entities, "billion laughs"); no watch or app writes one into an activity file, so refusing it
// costs nobody a run and leaves the parser nothing dangerous to resolve.
import { DOMParser, type Document } from "@xmldom/xmldom";

import { ActivityReadError } from "./types";

const NOT_TEXT =
  "The file is not text in UTF-8 or UTF-16, so it is not a GPX or TCX file: export it from the watch's app again.";

/** The encodings an activity file may declare that we decode besides UTF-8 and UTF-16. */
const LATIN1 = new Set(["iso-8859-1", "latin1", "latin-1", "windows-1252", "us-ascii", "ascii"]);

/** Bytes of a GPX or TCX file → its text, BOM removed; refuses what is not text. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    // UTF-16 without a BOM still starts with "<" and a zero byte (or the other way round).
    else if (bytes[0] === 0x3c && bytes[1] === 0x00) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    else if (bytes[0] === 0x00 && bytes[1] === 0x3c) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    else text = decodeEightBit(bytes);
  } catch (error) {
    if (error instanceof ActivityReadError) throw error;
    throw new ActivityReadError(NOT_TEXT);
  }
  return text;
}

function decodeEightBit(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Some older tools write Latin-1 and say so in the declaration; honour only that.
    const head = new TextDecoder("latin1").decode(body.subarray(0, 200));
    const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
    if (start === 0 && declared && LATIN1.has(declared)) return new TextDecoder("latin1").decode(body);
    throw new ActivityReadError(NOT_TEXT);
  }
}

/** Refuses what must never reach the parser; returns the text without a BOM. */
export function guardXml(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A NUL is never in XML text: this is a binary file (or UTF-32) named .gpx.
  if (body.includes("\u0000")) throw new ActivityReadError(NOT_TEXT);
  if (!/^\s*</.test(body)) {
    throw new ActivityReadError("The file is not XML, so it is not a GPX or TCX file: export it from the watch's app again.");
  }
  if (/<!DOCTYPE/i.test(body) || /<!ENTITY/i.test(body)) {
    throw new ActivityReadError(
      "The file declares a document type or XML entities, which activity files never need and Stride does not read: export it from the watch's app again.",
    );
  }
  return body;
}

/**
 * The guarded text as an xmldom document whose root is `rootName`; any parse error (xmldom's
 * `error` and `fatalError`, not its warnings) becomes "The file is not a readable GPX file: …".
 */
export function parseGuardedXml(text: string, label: "GPX" | "TCX", rootName: string): Document {
  const body = guardXml(text);
  const unreadable = (why: string) => new ActivityReadError(`The file is not a readable ${label} file: ${why}.`);
  let doc: Document;
  try {
    doc = new DOMParser({
      // Line and column on every node cost about half the parse of a 3-hour file; the sentence does without them.
      locator: false,
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(body, "text/xml");
  } catch (error) {
    throw unreadable(describeParseError(error));
  }
  const root = doc.documentElement;
  if (!root) throw unreadable("it has no root element");
  if (root.localName !== rootName) throw unreadable(`its content is <${root.localName}>, not <${rootName}>`);
  return doc;
}

/** xmldom's message, first line, without its "[xmldom error]" tag. */
function describeParseError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const first = (raw.split("\n")[0] ?? "")
    .replace(/\[xmldom [a-zA-Z]+\]\s*/g, "")
    .replace(/\b(?:Error|ParseError): /g, "")
    .replace(/^Reporting \w+ "/, "")
    .replace(/" caused .*$/, "")
    .trim()
    .replace(/\.$/, "");
  return first.length > 0 && first.length < 160 ? first : "the XML is broken";
}
