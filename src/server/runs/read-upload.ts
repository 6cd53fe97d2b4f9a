import type { ReadOutcome } from "@/server/activity-import/types";

// The one place the import takes its reader from: what an upload's bytes are, file by file (a
// zip's entries each in turn). The readers (src/server/activity-import/read.ts, in a worker
// thread) are not on this branch yet; until they are, every file is answered as unreadable.

/** What the reader yields per file: a run or a refusal, or a zip's entry it left out. */
export type UploadItem = ReadOutcome | { skipped: { name: string; reason: string } };

export type UploadReader = (fileName: string, bytes: Uint8Array) => AsyncIterable<UploadItem>;

// TODO(issue 19): readActivityUpload from src/server/activity-import/read.ts once it is on main.
export const readUpload: UploadReader = async function* (fileName) {
  yield { ok: false, fileName, reason: "Files from a watch cannot be read yet on this server." };
};
