import { count, desc, eq, sql, sum } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import type { Db, Queryable } from "@/server/db/client";
import { clients, practiceEntries, practiceSessions, videos, type Video } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { logger } from "@/server/logger";
import { mayWatch, type MediaReader, type Uploader } from "./access";
import { videoFolder } from "./keys";
import type { MediaStore } from "./storage";

// The form-check videos of logged sessions: what the client and their trainers see of them,
// and the client's removal of their own. Uploads are in uploads.ts, processing in jobs.ts.

export type EntrySide = { sessionId: string; drillId: string; setNumber: number; side: "left" | "right" | "both" };

/** What the UI shows of a video: its state and where to fetch its files (the media route). */
export type VideoView = EntrySide & {
  id: string;
  status: Video["status"];
  /** Why it failed, or what is missing (no phone-friendly copy without ffmpeg), in a sentence. */
  statusNote: string | null;
  durationMs: number | null;
  mimeType: string | null;
  sizeBytes: number;
  createdAt: Date;
  /** null until there is a file to play. */
  videoUrl: string | null;
  posterUrl: string | null;
};

export const videoUrlOf = (id: string) => `/api/media/videos/${id}/video`;
export const posterUrlOf = (id: string) => `/api/media/videos/${id}/poster`;

export function viewOf(v: Video): VideoView {
  const playable = v.status === "ready" && (v.copyKey ?? v.originalKey) !== null;
  return {
    id: v.id,
    sessionId: v.sessionId,
    drillId: v.drillId,
    setNumber: v.setNumber,
    side: v.side,
    status: v.status,
    statusNote: v.statusNote,
    durationMs: v.durationMs,
    mimeType: v.mimeType,
    sizeBytes: v.sizeBytes,
    createdAt: v.createdAt,
    videoUrl: playable ? videoUrlOf(v.id) : null,
    posterUrl: v.posterKey ? posterUrlOf(v.id) : null,
  };
}

/** The video, if the reader may watch it; anyone else's, or another studio's, is "missing". */
export async function watchableVideo(q: Queryable, reader: MediaReader, videoId: string): Promise<Video> {
  const [row] = await q
    .select({ video: videos })
    .from(videos)
    .innerJoin(clients, eq(clients.id, videos.clientId))
    .where(inStudio(videos, reader.studioId, eq(videos.id, videoId), mayWatch(reader)))
    .limit(1);
  if (!row) throw notFound("video");
  return row.video;
}

/**
 * The videos of a logged drill (one side, or every side and set when left out), newest first.
 * A session the reader may not read answers as missing, as the session's own page does.
 */
export async function videosOfEntry(q: Queryable, reader: MediaReader, entry: { sessionId: string; drillId: string; setNumber?: number; side?: EntrySide["side"] }): Promise<VideoView[]> {
  const [session] = await q
    .select({ id: practiceSessions.id })
    .from(practiceSessions)
    .innerJoin(clients, eq(clients.id, practiceSessions.clientId))
    .where(inStudio(practiceSessions, reader.studioId, eq(practiceSessions.id, entry.sessionId), mayWatch(reader)))
    .limit(1);
  if (!session) throw notFound("session");
  const rows = await q
    .select()
    .from(videos)
    .where(
      inStudio(
        videos,
        reader.studioId,
        eq(videos.sessionId, entry.sessionId),
        eq(videos.drillId, entry.drillId),
        entry.setNumber === undefined ? undefined : eq(videos.setNumber, entry.setNumber),
        entry.side === undefined ? undefined : eq(videos.side, entry.side),
      ),
    )
    .orderBy(desc(videos.createdAt), desc(videos.id));
  return rows.map(viewOf);
}

/** Whether the client logged this side of this drill in this session (the only thing they may film). */
export async function isLoggedByClient(q: Queryable, uploader: Uploader, entry: EntrySide): Promise<boolean> {
  const [row] = await q
    .select({ id: practiceEntries.id })
    .from(practiceEntries)
    .innerJoin(clients, eq(clients.id, practiceEntries.clientId))
    .where(
      inStudio(
        practiceEntries,
        uploader.studioId,
        eq(practiceEntries.clientId, uploader.clientId),
        eq(practiceEntries.sessionId, entry.sessionId),
        eq(practiceEntries.drillId, entry.drillId),
        eq(practiceEntries.setNumber, entry.setNumber),
        eq(practiceEntries.side, entry.side),
        mayWatch({ kind: "client", ...uploader }),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * The client removes a video of theirs: the row goes first (it is no longer shown or served),
 * then its files. A file the store could not remove now is an orphan the clean-up job removes.
 */
export async function removeVideo(db: Db, store: MediaStore, client: Uploader, videoId: string): Promise<void> {
  const [removed] = await db
    .delete(videos)
    .where(inStudio(videos, client.studioId, eq(videos.id, videoId), eq(videos.clientId, client.clientId)))
    .returning({ id: videos.id, studioId: videos.studioId });
  if (!removed) throw notFound("video");
  await removeFilesOfRemovedVideo(store, removed.studioId, removed.id);
}

/**
 * The files of a video whose row is gone for good. One the store cannot remove now is an orphan
 * the hourly media clean-up removes, so the failure is logged, not thrown.
 */
export async function removeFilesOfRemovedVideo(store: MediaStore, studioId: string, videoId: string): Promise<void> {
  await removeVideoFiles(store, studioId, videoId).catch((err: unknown) => logger.warn({ err, videoId }, "video files left for the media clean-up"));
}

/** Every file of a video in the store (original, copy, poster, and anything half-written). */
export async function removeVideoFiles(store: MediaStore, studioId: string, videoId: string): Promise<void> {
  for (const key of await store.list(videoFolder(studioId, videoId))) await store.delete(key);
}

/** The studio's videos and the bytes they take in the store (the owner's settings page shows it). */
export async function studioVideoStorage(q: Queryable, studioId: string): Promise<{ videos: number; bytes: number }> {
  const [row] = await q
    .select({ videos: count(), bytes: sum(videos.sizeBytes).mapWith(Number) })
    .from(videos)
    .where(inStudio(videos, studioId, sql`${videos.status} <> 'uploading'`));
  return { videos: row?.videos ?? 0, bytes: row?.bytes ?? 0 };
}

/** A refusal of an upload the caller did not start (someone else's upload id). */
export const notYourUpload = () => new DomainError("FORBIDDEN", "This upload belongs to another account. Start your own upload from the session's page.");
