import type { ByteRange } from "./storage";

// HTTP Range for a video (RFC 9110 §14): phones seek by asking for a part of the file, and
// Safari will not play a video whose server answers a range with the whole file.

export type RangeAnswer = { kind: "whole" } | { kind: "part"; range: ByteRange } | { kind: "unsatisfiable" };

/** What to answer `Range: <header>` for a file of `size` bytes. Several ranges at once are answered with the whole file, as the RFC allows. */
export function rangeOf(header: string | null, size: number): RangeAnswer {
  if (!header) return { kind: "whole" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return header.trim().startsWith("bytes=") && header.includes(",") ? { kind: "whole" } : { kind: "unsatisfiable" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "unsatisfiable" };
  if (first === "") {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "part", range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return { kind: "unsatisfiable" };
  return { kind: "part", range: { start, end } };
}
