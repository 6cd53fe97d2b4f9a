// The worker thread's side of reader-pool.ts: reads one upload at a time and posts a line per
// file as each is read. The bytes of a good file travel back (copied) to be stored.
import { parentPort } from "node:worker_threads";
import { readUpload } from "./read";

type Job = { id: number; fileName: string; bytes: ArrayBuffer; now: number };

parentPort!.on("message", async (job: Job) => {
  try {
    for await (const line of readUpload(job.fileName, new Uint8Array(job.bytes), new Date(job.now))) parentPort!.postMessage({ id: job.id, kind: "line", line });
    parentPort!.postMessage({ id: job.id, kind: "done" });
  } catch (error) {
    console.error(`Reading ${job.fileName} failed:`, error);
    parentPort!.postMessage({ id: job.id, kind: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
