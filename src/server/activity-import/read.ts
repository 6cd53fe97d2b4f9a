// One upload, read: a file is sniffed by its bytes, read by its format's reader, checked and
// summarized; a zip is opened and each of its activity files read the same way, one by one, so
// a bad file says why and the others still import. Pure apart from the clock passed in: the
// worker thread (read-worker.ts) runs it, and tests call it directly.
import { parseFit } from "./fit";
import { parseGpx } from "./gpx";
import { sniffFormat } from "./sniff";
import { summarizeActivity } from "./summarize";
import { parseTcx } from "./tcx";
import { ActivityReadError, type ActivityFormat, type ParsedActivity, type ReadOutcome } from "./types";
import { validateActivity } from "./validate";
import { decodeXmlBytes } from "./xml-guard";
import { expandZip } from "./zip-entries";

/** A file of a zip that is not an activity (a watch export's json, a folder's dotfile): listed, not refused. */
export type SkippedLine = { ok: false; skipped: true; fileName: string; reason: string };
export type UploadLine = ReadOutcome | SkippedLine;

/** The longest a file's name is shown and stored; a zip's entry is named `<zip> › <path>`. */
const MAX_NAME = 200;

export function shownFileName(name: string): string {
  // A name is shown and stored: no control characters.
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "unnamed file";
  return clean.length > MAX_NAME ? `${clean.slice(0, MAX_NAME - 1)}…` : clean;
}

export async function* readUpload(fileName: string, bytes: Uint8Array, now: Date): AsyncGenerator<UploadLine> {
  const name = shownFileName(fileName);
  let sniffed;
  try {
    sniffed = await sniffFormat(name, bytes);
  } catch (error) {
    yield refused(name, error);
    return;
  }
  if (sniffed.format !== "zip") {
    yield readActivity(name.replace(/\.gz$/i, ""), sniffed.format, sniffed.bytes, now);
    return;
  }
  let expansion;
  try {
    expansion = expandZip(sniffed.bytes);
  } catch (error) {
    yield refused(name, error);
    return;
  }
  for (const skipped of expansion.skipped) yield { ok: false, skipped: true, fileName: shownFileName(`${name} › ${skipped.name}`), reason: skipped.reason };
  if (expansion.entries.length === 0) {
    yield { ok: false, fileName: name, reason: "The zip holds no FIT, GPX or TCX file." };
    return;
  }
  for (const entry of expansion.entries) {
    const entryName = shownFileName(`${name} › ${entry.name}`);
    let inner;
    try {
      inner = await sniffFormat(entry.name, entry.bytes);
    } catch (error) {
      yield refused(entryName, error);
      continue;
    }
    if (inner.format === "zip") {
      yield { ok: false, skipped: true, fileName: entryName, reason: "A zip inside the zip is not opened: upload it on its own." };
      continue;
    }
    yield readActivity(entryName.replace(/\.gz$/i, ""), inner.format, inner.bytes, now);
  }
}

function readActivity(fileName: string, format: ActivityFormat, bytes: Uint8Array, now: Date): ReadOutcome {
  try {
    const parsed = parseAs(format, bytes);
    validateActivity(parsed, now);
    const { summary, track } = summarizeActivity(parsed);
    return { ok: true, fileName, format, bytes, summary, track };
  } catch (error) {
    return refused(fileName, error);
  }
}

function parseAs(format: ActivityFormat, bytes: Uint8Array): ParsedActivity {
  if (format === "fit") return parseFit(bytes);
  const text = decodeXmlBytes(bytes);
  return format === "gpx" ? parseGpx(text) : parseTcx(text);
}

/** Said for a file a reader failed on unexpectedly: the bug is logged, the upload's other files go on. */
export const READER_FAULT = "Stride could not read this file because of a fault on our side (it is logged): try again later, or export it as GPX or TCX.";

function refused(fileName: string, error: unknown): { ok: false; fileName: string; reason: string } {
  if (error instanceof ActivityReadError) return { ok: false, fileName, reason: error.sentence };
  console.error(`Reading ${fileName} failed:`, error);
  return { ok: false, fileName, reason: READER_FAULT };
}
