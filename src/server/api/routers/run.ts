// Named for what the caller handles; the rules live in `training/` (sessions and runs are training).
import { z } from "zod";
import { deleteRun, logRun } from "@/server/training/service";
import { getOwnRun } from "@/server/training/run-page";
import { updateRun } from "@/server/training/run-edit";
import { logRunInput, updateRunInput } from "@/lib/session-input";
import { clientProcedure, createTRPCRouter } from "../trpc";

const runIdInput = z.object({ runId: z.uuid({ error: "Pick one of your runs from your history." }) });

export const runRouter = createTRPCRouter({
  /** Logs a run under the id the device made; saving it again stores nothing new. */
  log: clientProcedure.input(logRunInput).mutation(({ ctx, input }) => logRun(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now())),
  /** Deletes one of the client's own runs, within 24 hours of saving it. */
  delete: clientProcedure
    .input(runIdInput)
    .mutation(({ ctx, input }) => deleteRun(ctx.db, ctx.studioId, ctx.clientId, input.runId, ctx.now())),
  /** One of the client's own runs for its page: figures, track, warm-up, the trainer's answer, and whether it can still change. */
  mine: clientProcedure.input(runIdInput).query(({ ctx, input }) => getOwnRun(ctx.db, ctx.studioId, ctx.clientId, input.runId, ctx.now())),
  /** Corrects one of the client's own runs within 24 hours of saving it (a file run: effort, pain and note only). */
  update: clientProcedure.input(updateRunInput).mutation(({ ctx, input }) => updateRun(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now())),
});
