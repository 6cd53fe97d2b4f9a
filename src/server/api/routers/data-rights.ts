import { z } from "zod";
import { billingProvider } from "@/server/billing/config";
import { deleteClient, deletionPreview } from "@/server/data-rights/delete-client";
import { exportDownload } from "@/server/data-rights/export";
import { trainerExportScope } from "@/server/data-rights/scope";
import { clientProcedure, createTRPCRouter, ownerProcedure, trainerProcedure } from "../trpc";
import { clientIdInput } from "./inputs";

export const deleteClientInput = clientIdInput.extend({
  confirmName: z
    .string({ error: "Type the client's name to confirm." })
    .trim()
    .min(1, { error: "Type the client's name to confirm." })
    .max(200, { error: "That is longer than any client's name; type the name as shown." }),
});

// The export routes (src/app/api/export/*) ask these who may download what: the same
// builders, so the same roles. The answer is the scope the zip is built from.
const downloaderOf = (ctx: { viewer: { name: string; timeZone: string }; now: () => Date }) => ({ name: ctx.viewer.name, timeZone: ctx.viewer.timeZone, now: ctx.now() });

export const dataRightsRouter = createTRPCRouter({
  /** The owner exports the whole studio; another trainer the clients they coach. */
  studioExport: trainerProcedure.query(({ ctx }) => exportDownload(ctx.db, trainerExportScope(ctx), downloaderOf(ctx))),
  /** A client exports their own rows and profile. */
  myExport: clientProcedure.query(({ ctx }) => exportDownload(ctx.db, { audience: "client", studioId: ctx.studioId, clientId: ctx.clientId }, downloaderOf(ctx))),
  deletionPreview: ownerProcedure.input(clientIdInput).query(({ ctx, input }) => deletionPreview(ctx.db, ctx.studioId, input.clientId, ctx.now())),
  deleteClient: ownerProcedure.input(deleteClientInput).mutation(({ ctx, input }) =>
    deleteClient(ctx.db, () => billingProvider(ctx.db, { appUrl: ctx.appUrl, now: ctx.now, studioId: ctx.studioId }), {
      studioId: ctx.studioId,
      requestedBy: { by: "owner", memberId: ctx.memberId },
      clientId: input.clientId,
      confirmName: input.confirmName,
      now: ctx.now(),
    }),
  ),
});
