import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { DomainError } from "@/lib/errors";

// A photo as sent in a message: checked by its bytes (never its name or stated type), turned
// upright by its EXIF orientation, shrunk to at most 1600 px and re-encoded by sharp, which
// writes no metadata: the location a phone records, the camera, the date, all stay behind.

/** The largest photo a person may send (a phone's full-size photo is 3 to 12 MB). */
export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;
/** The longest side of a stored photo: sharp on a phone and a laptop, small to keep. */
export const PHOTO_MAX_SIDE = 1600;
/** A decoded image bigger than this (a 100-megapixel camera's) is refused before it fills memory. */
const MAX_INPUT_PIXELS = 100_000_000;

export const PHOTO_FIELD = "photo";
const NOT_A_PHOTO = "Send the photo as a JPEG, PNG, WebP or HEIC image.";
export const PHOTO_TOO_BIG = "Send a photo of at most 30 MB.";

const ACCEPTED = new Map([
  ["image/jpeg", "JPEG"],
  ["image/png", "PNG"],
  ["image/webp", "WebP"],
  ["image/heic", "HEIC"],
  ["image/heif", "HEIC"],
  ["image/avif", "AVIF"],
]);

export type ProcessedPhoto = { bytes: Buffer; contentType: "image/jpeg" | "image/webp"; width: number; height: number };

/** Checks an upload and makes the photo that is stored; a refusal says what to send instead. */
export async function processPhoto(upload: Uint8Array): Promise<ProcessedPhoto> {
  if (upload.byteLength === 0) throw new DomainError("BAD_REQUEST", "Choose a photo to send.", PHOTO_FIELD);
  if (upload.byteLength > MAX_PHOTO_BYTES) throw new DomainError("BAD_REQUEST", PHOTO_TOO_BIG, PHOTO_FIELD);
  const type = await fileTypeFromBuffer(upload);
  const kind = type ? ACCEPTED.get(type.mime) : undefined;
  if (!kind) throw new DomainError("BAD_REQUEST", `That file is not a photo. ${NOT_A_PHOTO}`, PHOTO_FIELD);
  try {
    const image = sharp(upload, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const { hasAlpha } = await image.metadata();
    const upright = image.rotate().resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: "inside", withoutEnlargement: true });
    // A photo is JPEG; only an image with transparency (a screenshot, a drawing) keeps it, as WebP.
    const encoded = hasAlpha ? upright.webp({ quality: 82 }) : upright.jpeg({ quality: 82, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: hasAlpha ? "image/webp" : "image/jpeg", width: info.width, height: info.height };
  } catch {
    // sharp's own build reads HEIF made with AV1 but not an iPhone's HEVC: say how to send one anyway.
    if (kind === "HEIC") throw new DomainError("BAD_REQUEST", "Stride could not read that HEIC photo. Send it as a JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible).", PHOTO_FIELD);
    throw new DomainError("BAD_REQUEST", `Stride could not read that ${kind} photo (it may be damaged, or over 100 megapixels). ${NOT_A_PHOTO}`, PHOTO_FIELD);
  }
}
