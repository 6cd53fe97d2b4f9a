import type Stripe from "stripe";

// The parts of Stripe's objects that Stride reads, taken from the SDK's own types so the
// test-mode events and the real ones have one shape. `metadata.stride_checkout` names the
// checkout that started it all (set on the session and copied to the subscription).

export const CHECKOUT_METADATA_KEY = "stride_checkout";

export type CheckoutSessionShape = Pick<
  Stripe.Checkout.Session,
  "id" | "object" | "mode" | "status" | "payment_status" | "client_reference_id" | "amount_total" | "currency" | "metadata" | "created"
> & { customer: string | null; subscription: string | null };

export type SubscriptionShape = Pick<Stripe.Subscription, "id" | "object" | "status" | "cancel_at_period_end" | "canceled_at" | "metadata" | "created"> & {
  customer: string;
  items: {
    object: "list";
    data: {
      id: string;
      object: "subscription_item";
      current_period_start: number;
      current_period_end: number;
      price: { id: string; object: "price"; unit_amount: number | null; currency: string; recurring: { interval: Stripe.Price.Recurring.Interval } | null };
    }[];
  };
};

export type InvoiceShape = Pick<
  Stripe.Invoice,
  "object" | "status" | "amount_due" | "amount_paid" | "currency" | "attempt_count" | "hosted_invoice_url" | "period_start" | "period_end" | "created"
> & {
  id: string;
  customer: string;
  parent: { type: "subscription_details"; quote_details: null; subscription_details: { subscription: string; metadata: Record<string, string> | null } } | null;
  status_transitions: { paid_at: number | null };
};

export type HandledEventType =
  | "checkout.session.completed"
  | "customer.subscription.created"
  | "customer.subscription.updated"
  | "customer.subscription.deleted"
  | "invoice.paid"
  | "invoice.payment_failed";

export type EventShape<T extends HandledEventType = HandledEventType> = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: boolean;
  pending_webhooks: number;
  /** Set on a Connect event: the connected account it happened on. */
  account?: string;
  request: { id: string | null; idempotency_key: string | null };
  type: T;
  data: {
    object: T extends "checkout.session.completed" ? CheckoutSessionShape : T extends `customer.subscription.${string}` ? SubscriptionShape : InvoiceShape;
  };
};

export const HANDLED_EVENTS: readonly HandledEventType[] = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
];

export function isHandled(type: string): type is HandledEventType {
  return (HANDLED_EVENTS as readonly string[]).includes(type);
}

/** The subscription an invoice belongs to, whichever way Stripe expanded it. */
export function invoiceSubscriptionId(invoice: InvoiceShape): string | null {
  const sub = invoice.parent?.subscription_details?.subscription;
  return typeof sub === "string" ? sub : ((sub as { id?: string } | undefined)?.id ?? null);
}
