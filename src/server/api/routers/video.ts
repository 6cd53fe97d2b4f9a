import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { MAX_COMMENT_CHARS } from "@/lib/video-moments";
import { mediaReaderOf } from "@/server/media/access";
import { commentOnVideo, commentsOfVideo, earlierVideosOfDrillSide, removeVideoComment } from "@/server/media/comments";
import { entryVideosInput } from "@/server/media/entry-side";
import { ACCEPTED_VIDEO_TYPES, MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS } from "@/server/media/limits";
import { mediaStore } from "@/server/media/storage-select";
import { storeLocation } from "@/server/media/store-location";
import { VIDEO_UPLOAD_PATH } from "@/server/media/tus";
import { removeVideo, studioVideoStorage, videosOfEntry, viewOf, watchableVideo } from "@/server/media/videos";
import { authedProcedure, clientProcedure, createTRPCRouter, ownerProcedure, trainerProcedure } from "../trpc";

// Form-check videos (issue 22). The bytes go through the tus route (/api/uploads/videos) and
// come back through the media route (/api/media/videos/<id>/video|poster); these procedures say
// what exists, in what state, and let the client remove their own.

/** Clients and trainers; anyone else signed in is refused. */
const watcherProcedure = authedProcedure.use(({ ctx, next }) => {
  const reader = mediaReaderOf(ctx.viewer);
  if (!reader) throw new TRPCError({ code: "FORBIDDEN", message: "Form-check videos are between a studio's clients and trainers." });
  return next({ ctx: { reader } });
});

const videoIdInput = z.object({ videoId: z.uuid({ error: "Pick a video from the session." }) });

export const videoRouter = createTRPCRouter({
  /** What the upload route accepts, and where it is: for the logger's camera button (a client only). */
  uploadLimits: clientProcedure.query(() => ({ endpoint: VIDEO_UPLOAD_PATH, maxBytes: MAX_VIDEO_BYTES, maxSeconds: MAX_VIDEO_SECONDS, acceptedTypes: [...ACCEPTED_VIDEO_TYPES] })),
  /** The videos of one drill of a logged session (one side and set, or all of them), newest first. */
  forEntry: watcherProcedure
    .input(entryVideosInput)
    .query(({ ctx, input }) => videosOfEntry(ctx.db, ctx.reader, input)),
  /** One video: its status (uploading, processing, ready, failed), length and file URLs. */
  get: watcherProcedure.input(videoIdInput).query(async ({ ctx, input }) => viewOf(await watchableVideo(ctx.db, ctx.reader, input.videoId))),
  /** The client removes a video of theirs, with its files. */
  remove: clientProcedure.input(videoIdInput).mutation(async ({ ctx, input }) => {
    await removeVideo(ctx.db, mediaStore(), { studioId: ctx.studioId, clientId: ctx.clientId, userId: ctx.viewer.userId }, input.videoId);
    return { removed: true as const };
  }),
  /** A video's comments, in the order of their moments (the player's markers). */
  comments: watcherProcedure.input(videoIdInput).query(({ ctx, input }) => commentsOfVideo(ctx.db, ctx.reader, input.videoId)),
  /** A trainer of the client pins a comment to a moment ("0:07"); the client gets it in their thread, with a push. */
  comment: trainerProcedure
    .input(
      videoIdInput.extend({
        at: z.string({ error: "Write the moment as minutes and seconds, for example 0:07." }).max(20, { error: "Write the moment as minutes and seconds, for example 0:07." }),
        // A bound on what is read at all; the rule with its count is commentBodyProblem (src/lib/video-moments.ts).
        body: z.string({ error: "Write what you see at this moment." }).max(5 * MAX_COMMENT_CHARS, { error: `Keep a comment to ${MAX_COMMENT_CHARS} characters.` }),
      }),
    )
    .mutation(({ ctx, input }) =>
      commentOnVideo(ctx.db, { kind: "trainer", studioId: ctx.studioId, userId: ctx.viewer.userId, name: ctx.viewer.name, clientScope: ctx.clientScope }, input, new Date()),
    ),
  /** The author takes their comment back. */
  removeComment: watcherProcedure
    .input(z.object({ commentId: z.uuid({ error: "Pick a comment of the video." }) }))
    .mutation(async ({ ctx, input }) => {
      await removeVideoComment(ctx.db, ctx.reader, input.commentId);
      return { removed: true as const };
    }),
  /** The client's earlier ready videos of this one's drill and side, newest first ("Compare with an earlier video"). */
  sameDrillSide: watcherProcedure.input(videoIdInput).query(({ ctx, input }) => earlierVideosOfDrillSide(ctx.db, ctx.reader, input.videoId)),
  /** The studio's videos, the bytes they take and where they are kept (the owner's settings page). */
  studioStorage: ownerProcedure.query(async ({ ctx }) => ({ ...(await studioVideoStorage(ctx.db, ctx.studioId)), location: storeLocation() })),
});
