import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { MESSAGE_MAX_CHARACTERS } from "@/lib/message-text";
import { conversationFor, logThreadFor, readerOf, threadFor } from "@/server/messages/access";
import { messagePhotoFor, uploadMessagePhoto } from "@/server/messages/photos";
import { markThreadRead, postMessage, threadMessages, unreadThreadCount } from "@/server/messages/service";
import { authedProcedure, createTRPCRouter } from "../trpc";

// Messages and comments, for clients and trainers alike: every procedure reads the thread
// through `threadFor`, which answers a thread the caller may not read exactly like a missing one.

/** Clients and trainers; anyone else signed in is refused. */
const readerProcedure = authedProcedure.use(({ ctx, next }) => {
  const reader = readerOf(ctx.viewer);
  if (!reader) throw new TRPCError({ code: "FORBIDDEN", message: "Messages are between a studio's clients and trainers." });
  return next({ ctx: { reader } });
});

const threadIdInput = z.object({ threadId: z.uuid({ error: "Pick a conversation from your messages." }) });

export const messageRouter = createTRPCRouter({
  /** The client's conversation with the studio, its latest messages and when the other side last read it (times to be shown in `timeZone`, the reader's). A client leaves out `clientId` (their own). */
  conversation: readerProcedure
    .input(z.object({ clientId: z.uuid({ error: "Pick a client to write to." }).optional() }))
    .query(async ({ ctx, input }) => {
      // A client may name themselves or nobody; naming another client is answered as missing (conversationFor).
      const clientId = input.clientId ?? (ctx.reader.kind === "client" ? ctx.reader.clientId : undefined);
      if (!clientId) throw new TRPCError({ code: "BAD_REQUEST", message: "Pick a client to write to." });
      const thread = await conversationFor(ctx.db, ctx.reader, clientId);
      return { ...(await threadMessages(ctx.db, ctx.reader, thread)), timeZone: ctx.viewer.timeZone };
    }),
  /** The comments on a logged session, run or answered check-in (the trainer's feedback first), beside the log. */
  forLog: readerProcedure
    .input(
      z.union([
        z.object({ sessionId: z.uuid({ error: "Pick a session from the history." }) }),
        z.object({ runId: z.uuid({ error: "Pick a run from the history." }) }),
        z.object({ checkinResponseId: z.uuid({ error: "Pick a check-in from the history." }) }),
      ], { error: "Pick a session, a run or a check-in." }),
    )
    .query(async ({ ctx, input }) => ({ ...(await threadMessages(ctx.db, ctx.reader, await logThreadFor(ctx.db, ctx.reader, input))), timeZone: ctx.viewer.timeZone })),
  /** Older messages of a thread, before the oldest one shown. */
  older: readerProcedure
    .input(
      threadIdInput.extend({
        // Within Stride's lifetime: a year-0 date is a broken request (PostgreSQL has no year 0).
        before: z.coerce
          .date({ error: "That point in the conversation is not valid." })
          .min(new Date("2020-01-01T00:00:00Z"), { error: "That point in the conversation is not valid." })
          .max(new Date("2100-01-01T00:00:00Z"), { error: "That point in the conversation is not valid." }),
      }),
    )
    .query(async ({ ctx, input }) => threadMessages(ctx.db, ctx.reader, await threadFor(ctx.db, ctx.reader, input.threadId), { before: input.before })),
  /** Sends a message; the id is made on the device, so sending again (a retry, an offline sync) stores it once. */
  send: readerProcedure
    .input(
      threadIdInput.extend({
        id: z.uuid({ error: "This message could not be sent as it is. Write it again and send." }),
        body: z
          .string({ error: "Write a message before sending." })
          // The exact rule (trimmed, counted as a person counts) is messageTextProblem's; this bound only stops an absurd body early.
          .max(MESSAGE_MAX_CHARACTERS * 4, { error: `Messages can be up to ${MESSAGE_MAX_CHARACTERS.toLocaleString("en")} characters. Split it into two.` }),
        /** A photo uploaded to this thread by the sender (POST /api/messages/photos), sent with the message. */
        photoId: z.uuid({ error: "That photo could not be attached. Choose it again and send." }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const thread = await threadFor(ctx.db, ctx.reader, input.threadId);
      const { message } = await postMessage(ctx.db, ctx.reader, thread, { id: input.id, body: input.body }, ctx.now(), { photoId: input.photoId });
      return { id: message.id, createdAt: message.createdAt };
    }),
  /**
   * Stores a photo for a message the caller is about to send in the thread. Called by the upload
   * route (POST /api/messages/photos) with the file's bytes: over /api/trpc no bytes can arrive,
   * so the input is refused there.
   */
  uploadPhoto: readerProcedure
    .input(threadIdInput.extend({ photo: z.instanceof(Uint8Array, { error: "Send the photo with the photo button." }) }))
    .mutation(async ({ ctx, input }) => uploadMessagePhoto(ctx.db, ctx.reader, await threadFor(ctx.db, ctx.reader, input.threadId), input.photo, ctx.now())),
  /** A photo's bytes, for the route that serves it (GET /api/messages/photos/[photoId]), to those who may read its thread. */
  photo: readerProcedure
    .input(z.object({ photoId: z.uuid({ error: "There is no such photo." }) }))
    .query(({ ctx, input }) => messagePhotoFor(ctx.db, ctx.reader, input.photoId)),
  /** The caller has read the thread: the other side sees "Seen", and the caller's unread count drops. */
  markRead: readerProcedure.input(threadIdInput).mutation(async ({ ctx, input }) => {
    await markThreadRead(ctx.db, ctx.reader, await threadFor(ctx.db, ctx.reader, input.threadId), ctx.now());
    return { ok: true as const };
  }),
  /** How many threads wait for the caller (for the badge in the navigation). */
  unreadCount: readerProcedure.query(({ ctx }) => unreadThreadCount(ctx.db, ctx.reader)),
});
