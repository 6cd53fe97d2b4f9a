// A watch's bulk export (Garmin, Strava, Polar, Coros) is a zip: activity files beside json,
// csv and photos. This opens it without trusting it: the central directory is read first (how
// many entries, their declared sizes) and refused or filtered before anything is inflated; then
// only the wanted entries are inflated, counting the real bytes, because the declared sizes are
// only what the zip says.
import { Unzip, UnzipInflate, type UnzipFileInfo, unzipSync } from "fflate";

import { CappedSink, INFLATE_PIECE, OverCapError } from "./capped-inflate";
import { ActivityReadError } from "./types";

const MB = 1024 * 1024;

export interface ZipLimits {
  /** Entries in the zip, folders and skipped files included. */
  maxEntries: number;
  /** Uncompressed bytes of one activity file. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all the activity files together. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 500, maxEntryBytes: 25 * MB, maxTotalBytes: 300 * MB };

export interface ZipExpansion {
  entries: { name: string; bytes: Uint8Array }[];
  /** Files in the zip that are not imported, each with the sentence saying why. */
  skipped: { name: string; reason: string }[];
}

/** The names a watch or app gives an activity file (Strava's bulk export gzips some). */
const ACTIVITY_NAME = /\.(fit|gpx|tcx)(\.gz)?$/i;

const DAMAGED = "The zip file is damaged: make it again, or upload the files in it one by one.";

/** A zip's activity files, and the others it holds listed as skipped; a bomb or a broken zip throws. */
export function expandZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipExpansion {
  const listing = listEntries(bytes);
  if (listing.length > limits.maxEntries) {
    throw new ActivityReadError(
      `The zip holds ${listing.length} files, more than the ${limits.maxEntries} Stride opens at once: split it into smaller zips.`,
    );
  }

  const skipped: ZipExpansion["skipped"] = [];
  const wanted = new Map<string, number>();
  let declaredTotal = 0;
  for (const entry of listing) {
    const reason = skipReason(entry, limits);
    if (reason === "folder") continue;
    if (reason) {
      skipped.push({ name: entry.name, reason });
      continue;
    }
    if (wanted.has(entry.name)) {
      skipped.push({ name: entry.name, reason: "It is in the zip twice; the first one is imported." });
      continue;
    }
    wanted.set(entry.name, entry.originalSize);
    declaredTotal += entry.originalSize;
  }
  if (declaredTotal > limits.maxTotalBytes) throw tooBig(limits);

  return { entries: inflateWanted(bytes, wanted, limits), skipped };
}

/** The central directory: every entry's name and declared sizes, nothing inflated. */
function listEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const listing: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        listing.push(file);
        return false;
      },
    });
  } catch {
    throw new ActivityReadError(DAMAGED);
  }
  return listing;
}

/** Why an entry is not imported (null: it is); "folder" for a folder, which is not listed at all. */
function skipReason(entry: UnzipFileInfo, limits: ZipLimits): string | null {
  if (entry.name.endsWith("/")) return "folder";
  const parts = entry.name.split("/");
  const base = parts.at(-1) ?? "";
  if (parts.some((part) => part === "__MACOSX" || part.startsWith("."))) return "It is a hidden or system file.";
  if (/\.zip$/i.test(base)) return "It is a zip inside the zip, which Stride does not open: unzip it and upload what it holds.";
  if (!ACTIVITY_NAME.test(base)) return "It is not a FIT, GPX or TCX file.";
  if (entry.compression !== 0 && entry.compression !== 8) {
    return "It is packed in a way Stride cannot open: unzip it and upload the file itself.";
  }
  if (entry.originalSize > limits.maxEntryBytes) {
    return `It is larger than ${Math.round(limits.maxEntryBytes / MB)} MB unpacked, more than any run needs.`;
  }
  return null;
}

function tooBig(limits: ZipLimits): ActivityReadError {
  return new ActivityReadError(
    `The zip unpacks to more than ${Math.round(limits.maxTotalBytes / MB)} MB: split it into smaller zips.`,
  );
}

/**
 * Inflates the wanted entries, piece by piece, each capped at its declared size (itself under the
 * per-file cap) and all together at the total cap. An entry that inflates to more than it declared
 * is a lying header: the whole zip is refused, since nothing else in it can be trusted either.
 */
function inflateWanted(bytes: Uint8Array, wanted: Map<string, number>, limits: ZipLimits): ZipExpansion["entries"] {
  const entries: ZipExpansion["entries"] = [];
  const seen = new Set<string>();
  let total = 0;
  let failure: ActivityReadError | null = null;

  const unzip = new Unzip((file) => {
    const declared = wanted.get(file.name);
    if (declared === undefined || seen.has(file.name)) return;
    seen.add(file.name);
    const sink = new CappedSink(Math.min(declared, limits.maxEntryBytes));
    file.ondata = (error, chunk, final) => {
      // fflate's UnzipInflate catches what this handler throws and hands it back here as `error`.
      if (error) throw error instanceof OverCapError || error instanceof ActivityReadError ? error : new ActivityReadError(DAMAGED);
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw tooBig(limits);
      sink.add(chunk);
      if (final) {
        if (sink.total !== declared) throw new ActivityReadError(DAMAGED);
        entries.push({ name: file.name, bytes: sink.bytes() });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let at = 0; at < bytes.length; at += INFLATE_PIECE) {
      const end = Math.min(at + INFLATE_PIECE, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof OverCapError) {
      failure = new ActivityReadError(
        "The zip's files unpack to more than the zip says they hold, which is how a zip bomb works: it was not opened.",
      );
    } else if (error instanceof ActivityReadError) failure = error;
    else failure = new ActivityReadError(DAMAGED);
  }
  if (failure) throw failure;
  if (entries.length !== wanted.size) throw new ActivityReadError(DAMAGED);
  return entries;
}
