import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { and, eq, inArray, lt } from "drizzle-orm";
import { isUuid } from "@/lib/uuid";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { videos } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { enqueueJob, type LongJobHandler } from "@/server/jobs/service";
import { logger } from "@/server/logger";
import { copyKey, posterKey, VIDEOS_PREFIX, videoOfKey } from "./keys";
import type { MediaStore } from "./storage";
import { hasTool, makePhoneCopy, makePoster, type MediaTools } from "./tools";
import { removeIncoming, TRANSCODE_JOB } from "./uploads";

// The media work of the job queue: the phone-friendly copy and poster of an uploaded video,
// the removal of its original once the copy is stored, and the hourly clean-up of uploads
// abandoned for a day and of files no row names.

export { TRANSCODE_JOB };
export const DROP_ORIGINAL_JOB = "video.dropOriginal";
export const MEDIA_SWEEP_JOB = "media.sweep";

/** An upload still "uploading" this long after it started is abandoned (tus resumes within it). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

export const NO_FFMPEG_NOTE = "Shown as uploaded: the server has no ffmpeg, so there is no phone-friendly copy or poster, and it may not play on every phone.";
export const COPY_FAILED_NOTE = "Shown as uploaded: a phone-friendly copy could not be made of this file, so it may not play on every phone.";

export type MediaJobDeps = { store: MediaStore; tools: MediaTools; incomingFolder: string };

/**
 * Makes the poster and the H.264/AAC copy, stores them and points the row at them. ffmpeg runs
 * outside any transaction (a long job, jobs/service.ts); the row is written at the end, and only
 * if the video is still the one being copied. The original stays until the row names the copy:
 * its removal is a job queued with that write, so it runs only once the copy is committed.
 */
export function transcodeVideoJob(deps: () => MediaJobDeps): LongJobHandler {
  const nothing = async () => {};
  return {
    long: async (db: Db, payload: Record<string, unknown>, now: Date) => {
      const { store, tools } = deps();
      const [video] = await db
        .select()
        .from(videos)
        .where(inStudio(videos, String(payload.studioId), eq(videos.id, String(payload.videoId))))
        .limit(1);
      if (!video || video.status !== "processing" || !video.originalKey) return nothing;
      const original = video.originalKey;
      const row = inStudio(videos, video.studioId, eq(videos.id, video.id), eq(videos.status, "processing"), eq(videos.originalKey, original));
      const serveOriginal = (note: string) => async (tx: Tx) => {
        await tx.update(videos).set({ status: "ready", statusNote: note, updatedAt: now }).where(row);
      };
      if (!(await hasTool(tools.ffmpeg))) return serveOriginal(NO_FFMPEG_NOTE);

      const work = await fsp.mkdtemp(path.join(os.tmpdir(), "stride-video-"));
      const made = { copy: copyKey(video.studioId, video.id), poster: posterKey(video.studioId, video.id) };
      let copySize: number;
      let posterSize: number;
      try {
        const stored = await store.get(original);
        if (!stored) throw new Error(`The original of video ${video.id} is missing from the store.`);
        const input = path.join(work, "original");
        await pipeline(stored.body, fs.createWriteStream(input));
        const copy = path.join(work, "copy.mp4");
        const poster = path.join(work, "poster.jpg");
        try {
          await makePhoneCopy(tools, input, copy);
          await makePoster(tools, input, poster, video.durationMs);
        } catch (error) {
          // The file passed ffprobe yet ffmpeg cannot turn it into a copy: retrying will not help.
          logger.warn({ err: error, videoId: video.id }, "video copy failed; the original is served");
          return serveOriginal(COPY_FAILED_NOTE);
        }
        [copySize, posterSize] = [(await fsp.stat(copy)).size, (await fsp.stat(poster)).size];
        await store.put(made.copy, fs.createReadStream(copy), { contentType: "video/mp4", size: copySize });
        await store.put(made.poster, fs.createReadStream(poster), { contentType: "image/jpeg", size: posterSize });
      } finally {
        await fsp.rm(work, { recursive: true, force: true });
      }
      return async (tx: Tx) => {
        const updated = await tx
          .update(videos)
          .set({ status: "ready", statusNote: null, copyKey: made.copy, posterKey: made.poster, originalKey: null, mimeType: "video/mp4", sizeBytes: copySize + posterSize, updatedAt: now })
          .where(row)
          .returning({ id: videos.id });
        // Removed (or its session deleted) while ffmpeg ran: the files made for it go too.
        if (updated.length === 0) {
          await Promise.all([store.delete(made.copy), store.delete(made.poster)]);
          return;
        }
        await enqueueJob(tx, { kind: DROP_ORIGINAL_JOB, key: `${DROP_ORIGINAL_JOB}:${video.id}`, runAt: now, payload: { key: original } });
      };
    },
  };
}

/** Removes an original the row no longer names (its copy is committed). */
export function dropOriginalJob(deps: () => MediaJobDeps) {
  return async (tx: Tx, payload: Record<string, unknown>): Promise<void> => {
    const key = String(payload.key);
    const owner = videoOfKey(key);
    if (!owner) return;
    const [video] = await tx.select({ originalKey: videos.originalKey }).from(videos).where(inStudio(videos, owner.studioId, eq(videos.id, owner.videoId))).limit(1);
    if (video?.originalKey === key) return;
    await deps().store.delete(key);
  };
}

/** Queues this hour's clean-up (once an hour, whichever instance asks first). */
export async function scheduleMediaSweep(q: Queryable, now: Date): Promise<void> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  await enqueueJob(q, { kind: MEDIA_SWEEP_JOB, key: `${MEDIA_SWEEP_JOB}:${hour.toISOString()}`, runAt: now });
}

/**
 * The clean-up: uploads still arriving after a day (their rows, their bytes), bytes tus kept
 * with no upload row, and files in the store that no row names (a removed video whose file
 * the store could not remove then, a deleted client's, a half-written copy of a finished one).
 */
export function mediaSweepJob(deps: () => MediaJobDeps) {
  return async (tx: Tx, _payload: Record<string, unknown>, now: Date): Promise<void> => {
    const { store, incomingFolder } = deps();
    const abandoned = await tx
      .delete(videos)
      .where(and(eq(videos.status, "uploading"), lt(videos.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS))))
      .returning({ id: videos.id });
    for (const { id } of abandoned) await removeIncoming(path.join(incomingFolder, id));

    const incoming = await fsp.readdir(incomingFolder).catch(() => [] as string[]);
    const incomingIds = [...new Set(incoming.map((name) => name.replace(/\.json$/, "")))];
    const uploading = new Set(
      incomingIds.length ? (await tx.select({ id: videos.id }).from(videos).where(and(inArray(videos.id, incomingIds.filter(isUuid)), eq(videos.status, "uploading")))).map((r) => r.id) : [],
    );
    for (const id of incomingIds) if (!uploading.has(id)) await removeIncoming(path.join(incomingFolder, id));

    const keys = await store.list(VIDEOS_PREFIX);
    const ids = [...new Set(keys.map((k) => videoOfKey(k)?.videoId).filter((id): id is string => !!id))];
    const rows = new Map<string, { status: string; keys: (string | null)[] }>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await tx
        .select({ id: videos.id, status: videos.status, originalKey: videos.originalKey, copyKey: videos.copyKey, posterKey: videos.posterKey })
        .from(videos)
        .where(inArray(videos.id, ids.slice(i, i + 500)));
      for (const r of found) rows.set(r.id, { status: r.status, keys: [r.originalKey, r.copyKey, r.posterKey] });
    }
    let removed = 0;
    for (const key of keys) {
      const owner = videoOfKey(key);
      const row = owner ? rows.get(owner.videoId) : undefined;
      // A video still arriving or being copied may have files its row does not name yet.
      const isNamed = row && (row.status === "uploading" || row.status === "processing" || row.keys.includes(key));
      if (isNamed) continue;
      await store.delete(key);
      removed++;
    }
    if (abandoned.length || removed) logger.info({ abandonedUploads: abandoned.length, orphanFiles: removed }, "media clean-up");
  };
}

