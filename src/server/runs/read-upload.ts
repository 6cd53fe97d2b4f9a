import { readActivityUpload } from "@/server/activity-import";
import type { ReadOutcome } from "@/server/activity-import/types";

// The one place the import takes its reader from: what an upload's bytes are, file by file (a
// zip's entries each in turn, named "<zip> › <path>"), read off the request thread by the
// readers' worker (src/server/activity-import/index.ts).

/** What the reader yields per file: a run or a refusal, or a zip's entry it left out. */
export type UploadItem = ReadOutcome | { skipped: { name: string; reason: string } };

export type UploadReader = (fileName: string, bytes: Uint8Array) => AsyncIterable<UploadItem>;

export const readUpload: UploadReader = async function* (fileName, bytes) {
  for await (const line of readActivityUpload(fileName, bytes, new Date())) {
    yield "skipped" in line ? { skipped: { name: line.fileName, reason: line.reason } } : line;
  }
};
