import { asc, eq, inArray } from "drizzle-orm";
import { drills, users, videoComments, videos } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { MediaStore } from "@/server/media/storage";
import { isoInstant } from "./csv";
import type { ExportFile, FileContext } from "./files";

// The client's form-check videos: a row each in videos.csv, and the file itself (the
// phone-friendly copy, or the original while there is none) under videos/ in the zip, read
// from the media store one at a time, as a stream: a studio's videos never sit in memory.

/** Where a video is in the zip: videos/<video id>.<mp4, mov, webm…>. */
export function videoFileName(videoId: string, mimeType: string | null): string {
  const ext = { "video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm", "video/x-matroska": "mkv", "video/3gpp": "3gp", "video/x-m4v": "m4v" }[mimeType ?? ""] ?? "bin";
  return `videos/${videoId}.${ext}`;
}

const HEADER = ["video_id", "client_id", "session_id", "drill", "set_number", "side", "status", "duration_s", "size_bytes", "file", "created_at_utc"] as const;

export const videosFile: ExportFile = {
  name: "videos.csv",
  header: HEADER,
  async *rows(ctx) {
    const ids = ctx.clients.map((c) => c.id);
    if (!ids.length) return;
    const rows = await ctx.q
      .select({ v: videos, drill: drills.name })
      .from(videos)
      .leftJoin(drills, eq(drills.id, videos.drillId))
      .where(inStudio(videos, ctx.studioId, inArray(videos.clientId, ids)))
      .orderBy(asc(videos.clientId), asc(videos.createdAt), asc(videos.id));
    yield rows.map(({ v, drill }) => [
      v.id,
      v.clientId,
      v.sessionId,
      drill,
      v.setNumber,
      v.side,
      v.status,
      v.durationMs === null ? null : (v.durationMs / 1000).toFixed(1),
      v.sizeBytes,
      (v.copyKey ?? v.originalKey) ? videoFileName(v.id, v.mimeType) : null,
      isoInstant(v.createdAt),
    ]);
  },
};

const COMMENT_HEADER = ["comment_id", "video_id", "client_id", "at_s", "author", "comment", "created_at_utc"] as const;

/** The comments pinned to moments of the client's videos, in the order of each video's moments. */
export const videoCommentsFile: ExportFile = {
  name: "video-comments.csv",
  header: COMMENT_HEADER,
  async *rows(ctx) {
    const ids = ctx.clients.map((c) => c.id);
    if (!ids.length) return;
    const rows = await ctx.q
      .select({ c: videoComments, clientId: videos.clientId, author: users.name })
      .from(videoComments)
      .innerJoin(videos, eq(videos.id, videoComments.videoId))
      .innerJoin(users, eq(users.id, videoComments.authorUserId))
      .where(inStudio(videoComments, ctx.studioId, inArray(videos.clientId, ids)))
      .orderBy(asc(videos.clientId), asc(videoComments.videoId), asc(videoComments.atMs), asc(videoComments.id));
    yield rows.map(({ c, clientId, author }) => [c.id, c.videoId, clientId, (c.atMs / 1000).toFixed(1), author, c.body, isoInstant(c.createdAt)]);
  },
};

/** Each video's file, named as in videos.csv's file column; a file missing from the store is left out. */
export async function* exportedVideoFiles(ctx: FileContext, store: MediaStore): AsyncIterable<{ name: string; chunks: AsyncIterable<Uint8Array> }> {
  const ids = ctx.clients.map((c) => c.id);
  if (!ids.length) return;
  // One read of the rows (a few short columns each); the bytes are streamed one file at a time.
  const rows = await ctx.q
    .select({ id: videos.id, mimeType: videos.mimeType, copyKey: videos.copyKey, originalKey: videos.originalKey })
    .from(videos)
    .where(inStudio(videos, ctx.studioId, inArray(videos.clientId, ids)))
    .orderBy(asc(videos.id));
  for (const video of rows) {
    const key = video.copyKey ?? video.originalKey;
    const object = key ? await store.get(key) : null;
    if (object) yield { name: videoFileName(video.id, video.mimeType), chunks: object.body as AsyncIterable<Uint8Array> };
  }
}
