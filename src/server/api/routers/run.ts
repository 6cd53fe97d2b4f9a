// Named for what the caller handles; the rules live in `training/` (sessions and runs are training)
// and `runs/` (runs read from a watch's file).
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { deleteRun, logRun } from "@/server/training/service";
import { getOwnRun } from "@/server/training/run-page";
import { updateRun } from "@/server/training/run-edit";
import { importUpload } from "@/server/runs/import-upload";
import { isZipName, MAX_FILE_BYTES, MAX_ZIP_BYTES, tooBigSentence } from "@/lib/runs/import-lines";
import { logRunInput, updateRunInput } from "@/lib/session-input";
import { clientProcedure, createTRPCRouter } from "../trpc";

const runIdInput = z.object({ runId: z.uuid({ error: "Pick one of your runs from your history." }) });

export const importRunsInput = z.object({
  fileName: z
    .string({ error: "Name the file you are importing." })
    .trim()
    .min(1, { error: "Name the file you are importing." })
    .max(255, { error: "The file's name is too long; rename it to under 255 characters." })
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { error: "The file's name has characters a file name cannot have; rename it." }),
  bytes: z.instanceof(Uint8Array, { error: "Choose a file to import." }),
});

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
  /** How large an import may be; asked by the upload route before it reads the body (clients only). */
  importLimits: clientProcedure.query(() => ({ maxFileBytes: MAX_FILE_BYTES, maxZipBytes: MAX_ZIP_BYTES })),
  /**
   * Imports a watch's file (FIT, GPX, TCX) or a zip of them as the client's runs, for the route
   * that takes the upload (POST /api/runs/import): a line per file, as each is read.
   */
  import: clientProcedure.input(importRunsInput).mutation(({ ctx, input }) => {
    if (input.bytes.byteLength === 0) throw new TRPCError({ code: "BAD_REQUEST", message: `${input.fileName} is empty: choose the file again.` });
    if (input.bytes.byteLength > (isZipName(input.fileName) ? MAX_ZIP_BYTES : MAX_FILE_BYTES)) throw new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooBigSentence(input.fileName) });
    const target = { studioId: ctx.studioId, clientId: ctx.clientId, unit: ctx.viewer.distanceUnit, timeZone: ctx.viewer.timeZone };
    return importUpload(ctx.db, target, input, ctx.now());
  }),
});
