import { changeAssignment, createAssignment, overrideLock, revokeOverride, setAssignmentStatus } from "@/server/drills/assignment-service";
import { assignmentsForClient } from "@/server/drills/client-assignments";
import { changeAssignmentInput, clientDrillInput, createAssignmentInput, overrideLockInput, setAssignmentStatusInput } from "@/server/drills/inputs";
import { clientIdInput } from "./inputs";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const assignmentsRouter = createTRPCRouter({
  /** A client's assignments with their history, early unlocks, and the lock state of each drill. */
  forClient: trainerProcedure.input(clientIdInput).query(({ ctx, input }) => assignmentsForClient(ctx.db, ctx.studioId, input.clientId, ctx.now())),
  create: trainerProcedure.input(createAssignmentInput).mutation(({ ctx, input }) => createAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  change: trainerProcedure.input(changeAssignmentInput).mutation(({ ctx, input }) => changeAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  setStatus: trainerProcedure.input(setAssignmentStatusInput).mutation(({ ctx, input }) => setAssignmentStatus(ctx.db, ctx.studioId, ctx.memberId, input)),
  overrideLock: trainerProcedure.input(overrideLockInput).mutation(({ ctx, input }) => overrideLock(ctx.db, ctx.studioId, ctx.memberId, input)),
  revokeOverride: trainerProcedure.input(clientDrillInput).mutation(({ ctx, input }) => revokeOverride(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
});
