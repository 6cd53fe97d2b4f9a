import { z } from "zod";
import { getClient, listClients, listCoaches } from "@/server/clients/service";
import { createTRPCRouter, trainerProcedure } from "../trpc";

export const clientIdInput = z.object({ clientId: z.uuid({ error: "That client id is not valid." }) });
export const listClientsInput = z
  .object({
    search: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
    coachId: z.uuid({ error: "That coach id is not valid." }).optional(),
    status: z.enum(["invited", "active", "archived"], { error: "Pick a status: invited, active or archived." }).optional(),
  })
  .default({});

export const clientsRouter = createTRPCRouter({
  list: trainerProcedure.input(listClientsInput).query(({ ctx, input }) => listClients(ctx.db, ctx.studioId, input)),
  get: trainerProcedure.input(clientIdInput).query(({ ctx, input }) => getClient(ctx.db, ctx.studioId, input.clientId)),
  coaches: trainerProcedure.query(({ ctx }) => listCoaches(ctx.db, ctx.studioId)),
});
