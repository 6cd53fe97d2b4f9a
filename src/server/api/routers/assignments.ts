import {
  changeAssignment,
  createAssignment,
  listClientAssignments,
  listOverrides,
  overrideLock,
  revokeOverride,
  setAssignmentStatus,
} from "@/server/drills/assignment-service";
import { changeAssignmentInput, clientDrillInput, createAssignmentInput, overrideLockInput, setAssignmentStatusInput } from "@/server/drills/inputs";
import { localDateIn } from "@/lib/local-date";
import { lockStatesFor } from "@/server/drills/locks";
import { getClient } from "@/server/clients/service";
import { clientIdInput } from "./clients";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const assignmentsRouter = createTRPCRouter({
  /** A client's assignments with their history, early unlocks, and the lock state of each drill. */
  forClient: trainerProcedure.input(clientIdInput).query(async ({ ctx, input }) => {
    const client = await getClient(ctx.db, ctx.studioId, input.clientId);
    const assignments = await listClientAssignments(ctx.db, ctx.studioId, input.clientId);
    const today = localDateIn(ctx.now(), client.timeZone);
    const locks = await lockStatesFor(ctx.db, ctx.studioId, input.clientId, [...new Set(assignments.map((a) => a.drill.id))], today);
    return {
      today,
      timeZone: client.timeZone,
      assignments: assignments.map((a) => ({ ...a, lock: locks.get(a.drill.id)! })),
      overrides: await listOverrides(ctx.db, ctx.studioId, input.clientId),
    };
  }),
  create: trainerProcedure.input(createAssignmentInput).mutation(({ ctx, input }) => createAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  change: trainerProcedure.input(changeAssignmentInput).mutation(({ ctx, input }) => changeAssignment(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  setStatus: trainerProcedure.input(setAssignmentStatusInput).mutation(({ ctx, input }) => setAssignmentStatus(ctx.db, ctx.studioId, ctx.memberId, input)),
  overrideLock: trainerProcedure.input(overrideLockInput).mutation(({ ctx, input }) => overrideLock(ctx.db, ctx.studioId, ctx.memberId, input)),
  revokeOverride: trainerProcedure.input(clientDrillInput).mutation(({ ctx, input }) => revokeOverride(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
});
