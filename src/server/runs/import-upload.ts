import { TRPCError } from "@trpc/server";
import { DomainError } from "@/lib/errors";
import type { DistanceUnit } from "@/lib/distance-units";
import { importSentence } from "@/lib/runs/import-wording";
import type { ImportLine } from "@/lib/runs/import-lines";
import { WorkerReadFailed } from "@/server/activity-import/reader-pool";
import { ActivityReadError } from "@/server/activity-import/types";
import type { Queryable } from "@/server/db/client";
import { currentRequestId, logger } from "@/server/logger";
import { importReadRun } from "./import-activity";
import { readUpload, type UploadReader } from "./read-upload";

// One upload (a file, or a zip of them) read file by file and each stored as a run, as a
// stream of lines for the page. A file that is not a run is a line with its sentence; the
// others in the same upload still import.

export type ImportTarget = { studioId: string; clientId: string; unit: DistanceUnit; timeZone: string };

const SERVER_SENTENCE = "could not be imported because of a fault on our side; try it again in a moment.";

export async function* importUpload(
  q: Queryable,
  target: ImportTarget,
  upload: { fileName: string; bytes: Uint8Array },
  now: Date,
  read: UploadReader = readUpload,
): AsyncGenerator<ImportLine> {
  const counts = { runs: 0, refused: 0, skipped: 0 };
  const inZipOf = (name: string) => (name === upload.fileName ? null : upload.fileName);
  try {
    for await (const item of read(upload.fileName, upload.bytes)) {
      if ("skipped" in item) {
        counts.skipped += 1;
        yield { file: item.skipped.name, inZip: upload.fileName, status: "skipped", sentence: `${item.skipped.name}: ${item.skipped.reason}` };
        continue;
      }
      const inZip = inZipOf(item.fileName);
      if (!item.ok) {
        counts.refused += 1;
        yield { file: item.fileName, inZip, status: "refused", sentence: `${item.fileName}: ${item.reason}` };
        continue;
      }
      try {
        const run = await importReadRun(q, target.studioId, target.clientId, item, now);
        counts.runs += 1;
        yield { file: item.fileName, inZip, status: run.kind, runId: run.runId, sentence: importSentence(run, { unit: target.unit, timeZone: target.timeZone, now }) };
      } catch (error) {
        counts.refused += 1;
        yield { file: item.fileName, inZip, status: "refused", sentence: refusalOf(error, item.fileName) };
      }
    }
  } catch (error) {
    counts.refused += 1;
    yield { file: upload.fileName, inZip: null, status: "refused", sentence: readerRefusalOf(error, upload.fileName) };
  }
  yield { file: upload.fileName, inZip: null, status: "finished", sentence: finishedSentence(upload.fileName, counts) };
}

// The reader gave up on the upload: the file's own fault (its sentence), or the reader's thread
// (it crashed or went silent on this file: said so, since trying again will not help).
function readerRefusalOf(error: unknown, fileName: string): string {
  if (error instanceof ActivityReadError) return `${fileName}: ${error.sentence}`;
  if (error instanceof WorkerReadFailed) {
    logger.warn({ requestId: currentRequestId(), err: error, fileName }, "run import: the reader failed on a file");
    return `${fileName} could not be read (${error.message.replace(/\.$/, "").toLowerCase()}): export it from the watch again, or send it to your coach.`;
  }
  return refusalOf(error, fileName);
}

// A refusal the person can act on is shown as it is (it names the file); a fault is logged and worded for them.
function refusalOf(error: unknown, fileName: string): string {
  if (error instanceof DomainError || (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR")) return error.message;
  logger.error({ requestId: currentRequestId(), err: error, fileName }, "run import failed");
  return `${fileName} ${SERVER_SENTENCE}`;
}

/** "archive.zip: 3 runs, 1 file refused, 2 skipped." */
export function finishedSentence(fileName: string, counts: { runs: number; refused: number; skipped: number }): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [plural(counts.runs, "run", "runs")];
  if (counts.refused) parts.push(`${plural(counts.refused, "file", "files")} refused`);
  if (counts.skipped) parts.push(`${plural(counts.skipped, "file", "files")} skipped (not an activity)`);
  return `${fileName}: ${parts.join(", ")}.`;
}
