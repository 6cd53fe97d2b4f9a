import { and, asc, desc, eq, lt, or } from "drizzle-orm";
import { DomainError, notFound } from "@/lib/errors";
import type { Queryable } from "@/server/db/client";
import { practiceSessions, users, videoComments, videos } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { ThreadReader } from "@/server/messages/access";
import { postMessage } from "@/server/messages/service";
import { conversationOf } from "@/server/messages/threads";
import type { MediaReader } from "./access";
import { clientMomentPath, commentBodyProblem, commentMessageText, momentProblem, parseMoment } from "@/lib/video-moments";
import { viewOf, watchableVideo, type VideoView } from "./videos";

// Comments pinned to a moment of a form-check video (issue 22): the trainer writes one at the
// wobble, the client sees it as a marker on the video and as a message in their thread with
// the trainer, with a push.

export type VideoCommentView = { id: string; videoId: string; atMs: number; body: string; authorName: string; isMine: boolean; createdAt: Date };

/** A video's comments in the order of their moments, for anyone who may watch it. */
export async function commentsOfVideo(q: Queryable, reader: MediaReader, videoId: string): Promise<VideoCommentView[]> {
  const video = await watchableVideo(q, reader, videoId);
  const rows = await q
    .select({ comment: videoComments, authorName: users.name })
    .from(videoComments)
    .innerJoin(users, eq(users.id, videoComments.authorUserId))
    .where(inStudio(videoComments, video.studioId, eq(videoComments.videoId, video.id)))
    .orderBy(asc(videoComments.atMs), asc(videoComments.createdAt));
  return rows.map(({ comment, authorName }) => ({
    id: comment.id,
    videoId: comment.videoId,
    atMs: comment.atMs,
    body: comment.body,
    authorName,
    isMine: comment.authorUserId === reader.userId,
    createdAt: comment.createdAt,
  }));
}

export type TrainerAuthor = Extract<MediaReader, { kind: "trainer" }> & { name: string };

/**
 * A trainer pins a comment to a moment of a video of a client they may see. The video must be
 * ready and its length known (a moment is checked against it). The comment and its message to
 * the client are one write: neither exists without the other.
 */
export async function commentOnVideo(q: Queryable, trainer: TrainerAuthor, input: { videoId: string; at: string; body: string }, now: Date): Promise<VideoCommentView> {
  const video = await watchableVideo(q, trainer, input.videoId);
  if (video.status !== "ready" || video.durationMs === null) throw new DomainError("BAD_REQUEST", "This video is not ready to watch yet: comment on it once it plays.");
  const moment = parseMoment(input.at);
  if (!moment.ok) throw new DomainError("BAD_REQUEST", moment.problem, "at");
  const outside = momentProblem(moment.value, video.durationMs);
  if (outside) throw new DomainError("BAD_REQUEST", outside, "at");
  const bodyProblem = commentBodyProblem(input.body);
  if (bodyProblem) throw new DomainError("BAD_REQUEST", bodyProblem, "body");
  const body = input.body.trim();

  return q.transaction(async (tx) => {
    const [comment] = await tx
      .insert(videoComments)
      .values({ studioId: video.studioId, videoId: video.id, authorUserId: trainer.userId, atMs: moment.value, body, createdAt: now })
      .returning();
    const author: ThreadReader = { kind: "trainer", studioId: trainer.studioId, userId: trainer.userId, name: trainer.name, clientScope: trainer.clientScope };
    const thread = await conversationOf(tx, video.studioId, video.clientId);
    // The message shares the comment's id, so the comment is said once in the thread.
    await postMessage(tx, author, thread, { id: comment!.id, body: commentMessageText(comment!.atMs, body) }, now, {
      clientUrl: clientMomentPath(video.sessionId, video.id, comment!.atMs),
    });
    return { id: comment!.id, videoId: video.id, atMs: comment!.atMs, body, authorName: trainer.name, isMine: true, createdAt: comment!.createdAt };
  });
}

/** The author takes a comment back; the message already sent stays in the thread, as sent messages do. */
export async function removeVideoComment(q: Queryable, reader: MediaReader, commentId: string): Promise<void> {
  const [removed] = await q
    .delete(videoComments)
    .where(inStudio(videoComments, reader.studioId, eq(videoComments.id, commentId), eq(videoComments.authorUserId, reader.userId)))
    .returning({ id: videoComments.id });
  if (!removed) throw notFound("comment");
}

export type EarlierVideo = VideoView & { performedAt: Date; localDate: string };

/**
 * The client's earlier ready videos of the same drill and side, newest first: what "Compare
 * with an earlier video" offers. Earlier is by the session's time, then the video's.
 */
export async function earlierVideosOfDrillSide(q: Queryable, reader: MediaReader, videoId: string, limit = 20): Promise<EarlierVideo[]> {
  const video = await watchableVideo(q, reader, videoId);
  const [session] = await q
    .select({ performedAt: practiceSessions.performedAt })
    .from(practiceSessions)
    .where(inStudio(practiceSessions, video.studioId, eq(practiceSessions.id, video.sessionId)))
    .limit(1);
  if (!session) throw notFound("video");
  const rows = await q
    .select({ video: videos, performedAt: practiceSessions.performedAt, localDate: practiceSessions.localDate })
    .from(videos)
    .innerJoin(practiceSessions, and(eq(practiceSessions.studioId, videos.studioId), eq(practiceSessions.id, videos.sessionId)))
    .where(
      inStudio(
        videos,
        video.studioId,
        eq(videos.clientId, video.clientId),
        eq(videos.drillId, video.drillId),
        eq(videos.side, video.side),
        eq(videos.status, "ready"),
        or(lt(practiceSessions.performedAt, session.performedAt), and(eq(practiceSessions.performedAt, session.performedAt), lt(videos.createdAt, video.createdAt))),
      ),
    )
    .orderBy(desc(practiceSessions.performedAt), desc(videos.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...viewOf(r.video), performedAt: r.performedAt, localDate: r.localDate }));
}
