import { z } from "zod";
import { getClient } from "@/server/clients/service";
import { creditBalance, grantCredits, listCreditEntries } from "@/server/credits/service";
import { createTRPCRouter, trainerProcedure } from "../trpc";

const clientIdField = z.uuid({ error: "That client id is not valid." });

// A client's session credits as the trainer sees them; granting by hand until packs are sold.
export const creditsRouter = createTRPCRouter({
  forClient: trainerProcedure.input(z.object({ clientId: clientIdField })).query(async ({ ctx, input }) => {
    await getClient(ctx.db, ctx.studioId, input.clientId);
    const ref = { studioId: ctx.studioId, clientId: input.clientId };
    return { balance: await creditBalance(ctx.db, ref), entries: await listCreditEntries(ctx.db, ref, 50) };
  }),
  grant: trainerProcedure
    .input(
      z.object({
        clientId: clientIdField,
        amount: z.number({ error: "Enter a number of credits." }).int({ error: "Grant whole credits." }).min(1, { error: "Grant at least one credit." }).max(100, { error: "Grant at most 100 credits at a time." }),
        reason: z.string().trim().min(1, { error: "Say why, for example “welcome credits”." }).max(200, { error: "Use at most 200 characters." }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction((tx) => grantCredits(tx, { studioId: ctx.studioId, clientId: input.clientId, amount: input.amount, reason: input.reason, memberId: ctx.memberId }));
      return { balance: await creditBalance(ctx.db, { studioId: ctx.studioId, clientId: input.clientId }) };
    }),
});
