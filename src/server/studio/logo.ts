import { createHash } from "node:crypto";
import sharp from "sharp";
import { DomainError } from "@/lib/errors";

// A studio's logo as uploaded: checked by its bytes (never its name or stated type), decoded
// and re-encoded by sharp so that what is stored and served is a plain PNG we made ourselves
// (no scripts, no metadata, no decoder tricks passed on to the browsers that show it).

/** The largest file the owner may upload. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** The longest side of the stored logo: enough for a 512 px app icon. */
export const LOGO_MAX_SIDE = 512;
/** A decoded image bigger than this (about 6000 × 6000) is refused before it fills memory. */
const MAX_INPUT_PIXELS = 36_000_000;

export const LOGO_FIELD = "logo";
const NOT_AN_IMAGE = "Upload the logo as a PNG, JPEG or WebP image.";

export type LogoKind = "png" | "jpeg" | "webp";

/** What the file's first bytes say it is, or null for anything but PNG, JPEG and WebP. */
export function sniffImageKind(bytes: Uint8Array): LogoKind | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export type ProcessedLogo = { png: Buffer; sha256: string; width: number; height: number };

/** Checks an upload and turns it into the stored PNG; a refusal says what to upload instead. */
export async function processLogo(bytes: Uint8Array): Promise<ProcessedLogo> {
  if (bytes.byteLength === 0) throw new DomainError("BAD_REQUEST", "Choose an image file to upload.", LOGO_FIELD);
  if (bytes.byteLength > MAX_LOGO_BYTES) throw new DomainError("BAD_REQUEST", "Upload a logo of at most 2 MB.", LOGO_FIELD);
  const kind = sniffImageKind(bytes);
  if (!kind) throw new DomainError("BAD_REQUEST", NOT_AN_IMAGE, LOGO_FIELD);
  try {
    const { data, info } = await sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, sha256: createHash("sha256").update(data).digest("hex"), width: info.width, height: info.height };
  } catch {
    throw new DomainError("BAD_REQUEST", `That file is not a whole ${kind === "jpeg" ? "JPEG" : kind.toUpperCase()} image (or is over 6000 × 6000 pixels). ${NOT_AN_IMAGE}`, LOGO_FIELD);
  }
}

/** The logo centred on a transparent square of `size` px: the installed app's icon. */
export function squareIcon(png: Buffer, size: number): Promise<Buffer> {
  return sharp(png)
    .resize(size, size, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}
