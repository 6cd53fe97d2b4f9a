import Stripe from "stripe";
import type { BillingProvider, CheckoutRequest } from "./provider";
import { CHECKOUT_METADATA_KEY, type SubscriptionShape } from "./stripe-shapes";

/** The Stripe SDK client; tests pass an httpClient that records requests instead of sending them. */
export function createStripeClient(secretKey: string, httpClient?: Stripe.HttpClient): Stripe {
  return new Stripe(secretKey, { httpClient, maxNetworkRetries: 2, appInfo: { name: "Stride" } });
}

/** The session parameters Stride sends to Stripe Checkout (subscription or one-off payment). */
export function checkoutSessionParams(request: CheckoutRequest): Stripe.Checkout.SessionCreateParams {
  const metadata = { [CHECKOUT_METADATA_KEY]: request.checkoutId };
  const isSubscription = request.kind === "subscription";
  return {
    mode: isSubscription ? "subscription" : "payment",
    client_reference_id: request.checkoutId,
    metadata,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: request.currency.toLowerCase(),
          unit_amount: request.priceMinor,
          product_data: { name: request.name },
          ...(isSubscription && request.interval ? { recurring: { interval: request.interval } } : {}),
        },
      },
    ],
    ...(isSubscription ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
    ...(request.stripeCustomerId
      ? { customer: request.stripeCustomerId }
      : { customer_email: request.customerEmail, ...(isSubscription ? {} : { customer_creation: "always" as const }) }),
    success_url: `${request.successUrl}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: request.cancelUrl,
  };
}

/**
 * The provider on the operator's key. With `stripeAccount` (hosted mode) every request is made
 * on that connected account (the SDK sends it as the Stripe-Account header): the session, the
 * customer and the money are the studio's, not the operator's.
 */
export function stripeProvider(stripe: Stripe, connected: { stripeAccount?: string } = {}): BillingProvider & { retrieveSubscription(id: string): Promise<SubscriptionShape> } {
  const on = connected.stripeAccount ? { stripeAccount: connected.stripeAccount } : {};
  return {
    mode: "stripe",
    async createCheckoutSession(request) {
      // The idempotency key makes a retried request return the same session.
      const session = await stripe.checkout.sessions.create(checkoutSessionParams(request), { idempotencyKey: `checkout-${request.checkoutId}`, ...on });
      if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
      return { sessionId: session.id, url: session.url };
    },
    async createCardUpdateUrl({ stripeCustomerId, returnUrl }) {
      const session = await stripe.billingPortal.sessions.create({ customer: stripeCustomerId, return_url: returnUrl }, on);
      return session.url;
    },
    async setCancelAtPeriodEnd({ stripeSubscriptionId, cancelAtPeriodEnd }) {
      await stripe.subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: cancelAtPeriodEnd }, on);
    },
    async retrieveSubscription(id) {
      return (await stripe.subscriptions.retrieve(id, {}, on)) as unknown as SubscriptionShape;
    },
  };
}
