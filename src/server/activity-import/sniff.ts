// What an uploaded file is, from its bytes and not its name: people rename files, phones add
// ".txt", and a photo picked by mistake must be told apart from a damaged run. FIT has ".FIT" at
// offset 8 of its header; a zip and a gzip have their magic numbers; GPX and TCX are XML whose root
// element says which. Anything else is named by file-type so the sentence says what it is.
import { fileTypeFromBuffer } from "file-type";

import { gunzipCapped, OverCapError } from "./capped-inflate";
import { ActivityReadError } from "./types";

export type SniffedFormat = "fit" | "gpx" | "tcx" | "zip";

export interface SniffedFile {
  format: SniffedFormat;
  /** The bytes to read: the file's own, or what a .gz held. */
  bytes: Uint8Array;
}

const MB = 1024 * 1024;
/** What a gzipped activity file may unpack to (the same cap as a file inside a zip). */
export const MAX_GUNZIPPED_BYTES = 25 * MB;

const NOT_ACTIVITY = "is not a FIT, GPX or TCX file";

/** The format of an uploaded file from its bytes; a .fit.gz or .gpx.gz is unpacked and sniffed again. */
export async function sniffFormat(
  fileName: string,
  bytes: Uint8Array,
  maxGunzippedBytes: number = MAX_GUNZIPPED_BYTES,
): Promise<SniffedFile> {
  if (bytes.length === 0) throw new ActivityReadError("The file is empty.");
  if (isGzip(bytes)) {
    const inner = gunzip(bytes, maxGunzippedBytes);
    if (isGzip(inner) || isZip(inner)) {
      throw new ActivityReadError("The file is packed twice, which Stride does not open: unpack it and upload the file itself.");
    }
    return sniffPlain(fileName.replace(/\.gz$/i, ""), inner);
  }
  return sniffPlain(fileName, bytes);
}

async function sniffPlain(fileName: string, bytes: Uint8Array): Promise<SniffedFile> {
  if (isFit(bytes)) return { format: "fit", bytes };
  if (isZip(bytes)) return { format: "zip", bytes };
  const root = xmlRootName(bytes);
  if (root === "gpx") return { format: "gpx", bytes };
  if (root === "TrainingCenterDatabase") return { format: "tcx", bytes };
  if (root) throw new ActivityReadError(`This is an XML file with <${root.slice(0, 40)}> in it, so it ${NOT_ACTIVITY}.`);

  // A FIT file cut off inside its header still says .fit and is worth a truer sentence.
  if (/\.fit$/i.test(fileName) && bytes.length < 14) {
    throw new ActivityReadError("The file is cut short or damaged: export it from the watch again.");
  }
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (type) throw new ActivityReadError(`This is ${describeType(type.ext, type.mime)}, not a FIT, GPX or TCX file.`);
  throw new ActivityReadError(`The file ${NOT_ACTIVITY}: export the activity from the watch's app as one of those.`);
}

function isFit(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[8] === 0x2e && bytes[9] === 0x46 && bytes[10] === 0x49 && bytes[11] === 0x54;
}

function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty zip.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzip(bytes: Uint8Array, cap: number): Uint8Array {
  try {
    return gunzipCapped(bytes, cap);
  } catch (error) {
    if (error instanceof OverCapError) {
      throw new ActivityReadError(`The file unpacks to more than ${Math.round(cap / MB)} MB, more than any run needs: it was not opened.`);
    }
    throw new ActivityReadError("The file is a damaged gzip: export it again.");
  }
}

/**
 * The root element's name of an XML file (prefix dropped), from its first 64 KB; null when the
 * bytes do not start like XML. Only a sniff: the reader parses (and guards) the whole file.
 */
function xmlRootName(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 64 * 1024);
  let encoding = "utf-8";
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0x00)) encoding = "utf-16le";
  else if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x00 && head[1] === 0x3c)) encoding = "utf-16be";
  const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, "");
  if (!/^\s*</.test(text)) return null;
  const body = text
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, "");
  const name = /<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
  if (!name) return null;
  return name.includes(":") ? (name.split(":").at(-1) ?? name) : name;
}

const TYPE_NAMES: Record<string, string> = {
  jpg: "JPEG",
  heic: "HEIC",
  png: "PNG",
  gif: "GIF",
  webp: "WebP",
  pdf: "PDF",
  mp4: "MP4",
  mov: "QuickTime",
};

/** "a JPEG image", "a PDF document", "an MP4 video", "a 7Z file". */
function describeType(ext: string, mime: string): string {
  const name = TYPE_NAMES[ext] ?? ext.toUpperCase();
  const kind = mime.startsWith("image/")
    ? "image"
    : mime.startsWith("video/")
      ? "video"
      : mime.startsWith("audio/")
        ? "sound recording"
        : ext === "pdf"
          ? "document"
          : "file";
  // Letters whose spoken name starts with a vowel sound take "an" (an MP4, an HEIC, an SVG).
  const article = /^[AEFHILMNORSX]/.test(name) ? "an" : "a";
  return `${article} ${name} ${kind}`;
}
