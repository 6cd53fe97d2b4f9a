import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Db } from "@/server/db/client";
import { billingCustomers, checkouts, invoices, plans, subscriptions, type Subscription } from "@/server/db/schema";
import { DomainError, notFound } from "@/lib/errors";
import type { BillingProvider, CheckoutRequest } from "./provider";
import { periodEnd, toUnix } from "./rules";
import {
  CHECKOUT_METADATA_KEY,
  type CheckoutSessionShape,
  type EventShape,
  type HandledEventType,
  type InvoiceShape,
  type SubscriptionShape,
} from "./stripe-shapes";

// The in-app stand-in for Stripe when no key is set: it plays Stripe's part (decides the
// payment, builds the events Stripe would send, signs them with the SDK's test-header
// helper) and delivers them to the webhook code path. It never writes billing state itself.

/** Stripe's test cards: 4242… pays, 4000 0000 0000 0002 is declined. */
export const DECLINED_TEST_CARD = "4000000000000002";

export type Deliver = (payload: string, signature: string) => Promise<void>;

export type TestModeDeps = { db: Db; secret: string; appUrl: string; now: () => Date; deliver: Deliver };

const testId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("base64url")}`;

/** A card number the test checkout accepts (digits only); a declined test card is refused like Stripe would. */
function chargeCard(cardNumber: string): { isDeclined: boolean } {
  const digits = cardNumber.replace(/\s/g, "");
  if (!/^\d{12,19}$/.test(digits)) throw new DomainError("BAD_REQUEST", "Enter a card number such as 4242 4242 4242 4242.", "cardNumber");
  return { isDeclined: digits === DECLINED_TEST_CARD };
}

export function testModeProvider(deps: TestModeDeps) {
  const { db } = deps;
  const nowUnix = () => toUnix(deps.now());
  // Stripe's clock for one object moves forward: each event about it is at least a second
  // after the last one applied, so the mirror's "newest wins" rule sees a strict order.
  const after = (last: Date | null | undefined) => Math.max(nowUnix(), last ? toUnix(last) + 1 : 0);

  function event<T extends HandledEventType>(type: T, object: EventShape<T>["data"]["object"], created: number): EventShape<T> {
    return {
      id: testId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    };
  }

  async function send(events: EventShape[]) {
    for (const e of events) {
      const payload = JSON.stringify(e, null, 2);
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: deps.secret, timestamp: nowUnix() });
      await deps.deliver(payload, signature);
    }
  }

  function subscriptionObject(s: Pick<Subscription, "stripeSubscriptionId" | "stripeCustomerId" | "status" | "cancelAtPeriodEnd" | "priceMinor" | "currency" | "interval" | "checkoutId"> & { start: Date; end: Date; canceledAt: Date | null; createdAt: Date }): SubscriptionShape {
    return {
      id: s.stripeSubscriptionId,
      object: "subscription",
      customer: s.stripeCustomerId,
      status: s.status,
      cancel_at_period_end: s.cancelAtPeriodEnd,
      canceled_at: s.canceledAt ? toUnix(s.canceledAt) : null,
      created: toUnix(s.createdAt),
      metadata: s.checkoutId ? { [CHECKOUT_METADATA_KEY]: s.checkoutId } : {},
      items: {
        object: "list",
        data: [
          {
            id: `si_${s.stripeSubscriptionId}`,
            object: "subscription_item",
            current_period_start: toUnix(s.start),
            current_period_end: toUnix(s.end),
            price: { id: `price_${s.stripeSubscriptionId}`, object: "price", unit_amount: s.priceMinor, currency: s.currency.toLowerCase(), recurring: { interval: s.interval } },
          },
        ],
      },
    };
  }

  function invoiceObject(input: {
    id: string;
    customer: string;
    subscription: Pick<Subscription, "stripeSubscriptionId" | "checkoutId">;
    amountMinor: number;
    currency: string;
    isPaid: boolean;
    attemptCount: number;
    periodStart: Date;
    periodEnd: Date;
    created: number;
    paidAt: number | null;
  }): InvoiceShape {
    return {
      id: input.id,
      object: "invoice",
      customer: input.customer,
      status: input.isPaid ? "paid" : "open",
      amount_due: input.amountMinor,
      amount_paid: input.isPaid ? input.amountMinor : 0,
      currency: input.currency.toLowerCase(),
      attempt_count: input.attemptCount,
      hosted_invoice_url: null,
      period_start: toUnix(input.periodStart),
      period_end: toUnix(input.periodEnd),
      created: input.created,
      status_transitions: { paid_at: input.paidAt },
      parent: {
        type: "subscription_details",
        quote_details: null,
        subscription_details: {
          subscription: input.subscription.stripeSubscriptionId,
          metadata: input.subscription.checkoutId ? { [CHECKOUT_METADATA_KEY]: input.subscription.checkoutId } : null,
        },
      },
    };
  }

  async function loadSubscription(stripeSubscriptionId: string) {
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId));
    if (!row) throw notFound("subscription");
    return row;
  }

  const mirrorAsObject = (row: Subscription, changes: Partial<Subscription> = {}) => {
    const s = { ...row, ...changes };
    return subscriptionObject({ ...s, start: s.currentPeriodStart ?? s.createdAt, end: s.currentPeriodEnd ?? s.createdAt });
  };

  const provider = {
    mode: "test" as const,

    async createCheckoutSession(request: CheckoutRequest) {
      const sessionId = testId("cs");
      return { sessionId, url: `${deps.appUrl}/checkout/test/${sessionId}` };
    },

    async createCardUpdateUrl() {
      return `${deps.appUrl}/portal/billing/card`;
    },

    async setCancelAtPeriodEnd({ stripeSubscriptionId, cancelAtPeriodEnd }: { stripeSubscriptionId: string; cancelAtPeriodEnd: boolean }) {
      const row = await loadSubscription(stripeSubscriptionId);
      await send([event("customer.subscription.updated", mirrorAsObject(row, { cancelAtPeriodEnd }), after(row.lastEventAt))]);
    },

    /**
     * The "Pay" button of the test checkout: a declined test card fails like Stripe Checkout
     * (nothing is sent); otherwise the events of a completed checkout are delivered.
     * Returns where Stripe would send the payer back.
     */
    async payCheckout(input: { sessionId: string; cardNumber: string }): Promise<{ redirectTo: string }> {
      const [checkout] = await db.select().from(checkouts).where(eq(checkouts.providerSessionId, input.sessionId));
      if (!checkout || checkout.provider !== "test") throw notFound("checkout");
      const redirectTo = `${deps.appUrl}/checkout/complete?session_id=${encodeURIComponent(input.sessionId)}`;
      if (checkout.status === "complete") return { redirectTo };
      if (chargeCard(input.cardNumber).isDeclined) {
        throw new DomainError("PRECONDITION_FAILED", "Your card was declined. Try another card (in test mode, 4242 4242 4242 4242 pays).", "cardNumber");
      }
      const [plan] = await db.select().from(plans).where(eq(plans.id, checkout.planId));
      if (!plan) throw notFound("plan");
      const [customer] = checkout.clientId
        ? await db.select().from(billingCustomers).where(eq(billingCustomers.clientId, checkout.clientId))
        : [];
      const customerId = customer?.stripeCustomerId ?? testId("cus");
      const now = deps.now();
      const created = nowUnix();
      const session: CheckoutSessionShape = {
        id: input.sessionId,
        object: "checkout.session",
        mode: plan.kind === "pack" ? "payment" : "subscription",
        status: "complete",
        payment_status: "paid",
        client_reference_id: checkout.id,
        amount_total: checkout.amountMinor,
        currency: checkout.currency.toLowerCase(),
        metadata: { [CHECKOUT_METADATA_KEY]: checkout.id },
        customer: customerId,
        subscription: null,
        created: toUnix(checkout.createdAt),
      };
      if (plan.kind === "pack") {
        await send([event("checkout.session.completed", session, created)]);
        return { redirectTo };
      }
      const sub = {
        stripeSubscriptionId: testId("sub"),
        stripeCustomerId: customerId,
        status: "active" as const,
        cancelAtPeriodEnd: false,
        priceMinor: checkout.amountMinor,
        currency: checkout.currency,
        interval: plan.interval!,
        checkoutId: checkout.id,
        start: now,
        end: periodEnd(now, plan.interval!),
        canceledAt: null,
        createdAt: now,
      };
      await send([
        event("customer.subscription.created", subscriptionObject(sub), created),
        event(
          "invoice.paid",
          invoiceObject({
            id: testId("in"),
            customer: customerId,
            subscription: sub,
            amountMinor: checkout.amountMinor,
            currency: checkout.currency,
            isPaid: true,
            attemptCount: 1,
            periodStart: sub.start,
            periodEnd: sub.end,
            created,
            paidAt: created,
          }),
          created,
        ),
        event("checkout.session.completed", { ...session, subscription: sub.stripeSubscriptionId }, created),
      ]);
      return { redirectTo };
    },

    /** Test mode only: the next renewal happens now, and is paid or fails (as with an expired card). */
    async simulateRenewal(input: { stripeSubscriptionId: string; outcome: "paid" | "failed" }) {
      const row = await loadSubscription(input.stripeSubscriptionId);
      if (row.status === "canceled") throw new DomainError("PRECONDITION_FAILED", "This subscription has ended; there is nothing to renew.");
      const start = row.currentPeriodEnd ?? deps.now();
      const end = periodEnd(start, row.interval);
      const created = after(row.lastEventAt);
      const isPaid = input.outcome === "paid";
      if (row.cancelAtPeriodEnd) {
        await send([event("customer.subscription.deleted", mirrorAsObject(row, { status: "canceled", canceledAt: deps.now() }), created)]);
        return;
      }
      await send([
        event(
          isPaid ? "invoice.paid" : "invoice.payment_failed",
          invoiceObject({
            id: testId("in"),
            customer: row.stripeCustomerId,
            subscription: row,
            amountMinor: row.priceMinor,
            currency: row.currency,
            isPaid,
            attemptCount: 1,
            periodStart: start,
            periodEnd: end,
            created,
            paidAt: isPaid ? created : null,
          }),
          created,
        ),
        event(
          "customer.subscription.updated",
          mirrorAsObject(row, { status: isPaid ? "active" : "past_due", currentPeriodStart: start, currentPeriodEnd: end }),
          created,
        ),
      ]);
    },

    /** The test-mode card page: a new card retries the client's unpaid invoices, as Stripe does. */
    async updateCard(input: { studioId: string; clientId: string; cardNumber: string }): Promise<{ retried: number; paid: number }> {
      const { isDeclined } = chargeCard(input.cardNumber);
      const open = await db
        .select()
        .from(invoices)
        .where(and(eq(invoices.studioId, input.studioId), eq(invoices.clientId, input.clientId), eq(invoices.status, "open")))
        .orderBy(asc(invoices.createdAt));
      let paid = 0;
      for (const invoice of open) {
        if (!invoice.stripeSubscriptionId) continue;
        const sub = await loadSubscription(invoice.stripeSubscriptionId);
        const created = Math.max(after(invoice.lastEventAt), after(sub.lastEventAt));
        const periodStart = sub.currentPeriodStart ?? deps.now();
        const object = invoiceObject({
          id: invoice.stripeInvoiceId,
          customer: sub.stripeCustomerId,
          subscription: sub,
          amountMinor: invoice.amountMinor,
          currency: invoice.currency,
          isPaid: !isDeclined,
          attemptCount: invoice.attemptCount + 1,
          periodStart,
          periodEnd: invoice.periodEnd ?? periodStart,
          created: toUnix(invoice.createdAt),
          paidAt: isDeclined ? null : created,
        });
        if (isDeclined) {
          await send([event("invoice.payment_failed", object, created)]);
        } else {
          paid++;
          await send([event("invoice.paid", object, created), event("customer.subscription.updated", mirrorAsObject(sub, { status: "active" }), created)]);
        }
      }
      return { retried: open.length, paid };
    },
  };
  return provider satisfies BillingProvider;
}

export type TestModeProvider = ReturnType<typeof testModeProvider>;
