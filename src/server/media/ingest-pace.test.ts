import { describe, expect, it } from "vitest";
import { createPace, paced } from "./ingest-pace";

const MB = 1024 * 1024;

describe("createPace", () => {
  it("lets a burst through at once, then spaces chunks at the rate", () => {
    const pace = createPace(10 * MB, 4 * MB);
    expect([1, 2, 3, 4].map(() => pace.book(MB, 0))).toEqual([0, 0, 0, 0]);
    expect(pace.book(MB, 0)).toBeCloseTo(100);
    expect(pace.book(MB, 0)).toBeCloseTo(200);
  });

  it("does not slow a sender below the rate (a phone on a mobile connection)", () => {
    const pace = createPace(10 * MB, 4 * MB);
    // 1 MB every 200 ms is 5 MB/s: never waits, however long it goes on.
    for (let t = 0; t < 60_000; t += 200) expect(pace.book(MB, t)).toBe(0);
  });

  it("is shared: two senders together get the one rate", () => {
    const pace = createPace(10 * MB, 0);
    const waits = Array.from({ length: 10 }, () => pace.book(MB, 0));
    expect(waits.at(-1)).toBeCloseTo(1000);
  });
});

describe("paced", () => {
  it("passes every byte unchanged and in order", async () => {
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    });
    const out: number[] = [];
    const reader = paced(body, createPace(1000, 0), () => 0).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) out.push(...read.value);
    expect(out).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
