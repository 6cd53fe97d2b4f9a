import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { subscriptionStatus, type SubscriptionStatus } from "@/lib/subscription-status";
import { createdAt, id, instant } from "./_columns";
import { clients, studios } from "./studios";

// Billing mirrors Stripe: the webhook is the only writer of subscription, invoice and
// purchase state. Money is always integer minor units plus an ISO 4217 currency code.

export const planKind = ["subscription", "pack"] as const;
export const planInterval = ["month", "year"] as const;

/** What a studio sells: a recurring subscription, or a pack of session credits paid once. */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: planKind }).notNull(),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    /** Subscriptions only. */
    interval: text("interval", { enum: planInterval }),
    /** Packs only: the session credits one purchase grants. */
    credits: integer("credits"),
    isActive: boolean("is_active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("plans_studio_idx").on(t.studioId, t.sortOrder),
    check("plans_price_positive", sql`${t.priceMinor} > 0`),
    check("plans_currency_iso", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      "plans_kind_shape",
      sql`(${t.kind} = 'subscription' and ${t.interval} is not null and ${t.credits} is null) or (${t.kind} = 'pack' and ${t.interval} is null and ${t.credits} > 0)`,
    ),
  ],
);

/**
 * One started checkout (ours first, then the provider's session). A visitor's sign-up
 * details wait here until the payment completes; only the password's hash is kept.
 */
export const checkouts = pgTable(
  "checkouts",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    /** The buyer: set at start for an existing client, when the payment completes for a sign-up. */
    clientId: uuid("client_id").references(() => clients.id),
    providerSessionId: text("provider_session_id").unique(),
    provider: text("provider", { enum: ["stripe", "test"] }).notNull(),
    signupName: text("signup_name"),
    signupEmail: text("signup_email"),
    signupPasswordHash: text("signup_password_hash"),
    /** The visitor's own zone, from their browser, for the account the payment creates. */
    signupTimeZone: text("signup_time_zone"),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["open", "complete"] }).notNull().default("open"),
    /** Lets the browser that paid sign in once, right after paying (hash only). */
    signInTokenHash: text("sign_in_token_hash"),
    signInUsedAt: instant("sign_in_used_at"),
    completedAt: instant("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("checkouts_studio_idx").on(t.studioId, t.createdAt)],
);

/** A client's Stripe customer: one per client, so the card is managed in one place. */
export const billingCustomers = pgTable(
  "billing_customers",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id).unique(),
    stripeCustomerId: text("stripe_customer_id").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("billing_customers_studio_idx").on(t.studioId)],
);

// The list lives in src/lib (the browser shows the words for it); the column takes its values.
export { subscriptionStatus, type SubscriptionStatus };

/** Stripe's subscription, mirrored: the newest state by the event's time, never an older one. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    planId: uuid("plan_id").references(() => plans.id),
    checkoutId: uuid("checkout_id").references(() => checkouts.id),
    stripeSubscriptionId: text("stripe_subscription_id").notNull().unique(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    status: text("status", { enum: subscriptionStatus }).notNull(),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    currentPeriodStart: instant("current_period_start"),
    currentPeriodEnd: instant("current_period_end"),
    canceledAt: instant("canceled_at"),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    interval: text("interval", { enum: planInterval }).notNull(),
    /** `created` of the newest event applied: an older event never overwrites a newer state. */
    lastEventAt: instant("last_event_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("subscriptions_studio_status_idx").on(t.studioId, t.status), index("subscriptions_studio_client_idx").on(t.studioId, t.clientId)],
);

/** Stripe's invoices of a subscription, mirrored; a paid invoice stays paid. */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    stripeInvoiceId: text("stripe_invoice_id").notNull().unique(),
    stripeSubscriptionId: text("stripe_subscription_id"),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["open", "paid", "void", "uncollectible"] }).notNull(),
    attemptCount: integer("attempt_count").notNull().default(0),
    lastFailedAt: instant("last_failed_at"),
    paidAt: instant("paid_at"),
    periodEnd: instant("period_end"),
    hostedInvoiceUrl: text("hosted_invoice_url"),
    lastEventAt: instant("last_event_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("invoices_studio_client_idx").on(t.studioId, t.clientId, t.createdAt),
    index("invoices_studio_status_idx").on(t.studioId, t.status),
    check("invoices_amount_nonnegative", sql`${t.amountMinor} >= 0`),
  ],
);

/** A session pack bought once; its credits are granted in the same transaction, once. */
export const packPurchases = pgTable(
  "pack_purchases",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    planId: uuid("plan_id").notNull().references(() => plans.id),
    checkoutId: uuid("checkout_id").notNull().references(() => checkouts.id),
    credits: integer("credits").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pack_purchases_studio_idx").on(t.studioId, t.createdAt), uniqueIndex("pack_purchases_checkout_unique").on(t.checkoutId)],
);

/**
 * Every processed webhook event, stored in the transaction of its effect: a replay finds
 * its id here and changes nothing. Not a tenant table (an event names its studio inside).
 */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  eventCreatedAt: instant("event_created_at").notNull(),
  processedAt: createdAt(),
});

export type Plan = typeof plans.$inferSelect;
export type Checkout = typeof checkouts.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type PackPurchase = typeof packPurchases.$inferSelect;
