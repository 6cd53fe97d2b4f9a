import { answerCheckinInput } from "@/lib/checkins/answers";
import { answerCheckin, dueCheckinsFor } from "@/server/checkins/answer-service";
import { clientProcedure, createTRPCRouter } from "../trpc";

export const checkinRouter = createTRPCRouter({
  /** The client's open check-ins for Today (with their questions), and the ones already answered. */
  due: clientProcedure.query(({ ctx }) => dueCheckinsFor(ctx.db, ctx.studioId, ctx.clientId, ctx.now())),
  /** Answers one due check-in under the id the device made; sending it again, or from a second device, stores nothing new. */
  answer: clientProcedure.input(answerCheckinInput).mutation(({ ctx, input }) => answerCheckin(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now())),
});
