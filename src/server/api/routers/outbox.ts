import { listOutbox } from "@/server/outbox/service";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const outboxRouter = createTRPCRouter({
  /**
   * Demo mode has no mail server: the studio's trainers see its emails here, but a sign-in link
   * or an invite only when it is addressed to them (the others are in the server's log).
   */
  list: trainerProcedure.query(({ ctx }) => listOutbox(ctx.db, ctx.studioId, ctx.viewer, { isDemo: ctx.isDemo })),
});
