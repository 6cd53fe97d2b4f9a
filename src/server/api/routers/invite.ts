import { z } from "zod";
import { previewInvite } from "@/server/clients/service";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const inviteRouter = createTRPCRouter({
  /** Who an invite link is for, or null when it expired, was used, or never existed. */
  preview: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => previewInvite(ctx.db, input.token, ctx.now())),
});
