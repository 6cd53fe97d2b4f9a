import { z } from "zod";
import { applyProgram, clientNotListed } from "@/server/drills/assignments";
import { applyProgramInput, createProgramInput, programIdInput, updateProgramInput } from "@/server/drills/inputs";
import { createProgram, listPrograms, setProgramArchived, updateProgram } from "@/server/drills/programs";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";

export const programRouter = createTRPCRouter({
  list: trainerProcedure
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(({ ctx, input }) => listPrograms(ctx.db, ctx.studioId, input)),
  create: trainerProcedure.input(createProgramInput).mutation(({ ctx, input }) => createProgram(ctx.db, ctx.studioId, ctx.memberId, input)),
  /** Name, description and drills at once; assignments already applied from it keep their prescriptions. */
  update: trainerProcedure.input(updateProgramInput).mutation(({ ctx, input }) => updateProgram(ctx.db, ctx.studioId, input)),
  archive: trainerProcedure.input(programIdInput).mutation(({ ctx, input }) => setProgramArchived(ctx.db, ctx.studioId, input.programId, true, ctx.now())),
  restore: trainerProcedure.input(programIdInput).mutation(({ ctx, input }) => setProgramArchived(ctx.db, ctx.studioId, input.programId, false, ctx.now())),
  /** All or nothing: every chosen client gets the program's drills, or nobody gets any. */
  applyTo: trainerProcedure
    .input(applyProgramInput.extend({ startDate: applyProgramInput.shape.startDate.nullable().default(null) }))
    .use(namesClientRow((input) => ({ clientIds: input.clientIds }), () => clientNotListed("clientIds")))
    .mutation(({ ctx, input }) => applyProgram(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
});
