import { changeAssignment, createAssignment, overrideLock, revokeOverride, setAssignmentStatus } from "@/server/drills/assignments";
import { assignmentsForClient } from "@/server/drills/client-assignments";
import { changeAssignmentInput, clientDrillInput, createAssignmentInput, overrideLockInput, setAssignmentStatusInput } from "@/server/drills/inputs";
import { notFound } from "@/lib/errors";
import { clientNotListed } from "@/server/drills/assignments";
import { clientIdInput, theClient } from "./inputs";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";

const theAssignment = (input: { assignmentId: string }) => ({ assignmentId: input.assignmentId });

export const assignmentRouter = createTRPCRouter({
  /** A client's assignments with their history, early unlocks, and the lock state of each drill. */
  forClient: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).query(({ ctx, input }) => assignmentsForClient(ctx.db, ctx.studioId, input.clientId, ctx.now())),
  create: trainerProcedure.input(createAssignmentInput).use(namesClientRow(theClient, () => clientNotListed())).mutation(({ ctx, input }) => createAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  change: trainerProcedure.input(changeAssignmentInput).use(namesClientRow(theAssignment)).mutation(({ ctx, input }) => changeAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  setStatus: trainerProcedure.input(setAssignmentStatusInput).use(namesClientRow(theAssignment)).mutation(({ ctx, input }) => setAssignmentStatus(ctx.db, ctx.studioId, ctx.memberId, input)),
  overrideLock: trainerProcedure.input(overrideLockInput).use(namesClientRow(theClient, () => clientNotListed())).mutation(({ ctx, input }) => overrideLock(ctx.db, ctx.studioId, ctx.memberId, input)),
  revokeOverride: trainerProcedure.input(clientDrillInput).use(namesClientRow(theClient, () => notFound("early unlock"))).mutation(({ ctx, input }) => revokeOverride(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
});
