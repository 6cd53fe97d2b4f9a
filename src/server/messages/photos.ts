import { and, eq, isNull, lt } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import type { Queryable } from "@/server/db/client";
import { messagePhotos, type Thread } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { threadFor, type ThreadReader } from "./access";
import { processPhoto } from "./photo-image";

// A message's photo: uploaded to a thread first (so a slow upload does not hold the message),
// attached when the message is sent. An unsent photo is its uploader's alone.

/** Stores an upload as a photo of the thread, once checked and re-encoded; the reader may read the thread (threadFor). */
export async function uploadMessagePhoto(q: Queryable, reader: ThreadReader, thread: Thread, upload: Uint8Array, now: Date) {
  const photo = await processPhoto(upload);
  const [row] = await q
    .insert(messagePhotos)
    .values({ studioId: thread.studioId, threadId: thread.id, uploadedByUserId: reader.userId, ...photo, createdAt: now })
    .returning({ id: messagePhotos.id, width: messagePhotos.width, height: messagePhotos.height });
  return { photoId: row!.id, width: row!.width, height: row!.height };
}

/**
 * Attaches the uploader's unsent photo of this thread to their new message (inside its
 * transaction): a photo of another thread, someone else's, or one already sent is refused.
 */
export async function attachPhoto(q: Queryable, author: ThreadReader, thread: Thread, photoId: string, messageId: string): Promise<void> {
  const attached = await q
    .update(messagePhotos)
    .set({ messageId })
    .where(
      inStudio(messagePhotos, thread.studioId, eq(messagePhotos.id, photoId), eq(messagePhotos.threadId, thread.id), eq(messagePhotos.uploadedByUserId, author.userId), isNull(messagePhotos.messageId)),
    )
    .returning({ id: messagePhotos.id });
  if (!attached.length) throw new DomainError("BAD_REQUEST", "That photo could not be attached. Choose it again and send.", "photoId");
}

/** The photo's bytes, to a person who may read its thread (an unsent one to its uploader only); anyone else finds nothing. */
export async function messagePhotoFor(q: Queryable, reader: ThreadReader, photoId: string) {
  const [photo] = await q
    .select({ threadId: messagePhotos.threadId, messageId: messagePhotos.messageId, uploadedByUserId: messagePhotos.uploadedByUserId, contentType: messagePhotos.contentType, bytes: messagePhotos.bytes })
    .from(messagePhotos)
    .where(inStudio(messagePhotos, reader.studioId, eq(messagePhotos.id, photoId)))
    .limit(1);
  if (!photo || (photo.messageId === null && photo.uploadedByUserId !== reader.userId)) throw notFound("photo");
  await threadFor(q, reader, photo.threadId).catch(() => {
    throw notFound("photo");
  });
  return { contentType: photo.contentType, bytes: photo.bytes };
}

/** Removes photos uploaded but never sent for a day (the sender chose another or left): for the daily clean-up. */
export async function removeUnsentPhotos(q: Queryable, now: Date): Promise<number> {
  const gone = await q
    .delete(messagePhotos)
    .where(and(isNull(messagePhotos.messageId), lt(messagePhotos.createdAt, new Date(now.getTime() - 24 * 3_600_000))))
    .returning({ id: messagePhotos.id });
  return gone.length;
}
