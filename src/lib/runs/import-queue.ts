import { isZipName, MAX_FILE_BYTES, MAX_ZIP_BYTES, tooBigSentence, type ImportLine } from "./import-lines";

// The import page's list: one row per file picked or dropped, each with its own state, and a
// row per entry of a zip as the server reports them. Uploads go two at a time, the rest wait.
// Pure (a reducer and the answer's reading), so the page is a thin shell around it.

export const UPLOADS_AT_ONCE = 2;

export type RowState = "waiting" | "uploading" | "reading" | "done" | "refused" | "skipped";

export type ImportRow = {
  id: string;
  file: string;
  /** The zip this row is an entry of, when it is one. */
  inZip: string | null;
  /** The upload this row belongs to (its own id for a picked file). */
  uploadId: string;
  state: RowState;
  /** Percent uploaded, while uploading. */
  percent: number;
  sentence: string | null;
  runId: string | null;
};

export type ImportAction =
  | { type: "added"; files: { id: string; name: string; size: number }[] }
  | { type: "started"; id: string }
  | { type: "progressed"; id: string; percent: number }
  | { type: "sent"; id: string }
  | { type: "line"; id: string; line: ImportLine }
  | { type: "failed"; id: string; sentence: string }
  | { type: "ended"; id: string };

/** Why a picked file is not worth sending (too big for any run), as the server would say it, or null. */
export function localRefusal(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty: choose the file again.`;
  if (file.size > (isZipName(file.name) ? MAX_ZIP_BYTES : MAX_FILE_BYTES)) return tooBigSentence(file.name);
  return null;
}

const isOpen = (row: ImportRow) => row.state === "waiting" || row.state === "uploading" || row.state === "reading";

export function importReducer(rows: ImportRow[], action: ImportAction): ImportRow[] {
  const update = (id: string, change: Partial<ImportRow>) => rows.map((row) => (row.id === id ? { ...row, ...change } : row));
  switch (action.type) {
    case "added":
      return [
        ...rows,
        ...action.files.map((f): ImportRow => {
          const refusal = localRefusal(f);
          return { id: f.id, file: f.name, inZip: null, uploadId: f.id, state: refusal ? "refused" : "waiting", percent: 0, sentence: refusal, runId: null };
        }),
      ];
    case "started":
      return update(action.id, { state: "uploading", percent: 0 });
    case "progressed":
      return rows.map((row) => (row.id === action.id && row.state === "uploading" ? { ...row, percent: Math.max(row.percent, Math.min(100, Math.round(action.percent))) } : row));
    case "sent":
      return update(action.id, { state: "reading", percent: 100 });
    case "line":
      return withLine(rows, action.id, action.line);
    case "failed":
      return rows.map((row) => (row.uploadId === action.id && isOpen(row) ? { ...row, state: "refused", sentence: action.sentence } : row));
    case "ended":
      // An answer that stopped early leaves no row waiting for ever.
      return rows.map((row) => (row.id === action.id && isOpen(row) ? { ...row, state: "refused", sentence: `${row.file} could not be read to the end. Try it again.` } : row));
  }
}

function withLine(rows: ImportRow[], uploadId: string, line: ImportLine): ImportRow[] {
  const upload = rows.find((r) => r.id === uploadId);
  if (!upload) return rows;
  const outcome = (row: ImportRow): ImportRow => ({
    ...row,
    state: line.status === "refused" ? "refused" : line.status === "skipped" ? "skipped" : "done",
    sentence: line.sentence,
    runId: "runId" in line ? line.runId : null,
  });
  if (line.status === "finished") {
    // A single file's row already has its outcome; a zip's row says how it went.
    return rows.map((row) => (row.id === uploadId && isOpen(row) ? { ...row, state: "done", sentence: line.sentence } : row));
  }
  if (line.inZip === null) return rows.map((row) => (row.id === uploadId ? outcome(row) : row));
  // A zip's entry: a row of its own, after the zip's row and its entries so far.
  const entry = outcome({ id: `${uploadId}/${rows.filter((r) => r.uploadId === uploadId).length}`, file: line.file, inZip: line.inZip, uploadId, state: "reading", percent: 100, sentence: null, runId: null });
  const last = rows.map((r) => r.uploadId).lastIndexOf(uploadId);
  return [...rows.slice(0, last + 1), entry, ...rows.slice(last + 1)];
}

/** The uploads to start now: the first waiting ones, so that at most UPLOADS_AT_ONCE are on their way. */
export function nextUploads(rows: readonly ImportRow[]): string[] {
  const busy = rows.filter((r) => r.id === r.uploadId && (r.state === "uploading" || r.state === "reading")).length;
  return rows
    .filter((r) => r.id === r.uploadId && r.state === "waiting")
    .slice(0, Math.max(0, UPLOADS_AT_ONCE - busy))
    .map((r) => r.id);
}

/** The complete lines of an answer read so far, and where the next read starts. */
export function completeLines(text: string, from: number): { lines: ImportLine[]; next: number } {
  const lines: ImportLine[] = [];
  let at = from;
  for (;;) {
    const end = text.indexOf("\n", at);
    if (end === -1) break;
    const raw = text.slice(at, end).trim();
    at = end + 1;
    if (!raw) continue;
    try {
      lines.push(JSON.parse(raw) as ImportLine);
    } catch {
      // Not a line of ours (a proxy's page): the row's end says it was not read.
    }
  }
  return { lines, next: at };
}

/** The sentence for an upload the server refused as a whole (its error body), or that never arrived. */
export function failedUploadSentence(fileName: string, status: number, body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string") return message.includes(fileName) ? message : `${fileName}: ${message}`;
  } catch {
    // Fall through to the general sentence.
  }
  if (status === 413) return tooBigSentence(fileName);
  return `${fileName} could not be sent. Check your connection and try again.`;
}

/** Where a run's own page is. */
export function runPageHref(runId: string): string {
  return `/portal/runs/${runId}`;
}
