import { firstStepsOf } from "@/server/setup/first-steps";
import { createTRPCRouter, ownerProcedure } from "../trpc";

export const setupRouter = createTRPCRouter({
  /** What the owner of a new studio still has to do first (the empty dashboard's list). */
  firstSteps: ownerProcedure.query(({ ctx }) => firstStepsOf(ctx.db, ctx.studioId, ctx.memberId)),
});
