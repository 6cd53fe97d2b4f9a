// What the photo button checks before uploading, and how it reads the upload route's answer.
// The server's checks (by the file's bytes) are the ones that count; these only save a phone
// from sending 30 MB to be told no.

/** The largest photo the server takes (messages/photo-image.ts MAX_PHOTO_BYTES). */
export const PHOTO_UPLOAD_MAX_BYTES = 30 * 1024 * 1024;

/** Why a chosen file cannot be sent as a photo, as a sentence, or null. */
export function photoFileProblem(file: { size: number; type: string }): string | null {
  if (file.size === 0) return "Choose a photo to send.";
  if (file.size > PHOTO_UPLOAD_MAX_BYTES) return "Send a photo of at most 30 MB.";
  // A stated type that is plainly not an image (a PDF, a text file); an empty one is left to the server.
  if (file.type && !file.type.startsWith("image/")) return "That file is not a photo. Send the photo as a JPEG, PNG, WebP or HEIC image.";
  return null;
}

export type UploadedPhoto = { photoId: string; width: number; height: number };

/** The upload route's answer: the stored photo, or the sentence to show. */
export function uploadAnswerOf(status: number, body: unknown): { photo: UploadedPhoto } | { error: string } {
  const value = body as { photoId?: unknown; width?: unknown; height?: unknown; error?: { message?: unknown } } | null;
  if (status >= 200 && status < 300 && typeof value?.photoId === "string" && typeof value.width === "number" && typeof value.height === "number") {
    return { photo: { photoId: value.photoId, width: value.width, height: value.height } };
  }
  if (typeof value?.error?.message === "string") return { error: value.error.message };
  if (status === 413) return { error: "Send a photo of at most 30 MB." };
  return { error: "The photo could not be sent. Check your connection and try again." };
}

/** Where a message's photo is served (the route checks who may see it). */
export function messagePhotoUrl(photoId: string): string {
  return `/api/messages/photos/${photoId}`;
}
