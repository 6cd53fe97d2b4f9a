// Named for what the caller handles; the rules live in `training/` (sessions and runs are training).
import { z } from "zod";
import { deleteRun, logRun } from "@/server/training/service";
import { logRunInput } from "@/lib/session-input";
import { clientProcedure, createTRPCRouter } from "../trpc";

export const runRouter = createTRPCRouter({
  /** Logs a run under the id the device made; saving it again stores nothing new. */
  log: clientProcedure.input(logRunInput).mutation(({ ctx, input }) => logRun(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now())),
  /** Deletes one of the client's own runs, within 24 hours of saving it. */
  delete: clientProcedure
    .input(z.object({ runId: z.uuid({ error: "Pick one of your runs from your history." }) }))
    .mutation(({ ctx, input }) => deleteRun(ctx.db, ctx.studioId, ctx.clientId, input.runId, ctx.now())),
});
