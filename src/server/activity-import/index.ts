// Reading an uploaded activity file (or a zip of them) off the request thread: the one entry
// point routes and the seed use. Lines come back as each file is read.
import { READER_FAULT, type UploadLine } from "./read";
import { ReaderPool, WorkerReadFailed } from "./reader-pool";

export type { UploadLine } from "./read";

let pool: ReaderPool<UploadLine> | null = null;

export async function* readActivityUpload(fileName: string, bytes: Uint8Array, now: Date): AsyncGenerator<UploadLine> {
  pool ??= new ReaderPool<UploadLine>("src/server/activity-import/read-worker.ts");
  // The worker gets its own copy: the caller's buffer may be a view into a larger one.
  const copy = bytes.slice().buffer;
  try {
    yield* pool.run({ fileName, bytes: copy, now: now.getTime() }, [copy]);
  } catch (error) {
    if (!(error instanceof WorkerReadFailed)) throw error;
    console.error(`Reading ${fileName} failed in the worker:`, error.message);
    yield { ok: false, fileName, reason: error.message === "Reading it took too long." ? "Reading this file took too long, so it was stopped: upload it on its own, or export it as FIT." : READER_FAULT };
  }
}

/** Ends the reader's thread (the server stopping). */
export async function stopActivityReader() {
  await pool?.close();
  pool = null;
}
