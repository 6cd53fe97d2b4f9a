import { z } from "zod";
import { getRunForReview, getSessionForReview, listClientSessions, reviewRun, reviewSession } from "@/server/review/service";
import { attentionCoachOf } from "@/lib/attention";
import { listStudioAttention } from "@/server/review/studio-attention";
import { createTRPCRouter, trainerProcedure } from "../trpc";
import { clientIdInput } from "./inputs";

/** Feedback is a coach's message, longer than a drill note. */
export const MAX_FEEDBACK_LENGTH = 2000;

const sessionIdInput = z.object({ sessionId: z.uuid({ error: "Pick a session from the queue." }) });
const runIdInput = z.object({ runId: z.uuid({ error: "Pick a run from the queue or the client's logs." }) });
const feedbackInput = z
  .string({ error: "Write your feedback, or leave it empty." })
  .max(MAX_FEEDBACK_LENGTH, { error: `Keep the feedback under ${MAX_FEEDBACK_LENGTH} characters.` });

export const reviewRouter = createTRPCRouter({
  /** A session with each entry beside the prescription in force, and its review so far. */
  session: trainerProcedure.input(sessionIdInput).query(({ ctx, input }) => getSessionForReview(ctx.db, ctx.studioId, input.sessionId)),
  /** Writes the trainer's feedback and marks the session reviewed; the client sees it in their history. */
  save: trainerProcedure
    .input(sessionIdInput.extend({ feedback: feedbackInput }))
    .mutation(({ ctx, input }) => reviewSession(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /** A run with its pain, note and warm-up, and the trainer's answer so far. */
  run: trainerProcedure.input(runIdInput).query(({ ctx, input }) => getRunForReview(ctx.db, ctx.studioId, input.runId)),
  /** Acknowledges a run (its pain leaves the queue) with an answer the client reads in their history. */
  acknowledgeRun: trainerProcedure
    .input(runIdInput.extend({ feedback: feedbackInput }))
    .mutation(({ ctx, input }) => reviewRun(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /**
   * What needs the trainer: unreviewed sessions, pain, missed days, failed payments (and
   * progression's flags); for their own clients or the whole studio (see attentionCoachOf).
   */
  attention: trainerProcedure
    .input(z.object({ view: z.enum(["mine", "studio"], { error: "Choose your clients or the whole studio." }).optional() }).optional())
    .query(({ ctx, input }) => listStudioAttention(ctx.db, ctx.studioId, ctx.now(), { coachId: attentionCoachOf(ctx, input?.view), distanceUnit: ctx.viewer.distanceUnit })),
  /** A client's latest sessions and runs, for their page. */
  forClient: trainerProcedure
    .input(clientIdInput)
    .query(({ ctx, input }) => listClientSessions(ctx.db, ctx.studioId, input.clientId)),
});
