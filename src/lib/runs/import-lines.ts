import type { ImportOutcomeKind } from "./import-wording";

// The answer of POST /api/runs/import, one JSON object a line (application/x-ndjson), written
// as each file is read, so the import page shows each file's outcome as soon as it is known.
// Shared by the route that writes it and the page that reads it.

/** The request header naming the file (URI-encoded: names have spaces and accents). */
export const FILE_NAME_HEADER = "x-file-name";

/** The most a single file may be; a zip of them (a watch's bulk export) may be larger. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_ZIP_BYTES = 100 * 1024 * 1024;

/** One line of the answer. `file` is the name the person knows it by (a zip's entry by its name in the zip). */
export type ImportLine =
  /** A file stored as a run (or recognised as one already stored). */
  | { file: string; inZip: string | null; status: ImportOutcomeKind; runId: string; sentence: string }
  /** A file that is not a run (or could not be stored), with the sentence naming it. */
  | { file: string; inZip: string | null; status: "refused"; sentence: string }
  /** A zip's entry that is not an activity file (a watch export's json beside its runs). */
  | { file: string; inZip: string; status: "skipped"; sentence: string }
  /** The last line of every upload: how many of its files became runs. */
  | { file: string; inZip: null; status: "finished"; sentence: string };

export function isZipName(fileName: string): boolean {
  return /\.zip$/i.test(fileName);
}

/** The sentence for an upload over its limit, naming the file. */
export function tooBigSentence(fileName: string): string {
  return isZipName(fileName)
    ? `${fileName} is larger than 100 MB: export fewer runs at a time, or import the files one by one.`
    : `${fileName} is larger than 25 MB, more than any run's file: check that it is the right file.`;
}
