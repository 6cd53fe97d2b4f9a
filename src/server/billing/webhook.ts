import { and, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { z } from "zod";
import type { Db, Tx } from "@/server/db/client";
import { notify } from "@/server/notifications/notify";
import { memberActive } from "@/server/db/tenancy";
import {
  billingCustomers,
  checkouts,
  clients,
  invoices,
  packPurchases,
  plans,
  stripeEvents,
  studioMembers,
  studios,
  subscriptionStatus,
  subscriptions,
  users,
  type Checkout,
  type SubscriptionStatus,
} from "@/server/db/schema";
import { creditBalance, grantCredits } from "@/server/credits/service";
import { enqueueEmail } from "@/server/outbox/service";
import { paymentFailedEmail, receiptEmail } from "./emails";
import { logger } from "@/server/logger";
import { studioOfAccount } from "./connect";
import { fromUnix } from "./rules";
import {
  CHECKOUT_METADATA_KEY,
  invoiceSubscriptionId,
  isHandled,
  type CheckoutSessionShape,
  type EventShape,
  type InvoiceShape,
  type SubscriptionShape,
} from "./stripe-shapes";

export type WebhookDeps = {
  db: Db;
  /** The endpoint's signing secret (whsec_…). */
  secret: string;
  /** Hosted mode: the Connect endpoint's secret, for the connected accounts' events sent to the same route. */
  connectSecret?: string;
  /**
   * Hosted mode: every studio is paid on its own connected account, so an event names its
   * account and is applied to that studio alone; one without an account is the operator's own.
   */
  isHosted?: boolean;
  now: () => Date;
  /** For links in the emails the events cause. */
  appUrl: string;
  /** With a real Stripe key: read the subscription's current state instead of trusting the event's copy. */
  retrieveSubscription?: (id: string, account: string | null) => Promise<SubscriptionShape>;
};

export type WebhookResult = { status: number; body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string } };

const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The webhook route, as a function of a Request: Stripe and the test-mode checkout both end here. */
export async function handleWebhookRequest(request: Request, deps: WebhookDeps): Promise<Response> {
  const result = await receiveStripeEvent(deps, await request.text(), request.headers.get("stripe-signature"));
  return Response.json(result.body, { status: result.status });
}

/**
 * Verifies the signature first (a bad or missing one writes nothing), then stores the event
 * id and applies its effect in one transaction, so a replay finds the id and changes nothing.
 */
export async function receiveStripeEvent(deps: WebhookDeps, rawBody: string, signature: string | null): Promise<WebhookResult> {
  if (!signature) return { status: 400, body: { received: false, error: "Missing Stripe-Signature header." } };
  let event: EventShape | undefined;
  let failure: unknown;
  for (const secret of [deps.secret, ...(deps.connectSecret ? [deps.connectSecret] : [])]) {
    try {
      // receivedAt is in milliseconds (the SDK divides it by 1000). Given seconds, every
      // signature looked decades younger than now and a payload signed a month ago was applied.
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, deps.now().getTime()) as unknown as EventShape;
      break;
    } catch (error) {
      failure = error;
    }
  }
  if (!event) {
    const isStale = failure instanceof Error && /tolerance/i.test(failure.message);
    return { status: 400, body: { received: false, error: isStale ? "The signature is more than 5 minutes old; a replayed event is refused." : "The signature does not match." } };
  }
  const account = event.account ?? null;
  if ((event.type as string) === "account.updated") return applyAccountUpdated(deps, event as unknown as AccountEventShape);
  if (!isHandled(event.type)) return { status: 200, body: { received: true, ignored: true } };

  // Which studio the event may touch: the one whose connected account it came from. Self-hosted,
  // the one key's events touch whichever studio their checkout names (today's single studio).
  let scope: string | null = null;
  if (account) {
    scope = await studioOfAccount(deps.db, account);
    if (!scope) {
      logger.warn({ eventId: event.id, type: event.type, account }, "stripe event for a connected account no studio has; ignored");
      return { status: 200, body: { received: true, ignored: true } };
    }
  } else if (deps.isHosted) {
    logger.warn({ eventId: event.id, type: event.type }, "stripe event of the operator's own account in hosted mode; no studio is paid there, ignored");
    return { status: 200, body: { received: true, ignored: true } };
  }

  // With a real key the subscription is re-read, so whatever order events arrive in, the
  // mirror holds Stripe's current state.
  let fresh: SubscriptionShape | undefined;
  if (deps.retrieveSubscription) {
    const subscriptionId = subscriptionIdOf(event);
    try {
      if (subscriptionId) fresh = await deps.retrieveSubscription(subscriptionId, account);
    } catch (error) {
      logger.error({ err: error, eventId: event.id, subscriptionId }, "could not re-read the subscription from Stripe");
      return { status: 500, body: { received: false, error: "Stripe could not be reached; the event will be retried." } };
    }
  }

  try {
    const isNew = await deps.db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(stripeEvents)
        .values({ id: event.id, type: event.type, eventCreatedAt: fromUnix(event.created) })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (!stored) return false;
      await applyEvent(tx, event, fresh, deps.appUrl, scope);
      return true;
    });
    return { status: 200, body: isNew ? { received: true } : { received: true, duplicate: true } };
  } catch (error) {
    // Nothing was stored: Stripe retries, and the retry applies it.
    logger.error({ err: error, eventId: event.id, type: event.type }, "stripe webhook failed");
    return { status: 500, body: { received: false, error: "The event could not be applied; it will be retried." } };
  }
}

type AccountEventShape = { id: string; type: "account.updated"; account?: string; data: { object: { id: string; charges_enabled: boolean } } };

/** A connected account's state changed (onboarding finished, or Stripe paused its charges). */
async function applyAccountUpdated(deps: WebhookDeps, event: AccountEventShape): Promise<WebhookResult> {
  const accountId = event.account ?? event.data.object.id;
  const updated = await deps.db
    .update(studios)
    .set({ stripeChargesEnabled: event.data.object.charges_enabled })
    .where(eq(studios.stripeAccountId, accountId))
    .returning({ id: studios.id });
  if (updated.length === 0) {
    logger.warn({ eventId: event.id, account: accountId }, "account.updated for an account no studio has; ignored");
    return { status: 200, body: { received: true, ignored: true } };
  }
  return { status: 200, body: { received: true } };
}

function subscriptionIdOf(event: EventShape): string | null {
  const object = event.data.object;
  if (event.type.startsWith("customer.subscription.")) return (object as SubscriptionShape).id;
  if (event.type.startsWith("invoice.")) return invoiceSubscriptionId(object as InvoiceShape);
  return (object as CheckoutSessionShape).subscription ?? null;
}

async function applyEvent(tx: Tx, event: EventShape, fresh: SubscriptionShape | undefined, appUrl: string, scope: string | null) {
  const eventAt = fromUnix(event.created);
  switch (event.type) {
    case "checkout.session.completed": {
      await applyCheckoutCompleted(tx, event.data.object as CheckoutSessionShape, eventAt, appUrl, scope);
      if (fresh) await applySubscription(tx, fresh, eventAt, true, scope);
      return;
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      await applySubscription(tx, fresh ?? (event.data.object as SubscriptionShape), eventAt, !!fresh, scope);
      return;
    case "invoice.paid":
    case "invoice.payment_failed":
      await applyInvoice(tx, event.data.object as InvoiceShape, event.type, eventAt, appUrl, scope);
      if (fresh) await applySubscription(tx, fresh, eventAt, true, scope);
      return;
  }
}

const uuid = z.uuid();

/**
 * Our checkout named by a Stripe object, locked so concurrent events for it take turns; with a
 * scope, only a checkout of that studio (a connected account cannot name another studio's).
 */
async function lockCheckout(tx: Tx, ref: string | null | undefined, scope: string | null): Promise<Checkout | null> {
  if (!ref || !uuid.safeParse(ref).success) return null;
  const [row] = await tx
    .select()
    .from(checkouts)
    .where(and(eq(checkouts.id, ref), scope ? eq(checkouts.studioId, scope) : undefined))
    .for("update");
  return row ?? null;
}

/**
 * The client a checkout pays for. A visitor's sign-up becomes a user and a client of the
 * studio (coached by the studio's default coach, else the owner) on the first event that
 * names the checkout, whichever it is.
 */
async function ensureClient(tx: Tx, checkout: Checkout): Promise<string> {
  if (checkout.clientId) return checkout.clientId;
  const email = checkout.signupEmail!;
  const [studio] = await tx.select().from(studios).where(eq(studios.id, checkout.studioId));
  const [owner] = await tx
    .select({ id: studioMembers.id })
    .from(studioMembers)
    .where(and(eq(studioMembers.studioId, checkout.studioId), eq(studioMembers.role, "owner"), memberActive))
    .limit(1);
  const coachId = studio?.defaultCoachId ?? owner!.id;

  let [user] = await tx.select().from(users).where(eq(users.email, email));
  if (!user) {
    [user] = await tx
      .insert(users)
      .values({ email, name: checkout.signupName!, passwordHash: checkout.signupPasswordHash, timeZone: checkout.signupTimeZone ?? studio?.timeZone ?? "UTC" })
      .returning();
  }
  const [existingClient] = await tx.select().from(clients).where(and(eq(clients.studioId, checkout.studioId), eq(clients.email, email)));
  const [userIsTaken] = await tx
    .select({ id: sql`1` })
    .from(users)
    .where(
      and(
        eq(users.id, user!.id),
        sql`(exists (select 1 from ${studioMembers} where ${studioMembers.userId} = ${user!.id}) or exists (select 1 from ${clients} where ${clients.userId} = ${user!.id}))`,
      ),
    );
  let clientId: string;
  if (existingClient) {
    clientId = existingClient.id;
    if (!existingClient.userId && !userIsTaken) {
      await tx.update(clients).set({ userId: user!.id, status: "active" }).where(eq(clients.id, clientId));
    }
  } else {
    // An email that signed up elsewhere meanwhile still gets its client row (without a login);
    // the owner sees the paying client and can sort the account out.
    const [row] = await tx
      .insert(clients)
      .values({ studioId: checkout.studioId, userId: userIsTaken ? null : user!.id, coachId, name: checkout.signupName!, email, status: userIsTaken ? "invited" : "active" })
      .returning({ id: clients.id });
    clientId = row!.id;
  }
  // The hash now lives on the user; the checkout keeps no copy.
  await tx.update(checkouts).set({ clientId, signupPasswordHash: null }).where(eq(checkouts.id, checkout.id));
  checkout.clientId = clientId;
  return clientId;
}

async function rememberCustomer(tx: Tx, studioId: string, clientId: string, stripeCustomerId: string | null) {
  if (!stripeCustomerId) return;
  await tx.insert(billingCustomers).values({ studioId, clientId, stripeCustomerId }).onConflictDoNothing();
}

async function applyCheckoutCompleted(tx: Tx, session: CheckoutSessionShape, eventAt: Date, appUrl: string, scope: string | null) {
  const checkout = await lockCheckout(tx, session.client_reference_id ?? session.metadata?.[CHECKOUT_METADATA_KEY], scope);
  if (!checkout) return;
  const clientId = await ensureClient(tx, checkout);
  await rememberCustomer(tx, checkout.studioId, clientId, session.customer);
  if (checkout.status !== "complete") {
    await tx
      .update(checkouts)
      .set({ status: "complete", completedAt: eventAt, providerSessionId: checkout.providerSessionId ?? session.id })
      .where(eq(checkouts.id, checkout.id));
  }
  const [plan] = await tx.select().from(plans).where(eq(plans.id, checkout.planId));
  if (plan?.kind !== "pack" || session.payment_status !== "paid") return;
  // A pack grants its credits exactly once: the purchase row and the ledger entry are both
  // unique per checkout, and written together.
  const [purchase] = await tx
    .insert(packPurchases)
    .values({
      studioId: checkout.studioId,
      clientId,
      planId: plan.id,
      checkoutId: checkout.id,
      credits: plan.credits!,
      amountMinor: session.amount_total ?? checkout.amountMinor,
      currency: (session.currency ?? checkout.currency).toUpperCase(),
      createdAt: eventAt,
    })
    .onConflictDoNothing()
    .returning();
  if (purchase) {
    await grantCredits(tx, {
      studioId: checkout.studioId,
      clientId,
      amount: purchase.credits,
      reason: `Bought ${plan.name}`,
      kind: "purchase",
      sourceRef: session.id,
    });
    const who = await recipient(tx, checkout.studioId, clientId);
    await enqueueEmail(tx, {
      studioId: checkout.studioId,
      kind: "receipt",
      to: who.email,
      ...receiptEmail({
        name: who.name,
        studioName: who.studioName,
        item: plan.name,
        amountMinor: purchase.amountMinor,
        currency: purchase.currency,
        detail: `${purchase.credits} session credits added; you now have ${await creditBalance(tx, { studioId: checkout.studioId, clientId })}.`,
        portalUrl: `${appUrl}/portal/billing`,
      }),
    });
  }
}

async function recipient(tx: Tx, studioId: string, clientId: string) {
  const [row] = await tx
    .select({ email: clients.email, name: clients.name, userId: clients.userId, studioName: studios.name })
    .from(clients)
    .innerJoin(studios, eq(studios.id, clients.studioId))
    .where(and(eq(clients.studioId, studioId), eq(clients.id, clientId)));
  return row!;
}

function knownStatus(status: string): SubscriptionStatus {
  return (subscriptionStatus as readonly string[]).includes(status) ? (status as SubscriptionStatus) : "incomplete";
}

async function applySubscription(tx: Tx, sub: SubscriptionShape, eventAt: Date, isFresh: boolean, scope: string | null) {
  const [existing] = await tx.select().from(subscriptions).where(eq(subscriptions.stripeSubscriptionId, sub.id)).for("update");
  let owner: { studioId: string; clientId: string; planId: string | null; checkoutId: string | null };
  if (existing) {
    if (scope && existing.studioId !== scope) return;
    owner = existing;
  } else {
    const checkout = await lockCheckout(tx, sub.metadata?.[CHECKOUT_METADATA_KEY], scope);
    if (!checkout) return;
    owner = { studioId: checkout.studioId, clientId: await ensureClient(tx, checkout), planId: checkout.planId, checkoutId: checkout.id };
    await rememberCustomer(tx, checkout.studioId, owner.clientId, sub.customer);
  }
  const item = sub.items.data[0];
  const values = {
    studioId: owner.studioId,
    clientId: owner.clientId,
    planId: owner.planId,
    checkoutId: owner.checkoutId,
    stripeSubscriptionId: sub.id,
    stripeCustomerId: sub.customer,
    status: knownStatus(sub.status),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    currentPeriodStart: item ? fromUnix(item.current_period_start) : null,
    currentPeriodEnd: item ? fromUnix(item.current_period_end) : null,
    canceledAt: sub.canceled_at ? fromUnix(sub.canceled_at) : null,
    priceMinor: item?.price.unit_amount ?? 0,
    currency: (item?.price.currency ?? "gbp").toUpperCase(),
    interval: item?.price.recurring?.interval === "year" ? ("year" as const) : ("month" as const),
    lastEventAt: eventAt,
  };
  // The newest state wins: an event older than the one applied last is a no-op (a state
  // re-read from Stripe is current whatever the event's age).
  await tx
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: subscriptions.stripeSubscriptionId,
      set: { ...values, lastEventAt: sql`greatest(${subscriptions.lastEventAt}, excluded.last_event_at)` },
      setWhere: isFresh ? undefined : sql`${subscriptions.lastEventAt} <= excluded.last_event_at`,
    });
}

async function applyInvoice(tx: Tx, invoice: InvoiceShape, type: "invoice.paid" | "invoice.payment_failed", eventAt: Date, appUrl: string, scope: string | null) {
  const stripeSubscriptionId = invoiceSubscriptionId(invoice);
  let owner: { studioId: string; clientId: string } | null = null;
  if (stripeSubscriptionId) {
    const [sub] = await tx
      .select({ studioId: subscriptions.studioId, clientId: subscriptions.clientId })
      .from(subscriptions)
      .where(and(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId), scope ? eq(subscriptions.studioId, scope) : undefined));
    owner = sub ?? null;
  }
  if (!owner) {
    const checkout = await lockCheckout(tx, invoice.parent?.subscription_details?.metadata?.[CHECKOUT_METADATA_KEY], scope);
    if (!checkout) return;
    owner = { studioId: checkout.studioId, clientId: await ensureClient(tx, checkout) };
    await rememberCustomer(tx, checkout.studioId, owner.clientId, invoice.customer);
  }
  const isPaid = type === "invoice.paid";
  const values = {
    studioId: owner.studioId,
    clientId: owner.clientId,
    stripeInvoiceId: invoice.id,
    stripeSubscriptionId,
    amountMinor: isPaid ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency.toUpperCase(),
    status: isPaid ? ("paid" as const) : ("open" as const),
    attemptCount: invoice.attempt_count,
    lastFailedAt: isPaid ? null : eventAt,
    paidAt: isPaid ? fromUnix(invoice.status_transitions.paid_at ?? Math.floor(eventAt.getTime() / 1000)) : null,
    periodEnd: invoice.period_end ? fromUnix(invoice.period_end) : null,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    lastEventAt: eventAt,
    createdAt: fromUnix(invoice.created),
  };
  // Newest event wins, and a paid invoice stays paid (a late "payment failed" for an
  // earlier attempt must not reopen it).
  const [applied] = await tx
    .insert(invoices)
    .values(values)
    .onConflictDoUpdate({
      target: invoices.stripeInvoiceId,
      set: values,
      setWhere: sql`${invoices.status} <> 'paid' and ${invoices.lastEventAt} <= excluded.last_event_at`,
    })
    .returning({ id: invoices.id });
  // Only a state that was applied tells the client anything: a stale "failed" after the
  // invoice was paid sends nothing.
  if (!applied) return;
  const who = await recipient(tx, owner.studioId, owner.clientId);
  const [plan] = stripeSubscriptionId
    ? await tx
        .select({ name: plans.name })
        .from(subscriptions)
        .innerJoin(plans, eq(plans.id, subscriptions.planId))
        .where(eq(subscriptions.stripeSubscriptionId, stripeSubscriptionId))
    : [];
  const email = isPaid
    ? receiptEmail({
        name: who.name,
        studioName: who.studioName,
        item: plan?.name ?? "your subscription",
        amountMinor: values.amountMinor,
        currency: values.currency,
        portalUrl: `${appUrl}/portal/billing`,
      })
    : paymentFailedEmail({ name: who.name, studioName: who.studioName, amountMinor: values.amountMinor, currency: values.currency, fixUrl: `${appUrl}/portal/billing#card` });
  await enqueueEmail(tx, { studioId: owner.studioId, kind: isPaid ? "receipt" : "payment_failed", to: who.email, ...email });
  if (!isPaid && who.userId) {
    await notify(tx, { studioId: owner.studioId, userId: who.userId, kind: "payment_failed", title: "A payment failed", body: `Your payment to ${who.studioName} did not go through. Update your card.`, url: "/portal/billing" });
  }
}
