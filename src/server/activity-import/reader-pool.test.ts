import { afterAll, describe, expect, it } from "vitest";
import { ReaderPool, WorkerReadFailed } from "./reader-pool";

const pool = new ReaderPool<string>("test/fixtures/workers/echo-worker.ts", { silenceMs: 3_000 });
afterAll(() => pool.close());

async function lines(message: Record<string, unknown>) {
  const out: string[] = [];
  for await (const line of pool.run(message)) out.push(line);
  return out;
}

describe("the reader's worker thread", () => {
  it("streams a job's lines back in order, with the app's modules loaded in the worker", async () => {
    expect(await lines({ text: "file", lines: 3 })).toEqual(["file 1 2026-12-03", "file 2 2026-12-03", "file 3 2026-12-03"]);
  });

  it("runs jobs one after another, each getting only its own lines", async () => {
    const [a, b] = await Promise.all([lines({ text: "a", lines: 2 }), lines({ text: "b", lines: 1 })]);
    expect(a).toEqual(["a 1 2026-12-03", "a 2 2026-12-03"]);
    expect(b).toEqual(["b 1 2026-12-03"]);
  });

  it("says why a job failed, and the next job still runs", async () => {
    await expect(lines({ text: "throw", lines: 0 })).rejects.toThrow("It could not be read.");
    expect(await lines({ text: "after", lines: 1 })).toEqual(["after 1 2026-12-03"]);
  });

  it("a worker that dies fails only its job; a new worker takes the next", async () => {
    await expect(lines({ text: "crash", lines: 0 })).rejects.toBeInstanceOf(WorkerReadFailed);
    expect(await lines({ text: "again", lines: 1 })).toEqual(["again 1 2026-12-03"]);
  });

  it("a job that goes silent is ended, and the reader is fresh for the next", async () => {
    await expect(lines({ text: "hang", lines: 0 })).rejects.toThrow("Reading it took too long.");
    expect(await lines({ text: "fresh", lines: 1 })).toEqual(["fresh 1 2026-12-03"]);
  });
});
