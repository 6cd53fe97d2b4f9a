import { createTRPCRouter, publicProcedure, viewerOf } from "../trpc";

export const viewerRouter = createTRPCRouter({
  /** Who is signed in (or null): pages use it to choose between dashboard and portal. */
  me: publicProcedure.query(async ({ ctx }) => viewerOf(ctx)),
});
