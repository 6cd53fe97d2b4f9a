import { parseFit } from "@/server/activity-import/fit";
import { parseGpx } from "@/server/activity-import/gpx";
import { sniffFormat } from "@/server/activity-import/sniff";
import { summarizeActivity } from "@/server/activity-import/summarize";
import { parseTcx } from "@/server/activity-import/tcx";
import { ActivityReadError, type ReadOutcome } from "@/server/activity-import/types";
import { validateActivity } from "@/server/activity-import/validate";
import { decodeXmlBytes } from "@/server/activity-import/xml-guard";
import { expandZip } from "@/server/activity-import/zip-entries";

// The one place the import takes its reader from: what an upload's bytes are, file by file (a
// zip's entries each in turn). Until the readers' own entry (src/server/activity-import/read.ts,
// in a worker thread) is on this branch, this composes them in process: sniff, unzip, parse,
// validate, summarize.

/** What the reader yields per file: a run or a refusal, or a zip's entry it left out. */
export type UploadItem = ReadOutcome | { skipped: { name: string; reason: string } };

export type UploadReader = (fileName: string, bytes: Uint8Array) => AsyncIterable<UploadItem>;

// TODO(issue 19): readActivityUpload from src/server/activity-import/read.ts (the worker thread) once it is on main.
export const readUpload: UploadReader = async function* (fileName, bytes) {
  const now = new Date();
  const sniffed = await refusalOr(fileName, () => sniffFormat(fileName, bytes));
  if ("reason" in sniffed) return yield sniffed;
  if (sniffed.format !== "zip") return yield await readOne(fileName, bytes, now);
  // A zip that cannot be opened (a bomb, damaged) refuses the whole upload with its sentence.
  const { entries, skipped } = expandZip(sniffed.bytes);
  for (const entry of skipped) yield { skipped: entry };
  for (const entry of entries) yield await readOne(entry.name, entry.bytes, now);
};

async function refusalOr<T>(fileName: string, read: () => Promise<T>): Promise<T | Extract<ReadOutcome, { ok: false }>> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ActivityReadError) return { ok: false, fileName, reason: error.sentence };
    throw error;
  }
}

async function readOne(fileName: string, bytes: Uint8Array, now: Date): Promise<ReadOutcome> {
  return refusalOr(fileName, async (): Promise<ReadOutcome> => {
    const sniffed = await sniffFormat(fileName, bytes);
    if (sniffed.format === "zip") throw new ActivityReadError("This is a zip inside the zip, which Stride does not open: upload it on its own.");
    const parsed = sniffed.format === "fit" ? parseFit(sniffed.bytes) : sniffed.format === "gpx" ? parseGpx(decodeXmlBytes(sniffed.bytes)) : parseTcx(decodeXmlBytes(sniffed.bytes));
    validateActivity(parsed, now);
    const { summary, track } = summarizeActivity(parsed);
    // The activity file itself is kept (a .gpx.gz's GPX), so the export opens in any app.
    return { ok: true, fileName, format: sniffed.format, bytes: sniffed.bytes, summary, track };
  });
}
