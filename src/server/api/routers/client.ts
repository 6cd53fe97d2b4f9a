import { z } from "zod";
import { getClient, inviteClient, listClients, listCoaches, reassignCoach, resendInvite, setClientArchived } from "@/server/clients/service";
import { coachFilterWithin } from "@/lib/client-visibility";
import { CLIENT_SORTS, CLIENT_STATUSES, cursorInput, PAGE_SIZE, pageSizeInput } from "@/lib/paging";
import { pageClients } from "@/server/clients/page";
import { createTRPCRouter, namesClientRow, ownerProcedure, trainerProcedure } from "../trpc";
import { emailField } from "./auth";
import { clientIdInput, theClient } from "./inputs";

export const listClientsInput = z
  .object({
    search: z.string().trim().max(100, "Search with at most 100 characters.").optional(),
    coachId: z.uuid({ error: "That coach id is not valid." }).optional(),
    status: z.enum(["invited", "active", "archived"], { error: "Pick a status: invited, active or archived." }).optional(),
  })
  .default({});

export const pageClientsInput = z
  .object({
    sort: z.enum(CLIENT_SORTS, { error: "Sort by name, email, coach or status." }).default("name"),
    direction: z.enum(["asc", "desc"], { error: "Sort ascending or descending." }).default("asc"),
    search: z.string({ error: "Search with some text." }).trim().max(100, "Search with at most 100 characters.").optional(),
    coachId: z.uuid({ error: "That coach id is not valid." }).optional(),
    status: z.enum(CLIENT_STATUSES, { error: "Pick a status: invited, active or archived." }).optional(),
    cursor: cursorInput.optional(),
    size: pageSizeInput.default(PAGE_SIZE.standard),
  })
  .prefault({});

export const inviteClientInput = z.object({
  name: z.string({ error: "Enter the client's name." }).trim().min(1, { error: "Enter the client's name." }).max(100, { error: "Keep the name under 100 characters." }),
  email: emailField,
  coachId: z.uuid({ error: "Pick a coach from the list." }).nullable().default(null),
});
export const reassignCoachInput = clientIdInput.extend({ coachId: z.uuid({ error: "Pick a coach from the list." }) });

export const clientRouter = createTRPCRouter({
  list: trainerProcedure
    .input(listClientsInput)
    .query(({ ctx, input }) => listClients(ctx.db, ctx.studioId, { ...input, coachId: coachFilterWithin(ctx.clientScope, input.coachId) ?? undefined })),
  /** One page of the client list, sorted and searched in SQL (keyset pages: a cursor, not an offset). */
  page: trainerProcedure
    .input(pageClientsInput)
    .query(({ ctx, input }) => pageClients(ctx.db, ctx.studioId, { ...input, cursor: input.cursor ?? null, coachId: coachFilterWithin(ctx.clientScope, input.coachId) })),
  get: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).query(({ ctx, input }) => getClient(ctx.db, ctx.studioId, input.clientId)),
  coaches: trainerProcedure.query(({ ctx }) => listCoaches(ctx.db, ctx.studioId)),
  /** Without a mail server, the inviting trainer gets this one link to hand over (nobody else ever sees it). */
  invite: trainerProcedure
    .input(inviteClientInput)
    .mutation(({ ctx, input }) => inviteClient(ctx.db, ctx, input, { now: ctx.now(), appUrl: ctx.appUrl, hasMailServer: ctx.hasMailServer ?? false })),
  resendInvite: trainerProcedure
    .input(clientIdInput)
    .use(namesClientRow(theClient))
    .mutation(({ ctx, input }) => resendInvite(ctx.db, ctx, input.clientId, { now: ctx.now(), appUrl: ctx.appUrl })),
  reassignCoach: ownerProcedure.input(reassignCoachInput).mutation(({ ctx, input }) => reassignCoach(ctx.db, ctx.studioId, input)),
  archive: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).mutation(({ ctx, input }) => setClientArchived(ctx.db, ctx.studioId, input.clientId, true)),
  restore: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).mutation(({ ctx, input }) => setClientArchived(ctx.db, ctx.studioId, input.clientId, false, ctx.now())),
});
