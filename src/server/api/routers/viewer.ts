import { loadViewer } from "@/server/auth/viewer";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const viewerRouter = createTRPCRouter({
  /** Who is signed in (or null): pages use it to choose between dashboard and portal. */
  me: publicProcedure.query(async ({ ctx }) => (ctx.userId ? loadViewer(ctx.db, ctx.userId) : null)),
});
