// Inflating with a cap on the bytes really produced. A zip's or a gzip's declared size is only
// what its author wrote, so the count is kept while inflating: the input goes in small pieces
// (deflate expands one byte to at most ~1032), and the first piece that takes the output over
// the cap stops it, so a bomb never reaches memory.
import { Gunzip } from "fflate";

/** Compressed bytes pushed at a time: at most ~4 MB of output before the next count. */
export const INFLATE_PIECE = 4 * 1024;

/** Thrown (and caught by the callers) when the real output passes the cap. */
export class OverCapError extends Error {
  constructor(readonly produced: number) {
    super("inflated output is over the cap");
    this.name = "OverCapError";
  }
}

/** Chunks collected into one array, counting as they come; throws OverCapError past `cap`. */
export class CappedSink {
  private chunks: Uint8Array[] = [];
  total = 0;
  constructor(private readonly cap: number) {}

  add(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.total > this.cap) throw new OverCapError(this.total);
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1 && this.chunks[0]) return this.chunks[0];
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** A .gz file's content, or OverCapError past `cap` bytes; fflate's own errors pass through. */
export function gunzipCapped(bytes: Uint8Array, cap: number): Uint8Array {
  const sink = new CappedSink(cap);
  const gunzip = new Gunzip((chunk) => sink.add(chunk));
  for (let at = 0; at < bytes.length; at += INFLATE_PIECE) {
    const end = Math.min(at + INFLATE_PIECE, bytes.length);
    gunzip.push(bytes.subarray(at, end), end === bytes.length);
  }
  return sink.bytes();
}
