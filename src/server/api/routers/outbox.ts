import { TRPCError } from "@trpc/server";
import { listOutbox } from "@/server/outbox/service";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const outboxRouter = createTRPCRouter({
  /**
   * Demo mode has no mail server: the studio's trainers see its emails here, but a sign-in link
   * or an invite only when it is addressed to them (the others are in the server's log).
   */
  list: trainerProcedure.query(({ ctx }) => {
    if (!ctx.isDemo) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The outbox is shown only in demo mode; emails go out by SMTP." });
    }
    return listOutbox(ctx.db, ctx.studioId, ctx.viewer);
  }),
});
