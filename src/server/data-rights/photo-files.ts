import { and, asc, eq, gt, inArray, isNotNull } from "drizzle-orm";
import { messagePhotos, threads } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { FileContext } from "./files";

// The photos sent in the export's clients' threads, as files of the zip. Unsent uploads are
// not part of any conversation and stay out. One photo is read at a time (they are up to a few
// hundred kB each), so a studio's years of photos never sit in memory together.

/** Where a sent photo is in the zip: photos/<photo id>.jpg (or .webp). */
export function photoFileName(photoId: string, contentType: string): string {
  return `photos/${photoId}.${contentType === "image/webp" ? "webp" : "jpg"}`;
}

export async function* messagePhotoFiles(ctx: FileContext): AsyncIterable<{ name: string; bytes: Uint8Array }> {
  const ids = ctx.clients.map((c) => c.id);
  if (!ids.length) return;
  let after: string | null = null;
  for (;;) {
    const [photo] = await ctx.q
      .select({ id: messagePhotos.id, contentType: messagePhotos.contentType, bytes: messagePhotos.bytes })
      .from(messagePhotos)
      .innerJoin(threads, and(eq(threads.studioId, messagePhotos.studioId), eq(threads.id, messagePhotos.threadId)))
      .where(inStudio(messagePhotos, ctx.studioId, inArray(threads.clientId, ids), isNotNull(messagePhotos.messageId), after ? gt(messagePhotos.id, after) : undefined))
      .orderBy(asc(messagePhotos.id))
      .limit(1);
    if (!photo) return;
    after = photo.id;
    yield { name: photoFileName(photo.id, photo.contentType), bytes: new Uint8Array(photo.bytes) };
  }
}
