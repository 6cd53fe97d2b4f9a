import type { Readable } from "node:stream";

// Where video files live, behind one interface: a folder under the data directory by default
// (embedded mode), any S3-compatible store when S3_* is set. Keys are paths with forward
// slashes ("videos/<studio>/<video>/copy.mp4"); the store never interprets them.

/** A part of a file: the first and last byte, both included (HTTP's Range arithmetic). */
export type ByteRange = { start: number; end: number };

export type StoredObject = {
  body: Readable;
  /** The whole file's size, whatever part was asked for. */
  size: number;
  /** The bytes in `body`: the asked range clamped to the file, or the whole file. */
  range: ByteRange;
};

export interface MediaStore {
  readonly kind: "disk" | "s3";
  /** Writes the whole object; `size` is required for a stream (S3 needs the length up front). */
  put(key: string, body: Readable | Uint8Array, options: { contentType: string; size?: number }): Promise<void>;
  /** The object (or a range of it), or null when there is no such key. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** The object's size in bytes, or null when there is no such key. */
  size(key: string): Promise<number | null>;
  /** Removes the object; a missing key is not an error (a clean-up may run twice). */
  delete(key: string): Promise<void>;
  /** Every key that starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
  /**
   * A URL the browser may fetch the object from for `expiresInSeconds`, or null when the store
   * has none (the disk store: the app serves the bytes itself).
   */
  signedUrl(key: string, options: { expiresInSeconds: number; contentType: string }): Promise<string | null>;
}

/** Refuses a key that could leave the store's folder or name nothing. */
export function assertSafeKey(key: string): void {
  if (!key || key.startsWith("/") || key.split("/").some((part) => part === "" || part === "." || part === "..") || key.includes("\\") || key.includes("\0")) {
    throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  }
}

/** The asked range within a file of `size` bytes (a range past the end is clamped), or the whole file. */
export function clampRange(size: number, range?: ByteRange): ByteRange {
  if (!range) return { start: 0, end: Math.max(0, size - 1) };
  return { start: range.start, end: Math.min(range.end, size - 1) };
}
