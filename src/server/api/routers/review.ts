import { z } from "zod";
import { getRunForReview, getSessionForReview, listClientSessions, reviewRun, reviewSession } from "@/server/review/service";
import { attentionCoachOf } from "@/lib/attention";
import { listStudioAttention } from "@/server/review/studio-attention";
import { coachFilterWithin } from "@/lib/client-visibility";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

/** Feedback is a coach's message, longer than a drill note. */
export const MAX_FEEDBACK_LENGTH = 2000;

const sessionIdInput = z.object({ sessionId: z.uuid({ error: "Pick a session from the queue." }) });
const runIdInput = z.object({ runId: z.uuid({ error: "Pick a run from the queue or the client's logs." }) });
const feedbackInput = z
  .string({ error: "Write your feedback, or leave it empty." })
  .max(MAX_FEEDBACK_LENGTH, { error: `Keep the feedback under ${MAX_FEEDBACK_LENGTH} characters.` });

const theSession = (input: { sessionId: string }) => ({ sessionId: input.sessionId });
const theRun = (input: { runId: string }) => ({ runId: input.runId });

export const reviewRouter = createTRPCRouter({
  /** A session with each entry beside the prescription in force, and its review so far. */
  session: trainerProcedure.input(sessionIdInput).use(namesClientRow(theSession)).query(({ ctx, input }) => getSessionForReview(ctx.db, ctx.studioId, input.sessionId)),
  /** Writes the trainer's feedback and marks the session reviewed; the client sees it in their history. */
  save: trainerProcedure
    .input(sessionIdInput.extend({ feedback: feedbackInput }))
    .use(namesClientRow(theSession))
    .mutation(({ ctx, input }) => reviewSession(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /** A run with its pain, note and warm-up, and the trainer's answer so far. */
  run: trainerProcedure.input(runIdInput).use(namesClientRow(theRun)).query(({ ctx, input }) => getRunForReview(ctx.db, ctx.studioId, input.runId)),
  /** Acknowledges a run (its pain leaves the queue) with an answer the client reads in their history. */
  acknowledgeRun: trainerProcedure
    .input(runIdInput.extend({ feedback: feedbackInput }))
    .use(namesClientRow(theRun))
    .mutation(({ ctx, input }) => reviewRun(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /**
   * What needs the trainer: unreviewed sessions, pain, missed days, failed payments (and
   * progression's flags); for their own clients or the whole studio (see attentionCoachOf).
   */
  attention: trainerProcedure
    .input(z.object({ view: z.enum(["mine", "studio"], { error: "Choose your clients or the whole studio." }).optional() }).optional())
    .query(({ ctx, input }) => listStudioAttention(ctx.db, ctx.studioId, ctx.now(), { coachId: coachFilterWithin(ctx.clientScope, attentionCoachOf(ctx, input?.view)), distanceUnit: ctx.viewer.distanceUnit })),
  /** A client's latest sessions and runs, for their page. */
  forClient: trainerProcedure
    .input(clientIdInput)
    .use(namesClientRow(theClient))
    .query(({ ctx, input }) => listClientSessions(ctx.db, ctx.studioId, input.clientId)),
});
