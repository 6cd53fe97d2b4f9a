import { copyDrill, createDrill, getDrill, listDrills, setDrillArchived, setDrillPainPlaces, setPrerequisite, updateDrill } from "@/server/drills/service";
import { drillFieldsInput, drillIdInput, listDrillsInput, setDrillPainPlacesInput, setPrerequisiteInput, updateDrillInput } from "@/server/drills/inputs";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const drillRouter = createTRPCRouter({
  list: trainerProcedure.input(listDrillsInput).query(({ ctx, input }) => listDrills(ctx.db, ctx.studioId, input)),
  get: trainerProcedure.input(drillIdInput).query(({ ctx, input }) => getDrill(ctx.db, ctx.studioId, input.drillId)),
  create: trainerProcedure.input(drillFieldsInput).mutation(({ ctx, input }) => createDrill(ctx.db, ctx.studioId, ctx.memberId, input)),
  update: trainerProcedure.input(updateDrillInput).mutation(({ ctx, input }) => updateDrill(ctx.db, ctx.studioId, input.drillId, input.drill)),
  copy: trainerProcedure.input(drillIdInput).mutation(({ ctx, input }) => copyDrill(ctx.db, ctx.studioId, ctx.memberId, input.drillId)),
  archive: trainerProcedure.input(drillIdInput).mutation(({ ctx, input }) => setDrillArchived(ctx.db, ctx.studioId, input.drillId, true, ctx.now())),
  restore: trainerProcedure.input(drillIdInput).mutation(({ ctx, input }) => setDrillArchived(ctx.db, ctx.studioId, input.drillId, false, ctx.now())),
  setPrerequisite: trainerProcedure.input(setPrerequisiteInput).mutation(({ ctx, input }) => setPrerequisite(ctx.db, ctx.studioId, input, ctx.now())),
  setPainPlaces: trainerProcedure.input(setDrillPainPlacesInput).mutation(({ ctx, input }) => setDrillPainPlaces(ctx.db, ctx.studioId, input, ctx.now())),
});
