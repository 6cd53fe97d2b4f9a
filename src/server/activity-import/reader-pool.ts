import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// Reading a watch's file is CPU work (a 3-hour FIT is ~11,000 records to decode and summarize):
// done on the request's thread it would stall every other request of the server meanwhile. So
// it runs in one worker thread, one upload at a time, and streams back a line per file (a zip's
// entries one by one, so the page shows progress). One thread, because this machine has two
// cores and the other serves the requests.
//
// The worker is the TypeScript module itself, loaded through tsx (a dependency: `npm start` and
// the tests run through it) by scripts/ts-worker.mjs, so no second build of the readers is
// needed. Paths are from the project's folder, where every way of starting Stride runs.

/** What the worker sends back; `line` is whatever the entry's reader yields. */
type FromWorker<Line> = { id: number; kind: "line"; line: Line } | { id: number; kind: "done" } | { id: number; kind: "failed"; message: string };

type Job<Line> = {
  id: number;
  message: Record<string, unknown>;
  transfer: ArrayBuffer[];
  push: (event: { line: Line } | { done: true } | { failed: string }) => void;
};

/** A file the worker could not finish: it crashed, ran out of memory or went silent. */
export class WorkerReadFailed extends Error {}

/** Silence longer than this (no line) ends the job: a hostile file must not hold the reader. */
const SILENCE_MS = 30_000;

export class ReaderPool<Line> {
  private worker: Worker | null = null;
  private queue: Job<Line>[] = [];
  private current: Job<Line> | null = null;
  private nextId = 1;
  private silence: NodeJS.Timeout | null = null;

  constructor(
    private readonly entry: string,
    private readonly options: { silenceMs?: number; maxOldGenerationSizeMb?: number } = {},
  ) {}

  /** Runs one job in the worker, yielding its lines as they arrive. */
  async *run(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): AsyncGenerator<Line> {
    const events: ({ line: Line } | { done: true } | { failed: string })[] = [];
    let wake: (() => void) | null = null;
    const job: Job<Line> = {
      id: this.nextId++,
      message,
      transfer,
      push: (event) => {
        events.push(event);
        wake?.();
      },
    };
    this.queue.push(job);
    this.pump();
    for (;;) {
      const event = events.shift();
      if (!event) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if ("line" in event) yield event.line;
      else if ("failed" in event) throw new WorkerReadFailed(event.failed);
      else return;
    }
  }

  /** Ends the worker (a server stopping, a test ending); queued jobs fail. */
  async close() {
    const worker = this.worker;
    this.worker = null;
    for (const job of [...(this.current ? [this.current] : []), ...this.queue]) job.push({ failed: "The server is stopping." });
    this.current = null;
    this.queue = [];
    if (this.silence) clearTimeout(this.silence);
    await worker?.terminate();
  }

  private pump() {
    if (this.current || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.current = job;
    const worker = this.ensureWorker();
    this.armSilence();
    worker.postMessage({ ...job.message, id: job.id }, job.transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Built at run time so the bundler leaves it alone: the worker runs from the sources, not the build.
    const boot = [process.cwd(), "scripts", "ts-worker.mjs"].join(path.sep);
    const worker = new Worker(boot, {
      workerData: { entry: pathToFileURL(path.resolve(this.entry)).href },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb ?? 512 },
    });
    // A worker does not keep the server (or a test run) alive on its own.
    worker.unref();
    worker.on("message", (message: FromWorker<Line>) => {
      const job = this.current;
      if (!job || message.id !== job.id) return;
      if (message.kind === "line") {
        this.armSilence();
        job.push({ line: message.line });
        return;
      }
      this.finish(message.kind === "done" ? { done: true } : { failed: message.message });
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.finish({ failed: why });
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`The reader stopped (exit code ${code}).`));
    this.worker = worker;
    return worker;
  }

  private armSilence() {
    if (this.silence) clearTimeout(this.silence);
    this.silence = setTimeout(() => {
      const worker = this.worker;
      this.worker = null;
      this.finish({ failed: "Reading it took too long." });
      void worker?.terminate();
    }, this.options.silenceMs ?? SILENCE_MS);
    this.silence.unref();
  }

  private finish(event: { done: true } | { failed: string }) {
    if (this.silence) clearTimeout(this.silence);
    this.silence = null;
    const job = this.current;
    this.current = null;
    job?.push(event);
    this.pump();
  }
}
