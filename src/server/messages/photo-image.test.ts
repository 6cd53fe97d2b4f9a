import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES, processPhoto } from "./photo-image";

const solid = (width: number, height: number, channels: 3 | 4) => sharp({ create: { width, height, channels, background: { r: 90, g: 160, b: 120, alpha: 0.5 } } });

describe("a message's photo as stored", () => {
  it("keeps a small photo's size and makes it a JPEG without metadata", async () => {
    const photo = await processPhoto(await solid(640, 480, 3).png().withMetadata().toBuffer());
    expect(photo).toMatchObject({ contentType: "image/jpeg", width: 640, height: 480 });
    expect((await sharp(photo.bytes).metadata()).exif).toBeUndefined();
  });

  it("keeps transparency as WebP, shrunk to 1600 px on its longest side", async () => {
    const photo = await processPhoto(await solid(4000, 1000, 4).png().toBuffer());
    expect(photo).toMatchObject({ contentType: "image/webp", width: 1600, height: 400 });
  });

  it.each([
    ["words named .jpg", Buffer.from("not a photo at all"), "That file is not a photo. Send the photo as a JPEG, PNG, WebP or HEIC image."],
    ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "That file is not a photo. Send the photo as a JPEG, PNG, WebP or HEIC image."],
    ["a JPEG's first bytes and nothing after", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), "Stride could not read that JPEG photo"],
    ["nothing", Buffer.alloc(0), "Choose a photo to send."],
    ["more than 30 MB", Buffer.alloc(MAX_PHOTO_BYTES + 1), "Send a photo of at most 30 MB."],
  ])("refuses %s with a sentence", async (_, bytes, sentence) => {
    await expect(processPhoto(bytes)).rejects.toThrow(sentence);
  });

  it("takes an AVIF (HEIF with AV1) and stores it as a JPEG", async () => {
    const photo = await processPhoto(await solid(64, 48, 3).heif({ compression: "av1" }).toBuffer());
    expect(photo).toMatchObject({ contentType: "image/jpeg", width: 64, height: 48 });
  });

  it("refuses a GIF: not a photo a phone takes", async () => {
    await expect(processPhoto(await solid(10, 10, 3).gif().toBuffer())).rejects.toThrow("That file is not a photo.");
  });
});
