import type { PlanInterval } from "./types";

// Payments sit behind this one interface: Stripe when STRIPE_SECRET_KEY is set, otherwise
// the in-app test-mode checkout (test-mode.ts). Neither writes billing state itself: both
// end in Stripe-shaped events on the one webhook code path (webhook.ts).

export type CheckoutRequest = {
  /** Our checkout row: sent as client_reference_id and metadata so every event names it. */
  checkoutId: string;
  kind: "subscription" | "pack";
  name: string;
  priceMinor: number;
  currency: string;
  interval: PlanInterval | null;
  customerEmail: string;
  /** The client's existing Stripe customer, so one card serves all their purchases. */
  stripeCustomerId: string | null;
  /** Where the payer returns; `?session_id=` is added. */
  successUrl: string;
  cancelUrl: string;
};

export interface BillingProvider {
  readonly mode: "stripe" | "test";
  createCheckoutSession(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /** Where a client updates their card (Stripe's Customer Portal, or the test-mode card page). */
  createCardUpdateUrl(input: { stripeCustomerId: string; returnUrl: string }): Promise<string>;
  /** Cancel at period end, or resume; the mirrored state changes when the event arrives. */
  setCancelAtPeriodEnd(input: { stripeSubscriptionId: string; cancelAtPeriodEnd: boolean }): Promise<void>;
}
