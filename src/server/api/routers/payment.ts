import { env } from "@/env";
import { billingMode, isConnectRequired, stripe } from "@/server/billing/config";
import { connectStateOf, ownerBlocker, refreshConnectState, startOnboarding } from "@/server/billing/connect";
import { createTRPCRouter, ownerProcedure } from "../trpc";

// The owner's payments settings: in hosted mode, the studio's own Stripe account (Connect).
// Self-hosted there is nothing to connect: the one key of whoever runs Stride takes payments.

async function statusOf(ctx: { db: Parameters<typeof connectStateOf>[0]; studioId: string }) {
  const isRequired = isConnectRequired();
  const state = await connectStateOf(ctx.db, ctx.studioId);
  return {
    mode: billingMode(),
    isConnectRequired: isRequired,
    accountId: state.accountId,
    chargesEnabled: state.chargesEnabled,
    isEmailConfirmed: !!state.emailConfirmedAt,
    /** Why the studio cannot sell plans now, said to its owner (null: it can). */
    blocker: ownerBlocker(state, isRequired),
  };
}

export const paymentRouter = createTRPCRouter({
  status: ownerProcedure.query(({ ctx }) => statusOf(ctx)),
  /** Starts or resumes Stripe's onboarding: the page to send the owner to (null when this Stride has nothing to connect). */
  connect: ownerProcedure.mutation(async ({ ctx }) => {
    if (!isConnectRequired()) return { url: null };
    return startOnboarding(ctx.db, stripe(env()), { studioId: ctx.studioId, ownerEmail: ctx.viewer.email, appUrl: ctx.appUrl });
  }),
  /** Back from onboarding: re-reads whether the account may take charges. */
  refresh: ownerProcedure.mutation(async ({ ctx }) => {
    if (isConnectRequired()) await refreshConnectState(ctx.db, stripe(env()), ctx.studioId);
    return statusOf(ctx);
  }),
});
