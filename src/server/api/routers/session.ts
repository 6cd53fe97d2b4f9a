// Named for what the caller handles; the rules live in `training/` (sessions and runs are training).
import { z } from "zod";
import { deleteSession, getOwnSession, listHistory, logSession, recentRuns, updateSession } from "@/server/training/service";
import { logSessionInput } from "@/lib/session-input";
import { clientProcedure, createTRPCRouter } from "../trpc";

const sessionIdInput = z.object({ sessionId: z.uuid({ error: "Pick one of your sessions from your history." }) });

export const sessionRouter = createTRPCRouter({
  /** Logs a practice session under the id the device made; saving it again stores nothing new. */
  log: clientProcedure.input(logSessionInput).mutation(({ ctx, input }) => logSession(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now(), { timeZone: ctx.viewer.timeZone })),
  /** Replaces one of the client's own sessions, within 24 hours of saving it. */
  update: clientProcedure.input(logSessionInput).mutation(({ ctx, input }) => updateSession(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now(), { timeZone: ctx.viewer.timeZone })),
  /** Deletes one of the client's own sessions, within 24 hours of saving it. */
  delete: clientProcedure.input(sessionIdInput).mutation(({ ctx, input }) => deleteSession(ctx.db, ctx.studioId, ctx.clientId, input.sessionId, ctx.now())),
  /** One of the client's own sessions, to edit it. */
  mine: clientProcedure.input(sessionIdInput).query(({ ctx, input }) => getOwnSession(ctx.db, ctx.studioId, ctx.clientId, input.sessionId, ctx.now())),
  /** The client's own sessions and runs, newest first, with the trainer's feedback. */
  history: clientProcedure.query(({ ctx }) => listHistory(ctx.db, ctx.studioId, ctx.clientId, ctx.now())),
  /** The client's runs of the last few days, to mark a session as the warm-up before one. */
  recentRuns: clientProcedure.query(({ ctx }) => recentRuns(ctx.db, ctx.studioId, ctx.clientId, ctx.now())),
});
