import { createHmac } from "node:crypto";
import type Stripe from "stripe";
import { env, resolveAuthSecret, type Env } from "@/env";
import type { Db } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { chargeableAccountOf } from "./connect";
import type { BillingProvider } from "./provider";
import { createStripeClient, stripeProvider } from "./stripe-provider";
import { testModeProvider, type TestModeProvider } from "./test-mode";
import { handleWebhookRequest, type WebhookDeps } from "./webhook";

/** stripe: real Checkout; test: the labelled in-app checkout; off: production without Stripe (nothing is sold). */
export type BillingMode = "stripe" | "test" | "off";

export function billingMode(e: Env = env()): BillingMode {
  if (e.STRIPE_SECRET_KEY) return "stripe";
  // A production deployment without Stripe must not hand out subscriptions for free.
  return e.isDemo || e.NODE_ENV !== "production" ? "test" : "off";
}

/**
 * The webhook signing secret: Stripe's (STRIPE_WEBHOOK_SECRET) when set; in test mode one
 * derived from the app's auth secret, so it is never a constant and needs no set-up.
 */
export function webhookSecret(e: Env = env()): string {
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  return `whsec_${createHmac("sha256", resolveAuthSecret(e)).update("stride test-mode webhook").digest("base64url")}`;
}

/**
 * Hosted mode with real payments: open sign-up puts many studios on one deployment, so each
 * is paid through its own connected Stripe account (connect.ts). Self-hosted keeps one key.
 */
export function isConnectRequired(e: Env = env()): boolean {
  return e.isSignupOpen && billingMode(e) === "stripe";
}

let stripeClient: ReturnType<typeof createStripeClient> | undefined;
/** The SDK on the operator's key (Stripe mode only). */
export function stripe(e: Env = env()) {
  stripeClient ??= createStripeClient(e.STRIPE_SECRET_KEY!);
  return stripeClient;
}

/** What the webhook route needs: the same for Stripe's deliveries and the test checkout's. */
export function webhookDeps(db: Db, now: () => Date = () => new Date(), e: Env = env()): WebhookDeps {
  const mode = billingMode(e);
  return {
    db,
    secret: webhookSecret(e),
    connectSecret: e.STRIPE_CONNECT_WEBHOOK_SECRET,
    now,
    appUrl: e.appUrl,
    isHosted: isConnectRequired(e),
    // A connected account's subscription is read on that account.
    retrieveSubscription: mode === "stripe" ? (id, account) => stripeProvider(stripe(e), { stripeAccount: account ?? undefined }).retrieveSubscription(id) : undefined,
  };
}

/**
 * The test-mode checkout's events go through the webhook route's own handler (in process,
 * as a signed Request), so there is one code path whether Stripe or the test mode sends them.
 */
export function inProcessDelivery(db: Db, appUrl: string, now: () => Date, e: Env = env()) {
  return async (payload: string, signature: string) => {
    const response = await handleWebhookRequest(
      new Request(`${appUrl}/api/webhooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }),
      webhookDeps(db, now, e),
    );
    if (!response.ok) throw new Error(`the webhook refused a test-mode event (${response.status}): ${await response.text()}`);
  };
}

/**
 * The provider for one studio's payments. In hosted mode it works on the studio's connected
 * account, and refuses (with the reason) while the studio has none that may take charges.
 */
export async function billingProvider(
  db: Db,
  opts: { appUrl: string; now: () => Date; studioId: string },
  e: Env = env(),
  /** Tests pass an SDK whose requests are recorded. */
  sdk?: Stripe,
): Promise<BillingProvider> {
  const mode = billingMode(e);
  if (mode === "stripe") {
    const client = sdk ?? stripe(e);
    return isConnectRequired(e) ? stripeProvider(client, { stripeAccount: await chargeableAccountOf(db, opts.studioId) }) : stripeProvider(client);
  }
  if (mode === "off") {
    throw new DomainError("PRECONDITION_FAILED", "Online payments are not set up for this studio yet. Ask the studio to set up Stripe.");
  }
  return testProvider(db, opts, e);
}

/** The test-mode checkout; refuses when a real Stripe key is set (so nothing is ever faked there). */
export function testProvider(db: Db, opts: { appUrl: string; now: () => Date }, e: Env = env()): TestModeProvider {
  if (billingMode(e) !== "test") throw new DomainError("PRECONDITION_FAILED", "The test-mode checkout is only available when Stripe is not configured.");
  return testModeProvider({ db, secret: webhookSecret(e), appUrl: opts.appUrl, now: opts.now, deliver: inProcessDelivery(db, opts.appUrl, opts.now, e) });
}
