import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import { NUL_CHARACTER_MESSAGE, pathOfNulCharacter } from "@/lib/input-guards";
import { assertNotThrottled, normalizeEmail, type SignedInUser } from "@/server/auth/service";
import type { ThrottleRule } from "@/server/auth/throttle";
import { hashToken, newToken } from "@/server/auth/tokens";
import { creditBalance } from "@/server/credits/service";
import type { Db, Queryable } from "@/server/db/client";
import { billingCustomers, checkouts, clients, invoices, loginAttempts, packPurchases, plans, studioMembers, studios, subscriptions, users, type Plan } from "@/server/db/schema";
import { inStudio, clientNotDeleted, memberActive } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { assertStudioConfirmed } from "@/server/signup/confirmation";
import type { BillingProvider } from "./provider";
import type { TestModeProvider } from "./test-mode";
import { canChangeCancellation, isBilling } from "./rules";
import type { PlanInterval, PlanKind } from "./types";
import { isValidTimeZone } from "@/lib/time-zones";

// ── Plans (the owner's catalogue) ─────────────────────────────────────────────────────────

const planColumns = {
  id: plans.id,
  name: plans.name,
  description: plans.description,
  kind: plans.kind,
  priceMinor: plans.priceMinor,
  currency: plans.currency,
  interval: plans.interval,
  credits: plans.credits,
  isActive: plans.isActive,
};

export function listPlans(q: Queryable, studioId: string, opts: { activeOnly?: boolean } = {}) {
  return q
    .select(planColumns)
    .from(plans)
    .where(inStudio(plans, studioId, opts.activeOnly ? eq(plans.isActive, true) : undefined))
    .orderBy(asc(plans.sortOrder), asc(plans.kind), asc(plans.priceMinor), asc(plans.name));
}

export type PlanInput = {
  name: string;
  description: string;
  kind: PlanKind;
  priceMinor: number;
  currency: string;
  interval: PlanInterval | null;
  credits: number | null;
};

function planShape(input: PlanInput) {
  if (input.kind === "subscription" && !input.interval) throw new DomainError("BAD_REQUEST", "Pick how often a subscription is billed.", "interval");
  if (input.kind === "pack" && !input.credits) throw new DomainError("BAD_REQUEST", "Enter how many sessions the pack holds.", "credits");
  return {
    name: input.name,
    description: input.description,
    kind: input.kind,
    priceMinor: input.priceMinor,
    currency: input.currency,
    interval: input.kind === "subscription" ? input.interval : null,
    credits: input.kind === "pack" ? input.credits : null,
  };
}

export async function createPlan(db: Db, studioId: string, input: PlanInput) {
  const [row] = await db.insert(plans).values({ studioId, ...planShape(input) }).returning(planColumns);
  return row!;
}

/** Changes a plan for future purchases; subscriptions keep the price they were bought at. */
export async function updatePlan(db: Db, studioId: string, planId: string, input: Omit<PlanInput, "kind"> & { isActive: boolean }) {
  const [existing] = await db.select().from(plans).where(inStudio(plans, studioId, eq(plans.id, planId)));
  if (!existing) throw notFound("plan");
  const [row] = await db
    .update(plans)
    .set({ ...planShape({ ...input, kind: existing.kind }), isActive: input.isActive })
    .where(inStudio(plans, studioId, eq(plans.id, planId)))
    .returning(planColumns);
  return row!;
}

/** The studio's plans with its billing settings, for the trainers' plans page. */
export async function studioCatalogue(q: Queryable, studioId: string) {
  return { plans: await listPlans(q, studioId), settings: await billingSettings(q, studioId) };
}

/** Who coaches a visitor who signs up and pays (null: the owner). */
export async function billingSettings(q: Queryable, studioId: string) {
  const [studio] = await q.select({ defaultCoachId: studios.defaultCoachId, slug: studios.slug }).from(studios).where(eq(studios.id, studioId));
  const [owner] = await q
    .select({ id: studioMembers.id })
    .from(studioMembers)
    .where(inStudio(studioMembers, studioId, eq(studioMembers.role, "owner"), memberActive))
    .limit(1);
  return { defaultCoachId: studio?.defaultCoachId ?? owner?.id ?? null, studioSlug: studio?.slug ?? "" };
}

export async function setDefaultCoach(db: Db, studioId: string, memberId: string) {
  const [member] = await db.select({ id: studioMembers.id }).from(studioMembers).where(inStudio(studioMembers, studioId, eq(studioMembers.id, memberId), memberActive));
  if (!member) throw new DomainError("NOT_FOUND", "Pick one of your studio's trainers.", "memberId");
  await db.update(studios).set({ defaultCoachId: memberId }).where(eq(studios.id, studioId));
  return billingSettings(db, studioId);
}

// ── Public plans page and sign-up ────────────────────────────────────────────────────────

export async function publicPlans(q: Queryable, studioSlug: string) {
  const [studio] = await q.select({ id: studios.id, name: studios.name, slug: studios.slug, timeZone: studios.timeZone }).from(studios).where(eq(studios.slug, studioSlug));
  if (!studio) throw notFound("studio");
  const offers = await listPlans(q, studio.id, { activeOnly: true });
  return { studio: { name: studio.name, slug: studio.slug, timeZone: studio.timeZone }, plans: offers };
}

export async function studioIdOfSlug(q: Queryable, studioSlug: string): Promise<string> {
  const [studio] = await q.select({ id: studios.id }).from(studios).where(eq(studios.slug, studioSlug));
  if (!studio) throw notFound("studio");
  return studio.id;
}

/**
 * Studios that chose to be listed and have something on sale, for the public "Plans" entry (a
 * deployment usually runs one). An unlisted studio's own plans page still works by its address.
 */
export function studiosSelling(q: Queryable) {
  return q
    .selectDistinct({ name: studios.name, slug: studios.slug })
    .from(studios)
    .innerJoin(plans, and(eq(plans.studioId, studios.id), eq(plans.isActive, true)))
    .where(eq(studios.isListed, true))
    .orderBy(studios.name, studios.slug);
}

async function activePlan(q: Queryable, studioId: string, planId: string): Promise<Plan> {
  const [plan] = await q.select().from(plans).where(inStudio(plans, studioId, eq(plans.id, planId), eq(plans.isActive, true)));
  if (!plan) throw new DomainError("NOT_FOUND", "That plan is not on sale any more. Pick another plan.", "planId");
  return plan;
}

const SIGN_IN_AFTER_CHECKOUT_MS = 2 * 60 * 60_000;

export type SignupInput = {
  studioSlug: string;
  planId: string;
  name: string;
  email: string;
  password: string;
  /** The visitor's IANA zone (their browser's, or the one they picked); the studio's when not given. */
  timeZone?: string | null;
  appUrl: string;
  ip?: string | null;
  now?: Date;
};

// Each sign-up opens a checkout: 10 per address in 15 minutes is plenty for people, not for scripts.
const SIGNUP_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000 };

/**
 * A visitor picks a plan and chooses their password before paying; the account is created
 * when the payment completes (the webhook). The browser that starts the checkout keeps a
 * single-use token (in a cookie) to sign in once it is back from paying.
 */
export async function startSignup(db: Db, provider: BillingProvider, input: SignupInput): Promise<{ url: string; signInToken: string }> {
  // PostgreSQL cannot store a NUL: refused beside its field before anything is written.
  const withNul = pathOfNulCharacter({ name: input.name, email: input.email, password: input.password });
  if (withNul) throw new DomainError("BAD_REQUEST", NUL_CHARACTER_MESSAGE, withNul);
  const email = normalizeEmail(input.email);
  if (input.timeZone && !isValidTimeZone(input.timeZone)) throw new DomainError("BAD_REQUEST", "Pick your time zone from the list.", "timeZone");
  if (input.ip) {
    const key = `signup:${input.ip}`;
    const now = input.now ?? new Date();
    await assertNotThrottled(db, [key], now, SIGNUP_THROTTLE, "sign-ups started from this address");
    await db.insert(loginAttempts).values({ key, succeeded: false, createdAt: now });
  }
  const [studio] = await db.select({ id: studios.id }).from(studios).where(eq(studios.slug, input.studioSlug));
  if (!studio) throw notFound("studio");
  await assertStudioConfirmed(db, studio.id, "public");
  const plan = await activePlan(db, studio.id, input.planId);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) {
    throw new DomainError("CONFLICT", "This email already has a Stride account. Sign in, then choose a plan from your portal.", "email");
  }
  const { token, tokenHash } = newToken();
  const [checkout] = await db
    .insert(checkouts)
    .values({
      studioId: studio.id,
      planId: plan.id,
      provider: provider.mode,
      signupName: input.name,
      signupEmail: email,
      signupPasswordHash: await hashPassword(input.password),
      signupTimeZone: input.timeZone ?? null,
      amountMinor: plan.priceMinor,
      currency: plan.currency,
      signInTokenHash: tokenHash,
    })
    .returning();
  const session = await provider.createCheckoutSession({
    checkoutId: checkout!.id,
    kind: plan.kind,
    name: plan.name,
    priceMinor: plan.priceMinor,
    currency: plan.currency,
    interval: plan.interval,
    customerEmail: email,
    stripeCustomerId: null,
    successUrl: `${input.appUrl}/checkout/complete`,
    cancelUrl: `${input.appUrl}/studios/${input.studioSlug}/plans`,
  });
  await db.update(checkouts).set({ providerSessionId: session.sessionId }).where(eq(checkouts.id, checkout!.id));
  return { url: session.url, signInToken: token };
}

/** A signed-in client buys a pack or subscribes; returns the checkout page to open. */
export async function startPurchase(db: Db, provider: BillingProvider, input: { studioId: string; clientId: string; planId: string; appUrl: string }) {
  await assertStudioConfirmed(db, input.studioId, "public");
  const plan = await activePlan(db, input.studioId, input.planId);
  if (plan.kind === "subscription") {
    const [running] = await db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(inStudio(subscriptions, input.studioId, eq(subscriptions.clientId, input.clientId), inArray(subscriptions.status, ["active", "trialing", "past_due"])));
    if (running) throw new DomainError("CONFLICT", "You already have a running subscription. Cancel it first to switch plans.", "planId");
  }
  const [client] = await db.select({ email: clients.email }).from(clients).where(inStudio(clients, input.studioId, eq(clients.id, input.clientId), clientNotDeleted));
  if (!client) throw notFound("client");
  const [customer] = await db.select().from(billingCustomers).where(inStudio(billingCustomers, input.studioId, eq(billingCustomers.clientId, input.clientId)));
  const [checkout] = await db
    .insert(checkouts)
    .values({ studioId: input.studioId, planId: plan.id, clientId: input.clientId, provider: provider.mode, amountMinor: plan.priceMinor, currency: plan.currency })
    .returning();
  const session = await provider.createCheckoutSession({
    checkoutId: checkout!.id,
    kind: plan.kind,
    name: plan.name,
    priceMinor: plan.priceMinor,
    currency: plan.currency,
    interval: plan.interval,
    customerEmail: client.email,
    stripeCustomerId: customer?.stripeCustomerId ?? null,
    successUrl: `${input.appUrl}/checkout/complete`,
    cancelUrl: `${input.appUrl}/portal/billing`,
  });
  await db.update(checkouts).set({ providerSessionId: session.sessionId }).where(eq(checkouts.id, checkout!.id));
  return { url: session.url };
}

/** What the payer sees on the checkout pages (test checkout and "thank you"). Keyed by the unguessable session id. */
export async function checkoutBySession(q: Queryable, sessionId: string) {
  const [row] = await q
    .select({
      id: checkouts.id,
      status: checkouts.status,
      provider: checkouts.provider,
      isSignup: sql<boolean>`${checkouts.signupEmail} is not null`,
      email: sql<string>`coalesce(${checkouts.signupEmail}, ${clients.email})`,
      amountMinor: checkouts.amountMinor,
      currency: checkouts.currency,
      planName: plans.name,
      planKind: plans.kind,
      interval: plans.interval,
      credits: plans.credits,
      studioName: studios.name,
      studioSlug: studios.slug,
      isSignInUsed: sql<boolean>`${checkouts.signInUsedAt} is not null`,
    })
    .from(checkouts)
    .innerJoin(plans, eq(plans.id, checkouts.planId))
    .innerJoin(studios, eq(studios.id, checkouts.studioId))
    .leftJoin(clients, eq(clients.id, checkouts.clientId))
    .where(eq(checkouts.providerSessionId, sessionId));
  return row ?? null;
}

/**
 * Signs in the new client once, in the browser that started the checkout (its cookie holds
 * the token), within two hours of the payment completing.
 */
export async function consumeCheckoutSignIn(db: Db, input: { sessionId: string; token: string; now: Date }): Promise<SignedInUser> {
  const refused = new DomainError("UNAUTHORIZED", "This sign-up link has already been used or has expired. Sign in with the email and password you chose.");
  if (!input.token) throw refused;
  const [spent] = await db
    .update(checkouts)
    .set({ signInUsedAt: input.now })
    .where(
      and(
        eq(checkouts.providerSessionId, input.sessionId),
        eq(checkouts.signInTokenHash, hashToken(input.token)),
        eq(checkouts.status, "complete"),
        isNull(checkouts.signInUsedAt),
        gt(checkouts.completedAt, new Date(input.now.getTime() - SIGN_IN_AFTER_CHECKOUT_MS)),
      ),
    )
    .returning({ clientId: checkouts.clientId });
  if (!spent?.clientId) throw refused;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion, disabledAt: users.disabledAt })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(eq(clients.id, spent.clientId));
  if (!user || user.disabledAt) throw refused;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

// ── The client's own billing ─────────────────────────────────────────────────────────────

const subscriptionColumns = {
  id: subscriptions.id,
  planName: sql<string>`coalesce(${plans.name}, 'Subscription')`,
  status: subscriptions.status,
  cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
  currentPeriodEnd: subscriptions.currentPeriodEnd,
  canceledAt: subscriptions.canceledAt,
  priceMinor: subscriptions.priceMinor,
  currency: subscriptions.currency,
  interval: subscriptions.interval,
};

const invoiceColumns = {
  id: invoices.id,
  amountMinor: invoices.amountMinor,
  currency: invoices.currency,
  status: invoices.status,
  attemptCount: invoices.attemptCount,
  lastFailedAt: invoices.lastFailedAt,
  paidAt: invoices.paidAt,
  periodEnd: invoices.periodEnd,
  hostedInvoiceUrl: invoices.hostedInvoiceUrl,
  createdAt: invoices.createdAt,
};

export function listClientInvoices(q: Queryable, studioId: string, clientId: string, limit = 24) {
  return q
    .select(invoiceColumns)
    .from(invoices)
    .where(inStudio(invoices, studioId, eq(invoices.clientId, clientId)))
    .orderBy(desc(invoices.createdAt))
    .limit(limit);
}

/** The client's payment that failed and is still unpaid (for the banner), or null. */
export async function paymentProblem(q: Queryable, studioId: string, clientId: string) {
  const [row] = await q
    .select({ amountMinor: invoices.amountMinor, currency: invoices.currency, lastFailedAt: invoices.lastFailedAt })
    .from(invoices)
    .where(inStudio(invoices, studioId, eq(invoices.clientId, clientId), eq(invoices.status, "open"), isNotNull(invoices.lastFailedAt)))
    .orderBy(desc(invoices.lastFailedAt))
    .limit(1);
  return row ?? null;
}

/** Everything the client's membership page shows: subscriptions, invoices, credits, what is on sale. */
export async function clientBilling(q: Queryable, studioId: string, clientId: string) {
  const subs = await q
    .select(subscriptionColumns)
    .from(subscriptions)
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .where(inStudio(subscriptions, studioId, eq(subscriptions.clientId, clientId)))
    .orderBy(desc(subscriptions.createdAt));
  const recentInvoices = await listClientInvoices(q, studioId, clientId, 12);
  const [customer] = await q.select({ id: billingCustomers.id }).from(billingCustomers).where(inStudio(billingCustomers, studioId, eq(billingCustomers.clientId, clientId)));
  const packs = await q
    .select({ id: packPurchases.id, planName: plans.name, credits: packPurchases.credits, amountMinor: packPurchases.amountMinor, currency: packPurchases.currency, createdAt: packPurchases.createdAt })
    .from(packPurchases)
    .innerJoin(plans, eq(plans.id, packPurchases.planId))
    .where(inStudio(packPurchases, studioId, eq(packPurchases.clientId, clientId)))
    .orderBy(desc(packPurchases.createdAt))
    .limit(12);
  return {
    subscriptions: subs.map((s) => ({ ...s, canChangeCancellation: canChangeCancellation(s.status) })),
    hasRunningSubscription: subs.some((s) => isBilling(s.status)),
    lastInvoice: recentInvoices[0] ?? null,
    invoices: recentInvoices,
    packPurchases: packs,
    credits: await creditBalance(q, { studioId, clientId }),
    hasCardOnFile: !!customer,
    paymentProblem: await paymentProblem(q, studioId, clientId),
    offers: await listPlans(q, studioId, { activeOnly: true }),
  };
}

/** What a trainer sees of one client's membership: their subscription, credits, and any unpaid payment. */
export async function clientMembership(q: Queryable, studioId: string, clientId: string) {
  const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted));
  if (!client) throw notFound("client");
  const [subscription] = await q
    .select(subscriptionColumns)
    .from(subscriptions)
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .where(inStudio(subscriptions, studioId, eq(subscriptions.clientId, clientId)))
    .orderBy(sql`case when ${subscriptions.status} in ('active', 'trialing', 'past_due') then 0 else 1 end`, desc(subscriptions.createdAt))
    .limit(1);
  return {
    subscription: subscription ?? null,
    credits: await creditBalance(q, { studioId, clientId }),
    paymentProblem: await paymentProblem(q, studioId, clientId),
  };
}

async function ownSubscription(q: Queryable, studioId: string, clientId: string, subscriptionId: string) {
  const [row] = await q.select().from(subscriptions).where(inStudio(subscriptions, studioId, eq(subscriptions.clientId, clientId), eq(subscriptions.id, subscriptionId)));
  if (!row) throw notFound("subscription");
  return row;
}

/** Cancel at the end of the paid period, or resume; Stripe (or the test mode) confirms through the webhook. */
export async function setCancelAtPeriodEnd(
  db: Db,
  provider: BillingProvider,
  input: { studioId: string; clientId: string; subscriptionId: string; cancelAtPeriodEnd: boolean },
) {
  const sub = await ownSubscription(db, input.studioId, input.clientId, input.subscriptionId);
  if (!canChangeCancellation(sub.status)) throw new DomainError("PRECONDITION_FAILED", "This subscription has already ended. Choose a plan to start a new one.");
  if (sub.cancelAtPeriodEnd !== input.cancelAtPeriodEnd) {
    await provider.setCancelAtPeriodEnd({ stripeSubscriptionId: sub.stripeSubscriptionId, cancelAtPeriodEnd: input.cancelAtPeriodEnd });
  }
  // The test mode delivers its event before answering; Stripe's arrives a moment later.
  return { isConfirmed: provider.mode === "test" || sub.cancelAtPeriodEnd === input.cancelAtPeriodEnd };
}

/** Test mode only: the client's own subscription renews now, paid or failed. */
export async function simulateRenewal(
  db: Db,
  provider: TestModeProvider,
  input: { studioId: string; clientId: string; subscriptionId: string; outcome: "paid" | "failed" },
) {
  const sub = await ownSubscription(db, input.studioId, input.clientId, input.subscriptionId);
  await provider.simulateRenewal({ stripeSubscriptionId: sub.stripeSubscriptionId, outcome: input.outcome });
  return { done: true };
}

export async function cardUpdateUrl(db: Db, provider: BillingProvider, input: { studioId: string; clientId: string; appUrl: string }) {
  const [customer] = await db.select().from(billingCustomers).where(inStudio(billingCustomers, input.studioId, eq(billingCustomers.clientId, input.clientId)));
  if (!customer) throw new DomainError("PRECONDITION_FAILED", "You have no card on file yet. It is saved when you first pay.");
  return { url: await provider.createCardUpdateUrl({ stripeCustomerId: customer.stripeCustomerId, returnUrl: `${input.appUrl}/portal/billing` }) };
}

// ── Revenue (the owner's view) ───────────────────────────────────────────────────────────

const BILLING_STATUSES = ["active", "trialing", "past_due"] as const;
// `monthlyMinor` (src/lib/money.ts) in SQL, per subscription before summing, as the function is
// applied; revenue.integration.test.ts holds the two to the same answers.
const monthlyMinorSql = sql`(case when ${subscriptions.interval} = 'year' then (${subscriptions.priceMinor}::bigint * 2 + 12) / 24 else ${subscriptions.priceMinor}::bigint end)`;

/** Payments that failed and are still unpaid: the follow-ups (the attention queue lists these too). */
export function listFailedPayments(q: Queryable, studioId: string, options: { coachId?: string | null } = {}) {
  return q
    .select({
      invoiceId: invoices.id,
      clientId: clients.id,
      clientName: clients.name,
      amountMinor: invoices.amountMinor,
      currency: invoices.currency,
      attemptCount: invoices.attemptCount,
      lastFailedAt: invoices.lastFailedAt,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    // A deleted client is no one to follow up with; their invoices still count in revenue.
    .where(
      inStudio(invoices, studioId, eq(invoices.status, "open"), isNotNull(invoices.lastFailedAt), isNull(clients.deletedAt), options.coachId ? eq(clients.coachId, options.coachId) : undefined),
    )
    .orderBy(asc(invoices.lastFailedAt));
}

/** MRR per currency (yearly plans count a twelfth), subscription counts, pack sales, follow-ups: SQL over the mirror. */
export async function revenueSummary(q: Queryable, studioId: string, now: Date) {
  const mrr = await q
    .select({
      currency: subscriptions.currency,
      mrrMinor: sql<string>`sum(${monthlyMinorSql})`,
      atRiskMinor: sql<string>`coalesce(sum(case when ${subscriptions.status} = 'past_due' then ${monthlyMinorSql} end), 0)`,
    })
    .from(subscriptions)
    .where(inStudio(subscriptions, studioId, inArray(subscriptions.status, [...BILLING_STATUSES])))
    .groupBy(subscriptions.currency)
    .orderBy(subscriptions.currency);
  const [counts] = await q
    .select({
      active: sql<number>`count(*) filter (where ${subscriptions.status} in ('active', 'trialing') and not ${subscriptions.cancelAtPeriodEnd})::int`,
      ending: sql<number>`count(*) filter (where ${subscriptions.status} in ('active', 'trialing') and ${subscriptions.cancelAtPeriodEnd})::int`,
      pastDue: sql<number>`count(*) filter (where ${subscriptions.status} in ('past_due', 'unpaid'))::int`,
      canceled: sql<number>`count(*) filter (where ${subscriptions.status} = 'canceled')::int`,
    })
    .from(subscriptions)
    .where(inStudio(subscriptions, studioId));
  const since = new Date(now.getTime() - 30 * 24 * 60 * 60_000);
  const packs = await q
    .select({
      currency: packPurchases.currency,
      count: sql<number>`count(*)::int`,
      totalMinor: sql<string>`sum(${packPurchases.amountMinor}::bigint)`,
      last30Count: sql<number>`count(*) filter (where ${packPurchases.createdAt} >= ${since.toISOString()}::timestamptz)::int`,
      last30Minor: sql<string>`coalesce(sum(${packPurchases.amountMinor}::bigint) filter (where ${packPurchases.createdAt} >= ${since.toISOString()}::timestamptz), 0)`,
    })
    .from(packPurchases)
    .where(inStudio(packPurchases, studioId))
    .groupBy(packPurchases.currency)
    .orderBy(packPurchases.currency);
  const recentSubscriptions = await q
    .select({ ...subscriptionColumns, clientId: clients.id, clientName: clients.name, isClientDeleted: sql<boolean>`${clients.deletedAt} is not null` })
    .from(subscriptions)
    .innerJoin(clients, eq(clients.id, subscriptions.clientId))
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .where(inStudio(subscriptions, studioId))
    .orderBy(sql`case ${subscriptions.status} when 'past_due' then 0 when 'active' then 1 else 2 end`, asc(clients.name))
    .limit(100);
  // bigint sums arrive as strings: converted to integers here, never through a float.
  const int = (v: string | number | null) => Number(BigInt(v ?? 0));
  return {
    mrr: mrr.map((r) => ({ currency: r.currency, mrrMinor: int(r.mrrMinor), atRiskMinor: int(r.atRiskMinor) })),
    counts: counts ?? { active: 0, ending: 0, pastDue: 0, canceled: 0 },
    packSales: packs.map((p) => ({ currency: p.currency, count: p.count, totalMinor: int(p.totalMinor), last30Count: p.last30Count, last30Minor: int(p.last30Minor) })),
    failedPayments: await listFailedPayments(q, studioId),
    subscriptions: recentSubscriptions,
  };
}
