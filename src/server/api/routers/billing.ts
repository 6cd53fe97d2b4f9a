import { z } from "zod";
import { billingMode, billingProvider, isConnectRequired, testProvider } from "@/server/billing/config";
import { connectStateOf, ownerBlocker, saleBlocker } from "@/server/billing/connect";
import { CURRENCIES, readPlanPrice } from "@/lib/money";
import {
  cardUpdateUrl,
  clientBilling,
  clientMembership,
  createPlan,
  listClientInvoices,
  paymentProblem,
  publicPlans,
  revenueSummary,
  setCancelAtPeriodEnd,
  setDefaultCoach,
  simulateRenewal,
  startPurchase,
  studioCatalogue,
  studioIdOfSlug,
  studiosSelling,
  updatePlan,
} from "@/server/billing/service";
import { clientProcedure, createTRPCRouter, namesClientRow, ownerProcedure, publicProcedure, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

const planIdField = z.uuid({ error: "That plan id is not valid." });
const subscriptionIdField = z.uuid({ error: "That subscription id is not valid." });

export const studioSlugInput = z.object({ studioSlug: z.string().trim().min(1, "Name the studio.").max(100, "That studio name is too long.") });

const planFields = {
  name: z.string().trim().min(1, "Give the plan a name.").max(80, "Keep the name under 80 characters."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
  price: z.string().trim().min(1, "Enter a price such as 49 or 49.99.").max(20, "That price is too long."),
  currency: z.enum(CURRENCIES, { error: "Pick a currency from the list." }),
  interval: z.enum(["month", "year"], { error: "Pick monthly or yearly." }).nullable().default(null),
  credits: z.coerce
    .number({ error: "Enter how many sessions the pack holds." })
    .int("Enter a whole number of sessions.")
    .min(1, "A pack holds at least 1 session.")
    .max(100, "A pack holds at most 100 sessions.")
    .nullable()
    .default(null),
  /** The trainer saw the amount as it will be charged and confirmed it (needed above a threshold). */
  confirmPrice: z.boolean({ error: "Tick the box to confirm the price, or leave it unticked." }).default(false),
};
export const createPlanInput = z.object({ ...planFields, kind: z.enum(["subscription", "pack"], { error: "Pick a subscription or a session pack." }) });
export const updatePlanInput = z.object({ ...planFields, planId: planIdField, isActive: z.boolean() });
export const buyInput = z.object({ planId: planIdField });
export const cancellationInput = z.object({ subscriptionId: subscriptionIdField, cancelAtPeriodEnd: z.boolean() });
export const testCardInput = z.object({ cardNumber: z.string().trim().min(1, "Enter a card number such as 4242 4242 4242 4242.").max(30, "That card number is too long.") });
export const simulateRenewalInput = z.object({ subscriptionId: subscriptionIdField, outcome: z.enum(["paid", "failed"], { error: "Pick paid or failed." }) });
export const defaultCoachInput = z.object({ memberId: z.uuid({ error: "Pick one of your studio's trainers." }) });

// Payments go through the provider this deployment's mode picks (Stripe, or the test mode),
// built in one place from the request's database, clock and address.
const payingClientProcedure = clientProcedure.use(async ({ ctx, next }) => next({ ctx: { provider: await billingProvider(ctx.db, { appUrl: ctx.appUrl, now: ctx.now, studioId: ctx.studioId }) } }));
// The test mode's own controls; its provider refuses when a real Stripe key is set.
const testModeClientProcedure = clientProcedure.use(({ ctx, next }) => next({ ctx: { testProvider: testProvider(ctx.db, ctx) } }));

export const billingRouter = createTRPCRouter({
  /** The public plans page: what the studio sells, and whether payments are real. */
  publicPlans: publicProcedure
    .input(studioSlugInput)
    .query(async ({ ctx, input }) => ({
      ...(await publicPlans(ctx.db, input.studioSlug)),
      mode: billingMode(),
      /** Why nothing can be bought here now (its owner has not confirmed, or not connected Stripe), or null. */
      blocker: saleBlocker(await connectStateOf(ctx.db, await studioIdOfSlug(ctx.db, input.studioSlug)), isConnectRequired()),
    })),

  /** Studios with plans on sale (the public /plans entry). */
  studios: publicProcedure.query(({ ctx }) => studiosSelling(ctx.db)),

  // ── the client's own membership ──
  mine: clientProcedure.query(async ({ ctx }) => ({ ...(await clientBilling(ctx.db, ctx.studioId, ctx.clientId)), mode: billingMode() })),
  invoices: clientProcedure.query(({ ctx }) => listClientInvoices(ctx.db, ctx.studioId, ctx.clientId)),
  paymentProblem: clientProcedure.query(({ ctx }) => paymentProblem(ctx.db, ctx.studioId, ctx.clientId)),
  buy: payingClientProcedure
    .input(buyInput)
    .mutation(({ ctx, input }) => startPurchase(ctx.db, ctx.provider, { studioId: ctx.studioId, clientId: ctx.clientId, planId: input.planId, appUrl: ctx.appUrl })),
  setCancelAtPeriodEnd: payingClientProcedure
    .input(cancellationInput)
    .mutation(({ ctx, input }) => setCancelAtPeriodEnd(ctx.db, ctx.provider, { studioId: ctx.studioId, clientId: ctx.clientId, ...input })),
  cardUpdateUrl: payingClientProcedure.mutation(({ ctx }) => cardUpdateUrl(ctx.db, ctx.provider, { studioId: ctx.studioId, clientId: ctx.clientId, appUrl: ctx.appUrl })),
  /** Test mode only: the in-app card form; a new card retries unpaid invoices. */
  updateTestCard: testModeClientProcedure
    .input(testCardInput)
    .mutation(({ ctx, input }) => ctx.testProvider.updateCard({ studioId: ctx.studioId, clientId: ctx.clientId, cardNumber: input.cardNumber })),
  /** Test mode only: make the next renewal happen now, paid or failed. */
  simulateRenewal: testModeClientProcedure
    .input(simulateRenewalInput)
    .mutation(({ ctx, input }) => simulateRenewal(ctx.db, ctx.testProvider, { studioId: ctx.studioId, clientId: ctx.clientId, ...input })),

  // ── the studio's catalogue and revenue ──
  plans: trainerProcedure.query(async ({ ctx }) => ({
    ...(await studioCatalogue(ctx.db, ctx.studioId)),
    mode: billingMode(),
    /** Why the studio's plans cannot be bought now, said to its trainers (null: they can). */
    blocker: ownerBlocker(await connectStateOf(ctx.db, ctx.studioId), isConnectRequired()),
  })),
  /** One client's membership, for their coach and the studio's trainers. */
  clientMembership: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).query(({ ctx, input }) => clientMembership(ctx.db, ctx.studioId, input.clientId)),
  createPlan: ownerProcedure
    .input(createPlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.db, ctx.studioId, { ...input, priceMinor: readPlanPrice({ ...input, interval: input.kind === "pack" ? null : input.interval }, true) })),
  updatePlan: ownerProcedure
    .input(updatePlanInput)
    .mutation(({ ctx, input }) => updatePlan(ctx.db, ctx.studioId, input.planId, { ...input, priceMinor: readPlanPrice(input, input.isActive) })),
  setDefaultCoach: ownerProcedure.input(defaultCoachInput).mutation(({ ctx, input }) => setDefaultCoach(ctx.db, ctx.studioId, input.memberId)),
  revenue: ownerProcedure.query(({ ctx }) => revenueSummary(ctx.db, ctx.studioId, ctx.now())),
});
