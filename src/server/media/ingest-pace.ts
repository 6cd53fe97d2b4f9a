// Uploads are background work: a client waiting for their Today page should not wait behind
// someone's video arriving over a fast network. Every upload's bytes pass one shared pace (a
// generic cell rate: each chunk books its share of the rate, and a chunk booked beyond the
// burst waits for its turn). A phone on a mobile connection never reaches the pace and is not
// slowed; ten uploads on a LAN share it instead of taking the server's whole event loop.

export type Pace = { readonly bytesPerSecond: number; readonly burstBytes: number; book: (bytes: number, now: number) => number };

/** A pace of `bytesPerSecond`, letting `burstBytes` through at once; book() answers how many ms to wait. */
export function createPace(bytesPerSecond: number, burstBytes: number): Pace {
  let freeAt = 0;
  return {
    bytesPerSecond,
    burstBytes,
    book(bytes, now) {
      const start = Math.max(freeAt, now);
      freeAt = start + (bytes / bytesPerSecond) * 1000;
      return Math.max(0, freeAt - now - (burstBytes / bytesPerSecond) * 1000);
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `body` at the pace: chunks pass unchanged, each after its booked wait. */
export function paced(body: ReadableStream<Uint8Array>, pace: Pace, now: () => number = () => performance.now()): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        const wait = pace.book(chunk.byteLength, now());
        if (wait > 0) await sleep(wait);
        controller.enqueue(chunk);
      },
    }),
  );
}
