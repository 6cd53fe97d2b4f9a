import { describe, expect, it } from "vitest";
import { PHOTO_UPLOAD_MAX_BYTES, photoFileProblem, uploadAnswerOf } from "./photo-upload";

describe("the photo button's checks", () => {
  it.each([
    [{ size: 0, type: "image/jpeg" }, "Choose a photo to send."],
    [{ size: PHOTO_UPLOAD_MAX_BYTES + 1, type: "image/jpeg" }, "Send a photo of at most 30 MB."],
    [{ size: 100, type: "application/pdf" }, "That file is not a photo. Send the photo as a JPEG, PNG, WebP or HEIC image."],
    [{ size: PHOTO_UPLOAD_MAX_BYTES, type: "image/heic" }, null],
    // Some phones state no type: the server decides by the bytes.
    [{ size: 100, type: "" }, null],
  ])("%o: %s", (file, problem) => {
    expect(photoFileProblem(file)).toBe(problem);
  });

  it("reads the route's answer: the photo, its sentence, or a sentence of its own", () => {
    expect(uploadAnswerOf(200, { photoId: "p", width: 10, height: 20 })).toEqual({ photo: { photoId: "p", width: 10, height: 20 } });
    expect(uploadAnswerOf(400, { error: { message: "Send a photo of at most 30 MB.", requestId: "r" } })).toEqual({ error: "Send a photo of at most 30 MB." });
    expect(uploadAnswerOf(413, null)).toEqual({ error: "Send a photo of at most 30 MB." });
    expect(uploadAnswerOf(502, "<html>")).toEqual({ error: "The photo could not be sent. Check your connection and try again." });
    expect(uploadAnswerOf(200, {})).toEqual({ error: "The photo could not be sent. Check your connection and try again." });
  });
});
