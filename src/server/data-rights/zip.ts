import { Zip, ZipDeflate } from "fflate";

/** A file of the archive: text chunks (a CSV), or bytes (a photo, stored as it is). */
export type ZipEntry = { name: string; chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> };

/**
 * A zip archive written as it is read: each file is deflated chunk by chunk (fflate's
 * synchronous stream), so a large export never sits in memory whole and a reader that stops
 * early stops the queries too.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, mtime: Date): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  }
  const encoder = new TextEncoder();
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    for await (const chunk of entry.chunks) {
      file.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
