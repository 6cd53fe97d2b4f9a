import fs from "node:fs";
import fsp from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { eq } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import type { Db, Queryable } from "@/server/db/client";
import { videos, type Video } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { enqueueJob } from "@/server/jobs/service";
import type { Uploader } from "./access";
import { entrySideInput } from "./entry-side";
import { originalKey } from "./keys";
import { ACCEPTED_VIDEO_TYPES, MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS, NOT_A_VIDEO, tooLongSentence, UNREADABLE_VIDEO, VIDEO_TOO_BIG } from "./limits";
import type { MediaStore } from "./storage";
import { hasTool, probeDurationMs, type MediaTools } from "./tools";
import { isLoggedByClient, notYourUpload, removeVideoFiles, type EntrySide } from "./videos";

// A video arrives through tus (resumable: a dropped connection on a phone continues where it
// stopped) into a folder of the data directory, then is checked and moved into the media store.
// The row exists from the first byte, so the clean-up job finds an upload abandoned halfway;
// a refused upload takes its row and its bytes with it.

export const TRANSCODE_JOB = "video.transcode";

/** The entry and side a new upload is for, as the client named them in the upload's metadata (all text; the set defaults to 1). */
export function entryOfMetadata(metadata: Record<string, string | null | undefined>): EntrySide {
  const parsed = entrySideInput.safeParse({ ...metadata, setNumber: metadata.setNumber == null ? 1 : Number(metadata.setNumber) });
  if (!parsed.success) throw new DomainError("BAD_REQUEST", parsed.error.issues[0]!.message);
  return parsed.data;
}

/** Refuses a declared size over the limit before a byte is stored. */
export function checkDeclaredSize(bytes: number | undefined): void {
  if (bytes !== undefined && bytes > MAX_VIDEO_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", VIDEO_TOO_BIG);
}

/** The row of a new upload, for a side of a drill the client logged. */
export async function startVideoUpload(q: Queryable, uploader: Uploader, videoId: string, entry: EntrySide): Promise<Video> {
  if (!(await isLoggedByClient(q, uploader, entry))) throw new DomainError("NOT_FOUND", "That side of that drill is not in a session you logged. Log it first, then film it.");
  const [row] = await q
    .insert(videos)
    .values({ id: videoId, studioId: uploader.studioId, clientId: uploader.clientId, uploadedByUserId: uploader.userId, ...entry })
    .returning();
  return row!;
}

/** An upload being resumed, cancelled or asked about: only by the one who started it. */
export async function uploadOf(q: Queryable, uploader: Uploader, videoId: string): Promise<Video> {
  const [row] = await q.select().from(videos).where(inStudio(videos, uploader.studioId, eq(videos.id, videoId))).limit(1);
  if (!row) throw notFound("upload");
  if (row.uploadedByUserId !== uploader.userId) throw notYourUpload();
  if (row.status !== "uploading") throw new DomainError("CONFLICT", "This video is already uploaded.");
  return row;
}

/** Forgets an upload: its row, the bytes that arrived, and anything already in the store. */
export async function dropUpload(db: Db, store: MediaStore, video: Pick<Video, "id" | "studioId">, incomingFile: string | null): Promise<void> {
  await db.delete(videos).where(inStudio(videos, video.studioId, eq(videos.id, video.id)));
  if (incomingFile) await removeIncoming(incomingFile);
  await removeVideoFiles(store, video.studioId, video.id);
}

/** The bytes tus kept of an upload, and its info file beside them. */
export async function removeIncoming(file: string): Promise<void> {
  await fsp.rm(file, { force: true });
  await fsp.rm(`${file}.json`, { force: true });
}

/**
 * The upload is complete: the file's type from its bytes, its length from ffprobe, then into
 * the store and the job queue. A refusal removes everything and throws its sentence.
 */
export async function finishVideoUpload(db: Db, store: MediaStore, tools: MediaTools, video: Pick<Video, "id" | "studioId">, incomingFile: string, now: Date): Promise<Video> {
  try {
    const stat = await fsp.stat(incomingFile);
    if (stat.size > MAX_VIDEO_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", VIDEO_TOO_BIG);
    const type = await fileTypeFromFile(incomingFile).catch(() => undefined);
    if (!type || !(ACCEPTED_VIDEO_TYPES as readonly string[]).includes(type.mime)) {
      throw new DomainError("UNSUPPORTED_MEDIA_TYPE", type ? `${NOT_A_VIDEO} (This one is a ${type.ext.toUpperCase()} file.)` : NOT_A_VIDEO);
    }
    const canProbe = await hasTool(tools.ffprobe);
    const durationMs = canProbe ? await probeDurationMs(tools, incomingFile) : null;
    if (canProbe && durationMs === null) throw new DomainError("UNPROCESSABLE_CONTENT", UNREADABLE_VIDEO);
    if (durationMs !== null && durationMs > MAX_VIDEO_SECONDS * 1000 + 500) throw new DomainError("UNPROCESSABLE_CONTENT", tooLongSentence(durationMs));

    const key = originalKey(video.studioId, video.id);
    await store.put(key, fs.createReadStream(incomingFile), { contentType: type.mime, size: stat.size });
    const finished = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(videos)
        .set({
          status: "processing",
          statusNote: canProbe ? null : "The video's length could not be checked: ffprobe is not installed on the server.",
          originalKey: key,
          mimeType: type.mime,
          sizeBytes: stat.size,
          durationMs,
          updatedAt: now,
        })
        .where(inStudio(videos, video.studioId, eq(videos.id, video.id), eq(videos.status, "uploading")))
        .returning();
      if (!row) throw new DomainError("CONFLICT", "This upload was cancelled. Start it again from the session's page.");
      await enqueueJob(tx, { kind: TRANSCODE_JOB, key: `${TRANSCODE_JOB}:${video.id}`, runAt: now, payload: { videoId: video.id, studioId: video.studioId } });
      return row;
    });
    await removeIncoming(incomingFile);
    return finished;
  } catch (error) {
    await dropUpload(db, store, video, incomingFile);
    throw error;
  }
}
