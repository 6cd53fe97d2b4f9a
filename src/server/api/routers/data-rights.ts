import { z } from "zod";
import { billingProvider } from "@/server/billing/config";
import { deleteClient, deletionPreview } from "@/server/data-rights/delete-client";
import { exportFileName } from "@/server/data-rights/export";
import type { ExportScope } from "@/server/data-rights/scope";
import { exportStudio } from "@/server/data-rights/scope";
import { localDateIn } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { clientProcedure, createTRPCRouter, ownerProcedure, trainerProcedure } from "../trpc";

const clientIdField = z.uuid({ error: "That client id is not valid." });
export const deletionPreviewInput = z.object({ clientId: clientIdField });
export const deleteClientInput = z.object({
  clientId: clientIdField,
  confirmName: z
    .string({ error: "Type the client's name to confirm." })
    .trim()
    .min(1, { error: "Type the client's name to confirm." })
    .max(200, { error: "That is longer than any client's name; type the name as shown." }),
});

// The export routes (src/app/api/export/*) ask these who may download what: the same
// builders, so the same roles. The answer is the scope the zip is built from.
async function download(ctx: { db: Parameters<typeof exportStudio>[0]; now: () => Date; viewer: { timeZone: string; name: string } }, scope: ExportScope) {
  const studio = await exportStudio(ctx.db, scope.studioId);
  const audience = scope.audience === "client" ? "client" : scope.coachMemberId ? "coach" : "studio";
  return {
    scope,
    fileName: exportFileName({ audience, studioSlug: studio.slug, personName: ctx.viewer.name, localDate: localDateIn(ctx.now(), usableZone(ctx.viewer.timeZone)) }),
  };
}

export const dataRightsRouter = createTRPCRouter({
  /** The owner exports the whole studio; another trainer the clients they coach. */
  studioExport: trainerProcedure.query(({ ctx }) =>
    download(ctx, { audience: "studio", studioId: ctx.studioId, coachMemberId: ctx.role === "owner" ? null : ctx.memberId }),
  ),
  /** A client exports their own rows and profile. */
  myExport: clientProcedure.query(({ ctx }) => download(ctx, { audience: "client", studioId: ctx.studioId, clientId: ctx.clientId })),
  deletionPreview: ownerProcedure.input(deletionPreviewInput).query(({ ctx, input }) => deletionPreview(ctx.db, ctx.studioId, input.clientId, ctx.now())),
  deleteClient: ownerProcedure.input(deleteClientInput).mutation(({ ctx, input }) =>
    deleteClient(ctx.db, () => billingProvider(ctx.db, { appUrl: ctx.appUrl, now: ctx.now }), {
      studioId: ctx.studioId,
      memberId: ctx.memberId,
      clientId: input.clientId,
      confirmName: input.confirmName,
      now: ctx.now(),
    }),
  ),
});
