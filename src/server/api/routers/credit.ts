import { z } from "zod";
import { clientCredits, grantCreditsByHand } from "@/server/credits/service";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

export const grantCreditsInput = clientIdInput.extend({
  amount: z.number({ error: "Enter a number of credits." }).int({ error: "Grant whole credits." }).min(1, { error: "Grant at least one credit." }).max(100, { error: "Grant at most 100 credits at a time." }),
  reason: z.string().trim().min(1, { error: "Say why, for example “welcome credits”." }).max(200, { error: "Use at most 200 characters." }),
});

// A client's session credits as the trainer sees them; granting by hand until packs are sold.
export const creditRouter = createTRPCRouter({
  forClient: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).query(({ ctx, input }) => clientCredits(ctx.db, { studioId: ctx.studioId, clientId: input.clientId })),
  grant: trainerProcedure
    .input(grantCreditsInput)
    .use(namesClientRow(theClient))
    .mutation(({ ctx, input }) => grantCreditsByHand(ctx.db, { studioId: ctx.studioId, memberId: ctx.memberId, ...input })),
});
