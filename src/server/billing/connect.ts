import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Queryable } from "@/server/db/client";
import { studios } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { NOT_CONFIRMED_OWNER, NOT_CONFIRMED_PUBLIC } from "@/server/signup/confirmation";

// Hosted mode (STRIDE_SIGNUP=open with a Stripe key): many studios share one deployment, so
// each studio's clients pay that studio's own Stripe account (Stripe Connect, direct charges
// made with the `Stripe-Account` header), never the operator's. A studio sells nothing until
// its account exists and Stripe lets it take charges.

export type ConnectState = { accountId: string | null; chargesEnabled: boolean };

export const NOT_CONNECTED_PUBLIC = "This studio cannot take payments yet: it has not finished connecting its Stripe account.";
export const NOT_CONNECTED_OWNER = "Your studio cannot sell plans yet: connect your Stripe account under Settings → Payments, so your clients pay you directly.";
export { NOT_CONFIRMED_PUBLIC } from "@/server/signup/confirmation";

export async function connectStateOf(q: Queryable, studioId: string): Promise<ConnectState & { emailConfirmedAt: Date | null }> {
  const [row] = await q
    .select({ accountId: studios.stripeAccountId, chargesEnabled: studios.stripeChargesEnabled, emailConfirmedAt: studios.emailConfirmedAt })
    .from(studios)
    .where(eq(studios.id, studioId));
  if (!row) throw new DomainError("NOT_FOUND", "That studio does not exist.");
  return row;
}

/** Why a studio cannot sell (null: it can), for its public page and checkout. */
export function saleBlocker(state: ConnectState & { emailConfirmedAt: Date | null }, isConnectRequired: boolean): string | null {
  if (!state.emailConfirmedAt) return NOT_CONFIRMED_PUBLIC;
  if (isConnectRequired && !(state.accountId && state.chargesEnabled)) return NOT_CONNECTED_PUBLIC;
  return null;
}

/** The same reason, said to the studio's own trainers (what to do about it). */
export function ownerBlocker(state: ConnectState & { emailConfirmedAt: Date | null }, isConnectRequired: boolean): string | null {
  if (!state.emailConfirmedAt) return NOT_CONFIRMED_OWNER;
  if (isConnectRequired && !(state.accountId && state.chargesEnabled)) return NOT_CONNECTED_OWNER;
  return null;
}

/** The connected account a studio's payments go to; refuses with the reason when it cannot sell. */
export async function chargeableAccountOf(q: Queryable, studioId: string): Promise<string> {
  const state = await connectStateOf(q, studioId);
  const blocker = saleBlocker(state, true);
  if (blocker) throw new DomainError("PRECONDITION_FAILED", blocker);
  return state.accountId!;
}

/**
 * The owner starts (or resumes) Stripe's hosted onboarding: the studio's account is made on
 * the first call (idempotent per studio, so a double click makes one), then a fresh, short-lived
 * Account Link is returned for the browser to follow.
 */
export async function startOnboarding(
  q: Queryable,
  stripe: Stripe,
  input: { studioId: string; ownerEmail: string; appUrl: string },
): Promise<{ url: string }> {
  const [studio] = await q.select().from(studios).where(eq(studios.id, input.studioId));
  if (!studio) throw new DomainError("NOT_FOUND", "That studio does not exist.");
  let accountId = studio.stripeAccountId;
  if (!accountId) {
    const account = await stripe.accounts.create(
      {
        // The studio's own, full Stripe account (dashboard, payouts, disputes are theirs).
        controller: { stripe_dashboard: { type: "full" } },
        email: input.ownerEmail,
        business_profile: { name: studio.name },
        metadata: { stride_studio: studio.id },
      },
      { idempotencyKey: `connect-account-${studio.id}` },
    );
    accountId = account.id;
    await q.update(studios).set({ stripeAccountId: accountId, stripeChargesEnabled: account.charges_enabled ?? false }).where(eq(studios.id, studio.id));
  }
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    refresh_url: `${input.appUrl}/dashboard/settings/payments?link=expired`,
    return_url: `${input.appUrl}/dashboard/settings/payments?link=returned`,
  });
  return { url: link.url };
}

/** Re-reads the account from Stripe (the owner's return from onboarding): may it take charges now? */
export async function refreshConnectState(q: Queryable, stripe: Stripe, studioId: string): Promise<ConnectState> {
  const state = await connectStateOf(q, studioId);
  if (!state.accountId) return { accountId: null, chargesEnabled: false };
  const account = await stripe.accounts.retrieve(state.accountId);
  const chargesEnabled = account.charges_enabled ?? false;
  await q.update(studios).set({ stripeChargesEnabled: chargesEnabled }).where(eq(studios.id, studioId));
  return { accountId: state.accountId, chargesEnabled };
}

/** The studio a Connect event's account belongs to (null: no studio of ours has it). */
export async function studioOfAccount(q: Queryable, accountId: string): Promise<string | null> {
  const [row] = await q.select({ id: studios.id }).from(studios).where(eq(studios.stripeAccountId, accountId));
  return row?.id ?? null;
}
