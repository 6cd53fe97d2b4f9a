import { z } from "zod";
import { previewInvite } from "@/server/clients/service";
import { previewStaffInvite } from "@/server/staff/service";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const inviteRouter = createTRPCRouter({
  /** Who an invite link is for, or null when it expired, was used, or never existed. */
  preview: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => previewInvite(ctx.db, input.token, ctx.now())),
  /** Which studio a trainer's invite link joins, or null when it expired, was used or withdrawn. */
  previewStaff: publicProcedure
    .input(z.object({ token: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => previewStaffInvite(ctx.db, input.token, ctx.now())),
});
