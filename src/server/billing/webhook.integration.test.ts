import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestPlans, recordingProvider, type Delivery } from "~test/billing";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { creditBalance } from "@/server/credits/service";
import type { Db } from "@/server/db/client";
import { billingCustomers, checkouts, clients, creditLedger, invoices, outbox, packPurchases, stripeEvents, subscriptions, users } from "@/server/db/schema";
import type { SubscriptionShape } from "./stripe-shapes";
import { listStudioAttention } from "@/server/review/studio-attention";
import { clientBilling, consumeCheckoutSignIn, listFailedPayments, revenueSummary, setCancelAtPeriodEnd, startPurchase, startSignup } from "./service";
import { receiveStripeEvent } from "./webhook";

const t = setupTestDatabase();
const DAY = 24 * 60 * 60_000;

/** A deterministic shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Everything billing mirrors for a studio, without row ids or insert times. */
async function billingState(db: Db, studioId: string) {
  const emailOf = new Map((await db.select({ id: clients.id, email: clients.email }).from(clients).where(eq(clients.studioId, studioId))).map((c) => [c.id, c.email]));
  const subs = await db.select().from(subscriptions).where(eq(subscriptions.studioId, studioId)).orderBy(asc(subscriptions.stripeSubscriptionId));
  const invs = await db.select().from(invoices).where(eq(invoices.studioId, studioId)).orderBy(asc(invoices.stripeInvoiceId));
  const packs = await db.select().from(packPurchases).where(eq(packPurchases.studioId, studioId)).orderBy(asc(packPurchases.checkoutId));
  const ledger = await db.select().from(creditLedger).where(eq(creditLedger.studioId, studioId)).orderBy(asc(creditLedger.sourceRef));
  const outs = await db.select().from(checkouts).where(eq(checkouts.studioId, studioId)).orderBy(asc(checkouts.providerSessionId));
  const customers = await db.select().from(billingCustomers).where(eq(billingCustomers.studioId, studioId)).orderBy(asc(billingCustomers.stripeCustomerId));
  const people = await db
    .select({ email: clients.email, status: clients.status, coachId: clients.coachId, hasLogin: isNotNull(clients.userId) })
    .from(clients)
    .where(eq(clients.studioId, studioId))
    .orderBy(asc(clients.email));
  return {
    people,
    subscriptions: subs.map(({ id: _id, createdAt: _c, clientId, ...s }) => ({ ...s, client: emailOf.get(clientId) })),
    invoices: invs.map(({ id: _id, clientId, ...i }) => ({ ...i, client: emailOf.get(clientId) })),
    packs: packs.map(({ id: _id, clientId, ...p }) => ({ ...p, client: emailOf.get(clientId) })),
    ledger: ledger.map((l) => ({ kind: l.kind, delta: l.delta, sourceRef: l.sourceRef, client: emailOf.get(l.clientId) })),
    checkouts: outs.map((c) => ({ session: c.providerSessionId, status: c.status, client: c.clientId ? emailOf.get(c.clientId) : null, completedAt: c.completedAt })),
    customers: customers.map((c) => ({ customer: c.stripeCustomerId, client: emailOf.get(c.clientId) })),
  };
}

/** Undoes what the events did (not what happened before them), to deliver them again. */
async function forgetEffects(db: Db, s: TestStudio, deliveries: Delivery[], signupEmails: string[]) {
  const ids = deliveries.map((d) => (JSON.parse(d.payload) as { id: string }).id);
  await db.delete(stripeEvents).where(inArray(stripeEvents.id, ids));
  await db.delete(outbox).where(eq(outbox.studioId, s.studioId));
  await db.delete(creditLedger).where(eq(creditLedger.studioId, s.studioId));
  await db.delete(packPurchases).where(eq(packPurchases.studioId, s.studioId));
  await db.delete(invoices).where(eq(invoices.studioId, s.studioId));
  await db.delete(subscriptions).where(eq(subscriptions.studioId, s.studioId));
  await db.delete(billingCustomers).where(eq(billingCustomers.studioId, s.studioId));
  await db.update(checkouts).set({ status: "open", completedAt: null }).where(eq(checkouts.studioId, s.studioId));
  await db.update(checkouts).set({ clientId: null }).where(and(eq(checkouts.studioId, s.studioId), isNotNull(checkouts.signupEmail)));
  await db.delete(clients).where(and(eq(clients.studioId, s.studioId), inArray(clients.email, signupEmails)));
  await db.delete(users).where(inArray(users.email, signupEmails));
}

async function signupAndPay(db: Db, provider: ReturnType<typeof recordingProvider>["provider"], s: TestStudio, planId: string, email: string) {
  const studioSlug = (await db.query.studios.findFirst({ where: (st, { eq }) => eq(st.id, s.studioId) }))!.slug;
  const started = await startSignup(db, provider, { studioSlug, planId, name: "Vera Visitor", email, password: "a good long password", appUrl: "http://localhost:3000" });
  const sessionId = started.url.split("/").pop()!;
  await provider.payCheckout({ sessionId, cardNumber: "4242 4242 4242 4242" });
  return { sessionId, signInToken: started.signInToken };
}

describe("the Stripe webhook", () => {
  it("ends in the same state when every event arrives three times in a shuffled order", async () => {
    const s = await createTestStudio(t.db);
    const { monthly, pack } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date("2026-03-01T09:00:00Z") };
    const { provider, deliveries, redeliver } = recordingProvider(t.db, clock);
    const email = `vera-${randomUUID().slice(0, 8)}@example.test`;

    // One ordered history: a visitor subscribes, client A buys a pack, a renewal fails and is
    // fixed with a new card, the visitor cancels at period end and the subscription ends.
    await signupAndPay(t.db, provider, s, monthly.id, email);
    clock.now = new Date(clock.now.getTime() + DAY);
    const { url } = await startPurchase(t.db, provider, { studioId: s.studioId, clientId: s.clientA.clientId, planId: pack.id, appUrl: "http://x" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.studioId, s.studioId));
    clock.now = new Date(sub!.currentPeriodEnd!.getTime());
    await provider.simulateRenewal({ stripeSubscriptionId: sub!.stripeSubscriptionId, outcome: "failed" });
    clock.now = new Date(clock.now.getTime() + DAY);
    const newClient = await t.db.query.clients.findFirst({ where: (c, { eq }) => eq(c.email, email) });
    await provider.updateCard({ studioId: s.studioId, clientId: newClient!.id, cardNumber: "4242424242424242" });
    await setCancelAtPeriodEnd(t.db, provider, { studioId: s.studioId, clientId: newClient!.id, subscriptionId: sub!.id, cancelAtPeriodEnd: true });
    clock.now = new Date(clock.now.getTime() + 40 * DAY);
    await provider.simulateRenewal({ stripeSubscriptionId: sub!.stripeSubscriptionId, outcome: "paid" });

    const ordered = await billingState(t.db, s.studioId);
    const types = deliveries.map((d) => (JSON.parse(d.payload) as { type: string }).type);
    for (const type of ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed"]) {
      expect(types).toContain(type);
    }
    expect(ordered.subscriptions).toMatchObject([{ status: "canceled", client: email }]);
    expect(ordered.invoices.map((i) => i.status)).toEqual(["paid", "paid"]);
    expect(ordered.ledger).toEqual([expect.objectContaining({ kind: "purchase", delta: 5, client: s.clientA.email })]);
    expect(ordered.people.find((p) => p.email === email)).toMatchObject({ status: "active", coachId: s.owner.memberId, hasLogin: true });

    for (const seed of [1, 2, 3]) {
      await forgetEffects(t.db, s, deliveries, [email]);
      const thrice = shuffled([...deliveries, ...deliveries, ...deliveries], seed);
      for (const d of thrice) expect((await redeliver(d)).status).toBe(200);
      const replayed = await billingState(t.db, s.studioId);
      expect({ ...replayed, people: replayed.people.map(({ coachId: _c, ...p }) => p) }).toEqual({ ...ordered, people: ordered.people.map(({ coachId: _c, ...p }) => p) });
      expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(5);
    }

    // And all at once: on PostgreSQL the deliveries really run concurrently (row locks and
    // unique keys keep them apart); a delivery that loses a race is refused and retried, as Stripe does.
    await forgetEffects(t.db, s, deliveries, [email]);
    let pending = shuffled([...deliveries, ...deliveries, ...deliveries], 4);
    for (let round = 0; pending.length && round < 5; round++) {
      const results = await Promise.all(pending.map((d) => redeliver(d)));
      pending = pending.filter((_, i) => results[i]!.status !== 200);
    }
    expect(pending).toEqual([]);
    const concurrent = await billingState(t.db, s.studioId);
    expect({ ...concurrent, people: concurrent.people.map(({ coachId: _c, ...p }) => p) }).toEqual({ ...ordered, people: ordered.people.map(({ coachId: _c, ...p }) => p) });
  });

  it("changes nothing for a forged, missing or foreign signature", async () => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date("2026-03-01T09:00:00Z") };
    const { provider, deliveries, redeliver } = recordingProvider(t.db, clock, { apply: false });
    await signupAndPay(t.db, provider, s, monthly.id, `forge-${randomUUID().slice(0, 8)}@example.test`);
    const original = deliveries[0]!;
    const forged = { ...original, payload: original.payload.replace('"active"', '"canceled"') };
    const foreign = recordingProvider(t.db, clock, { apply: false });
    await signupAndPay(t.db, foreign.provider, s, monthly.id, `foreign-${randomUUID().slice(0, 8)}@example.test`);

    expect((await redeliver(forged)).status).toBe(400);
    expect((await redeliver({ ...original, signature: "" })).status).toBe(400);
    expect((await redeliver({ ...original, signature: foreign.deliveries[0]!.signature })).status).toBe(400);
    expect((await redeliver(foreign.deliveries[0]!)).status).toBe(400); // signed with another secret

    const ids = deliveries.map((d) => (JSON.parse(d.payload) as { id: string }).id);
    expect(await t.db.select().from(stripeEvents).where(inArray(stripeEvents.id, ids))).toEqual([]);
    expect(await t.db.select().from(subscriptions).where(eq(subscriptions.studioId, s.studioId))).toEqual([]);
    expect(await t.db.select().from(clients).where(and(eq(clients.studioId, s.studioId), eq(clients.name, "Vera Visitor")))).toEqual([]);

    // The genuine delivery still works, once.
    for (const d of deliveries) expect((await redeliver(d)).body).toEqual({ received: true });
    for (const d of deliveries) expect((await redeliver(d)).body).toEqual({ received: true, duplicate: true });
  });

  it("refuses a correctly signed event older than 5 minutes and writes nothing; a fresh one is applied", async () => {
    const s = await createTestStudio(t.db);
    const { pack } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date("2026-03-01T09:00:00Z") };
    const { provider, deliveries, secret } = recordingProvider(t.db, clock, { apply: false });
    const { url } = await startPurchase(t.db, provider, { studioId: s.studioId, clientId: s.clientA.clientId, planId: pack.id, appUrl: "http://x" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    const paid = deliveries.find((d) => d.payload.includes('"checkout.session.completed"'))!;
    const receivedAfter = (ms: number) =>
      receiveStripeEvent({ db: t.db, secret, appUrl: "http://x", now: () => new Date(paid.signedAt.getTime() + ms) }, paid.payload, paid.signature);

    // Signed 30 days ago, and just past Stripe's 300 s tolerance: refused, no event id, no credits.
    for (const age of [30 * DAY, 301_000]) {
      expect(await receivedAfter(age), `received ${age} ms after signing`).toEqual({ status: 400, body: { received: false, error: "The signature is more than 5 minutes old; a replayed event is refused." } });
    }
    const eventId = (JSON.parse(paid.payload) as { id: string }).id;
    expect(await t.db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId))).toEqual([]);
    expect(await t.db.select().from(packPurchases).where(eq(packPurchases.studioId, s.studioId))).toEqual([]);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(0);

    // Within the tolerance it is applied, once.
    expect(await receivedAfter(299_000)).toEqual({ status: 200, body: { received: true } });
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(5);
  });

  it("ends active when a failed payment is paid later, in either order of arrival", async () => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date("2026-05-31T09:00:00Z") };
    const { provider, deliveries, redeliver } = recordingProvider(t.db, clock);
    const email = `late-${randomUUID().slice(0, 8)}@example.test`;
    await signupAndPay(t.db, provider, s, monthly.id, email);
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.studioId, s.studioId));
    const clientId = sub!.clientId;
    const before = deliveries.length;
    clock.now = sub!.currentPeriodEnd!;
    await provider.simulateRenewal({ stripeSubscriptionId: sub!.stripeSubscriptionId, outcome: "failed" });
    expect((await clientBilling(t.db, s.studioId, clientId)).paymentProblem).toMatchObject({ amountMinor: 4900, currency: "GBP" });
    expect(await listFailedPayments(t.db, s.studioId)).toMatchObject([{ clientId, amountMinor: 4900, attemptCount: 1 }]);
    // The trainer's attention queue carries it too, until it is paid.
    expect((await listStudioAttention(t.db, s.studioId, clock.now)).filter((i) => i.kind === "failed_payment")).toMatchObject([
      { clientId, summary: "A payment of £49.00 failed and is still unpaid.", href: `/dashboard/clients/${clientId}` },
    ]);
    expect((await revenueSummary(t.db, s.studioId, clock.now)).counts).toMatchObject({ active: 0, pastDue: 1 });

    // A declined card fails again; a good one pays.
    clock.now = new Date(clock.now.getTime() + DAY);
    await provider.updateCard({ studioId: s.studioId, clientId, cardNumber: "4000 0000 0000 0002" });
    expect(await listFailedPayments(t.db, s.studioId)).toMatchObject([{ attemptCount: 2 }]);
    clock.now = new Date(clock.now.getTime() + DAY);
    await provider.updateCard({ studioId: s.studioId, clientId, cardNumber: "4242 4242 4242 4242" });
    const fixed = await clientBilling(t.db, s.studioId, clientId);
    expect((await listStudioAttention(t.db, s.studioId, clock.now)).filter((i) => i.kind === "failed_payment")).toEqual([]);
    expect(fixed.paymentProblem).toBeNull();
    expect(fixed.subscriptions[0]).toMatchObject({ status: "active" });
    // The renewal moved the period on by a month (31 May → 30 June → 30 July).
    expect(fixed.subscriptions[0]!.currentPeriodEnd!.toISOString()).toBe("2026-07-30T09:00:00.000Z");
    const state = await billingState(t.db, s.studioId);
    const emailsTo = async () =>
      (await t.db.select().from(outbox).where(and(eq(outbox.studioId, s.studioId), eq(outbox.toEmail, email)))).map((m) => m.kind).sort();
    // Two failed attempts told the client each time, with the way to fix it; the paid ones sent receipts.
    expect(await emailsTo()).toEqual(["payment_failed", "payment_failed", "receipt", "receipt"]);
    const [failedEmail] = await t.db.select().from(outbox).where(and(eq(outbox.studioId, s.studioId), eq(outbox.kind, "payment_failed")));
    expect(failedEmail!.text).toContain("£49.00");
    expect(failedEmail!.text).toContain("http://localhost:3000/portal/billing#card");

    // The failure and the recovery arriving newest first end the same way.
    const tail = deliveries.slice(before);
    await forgetEffects(t.db, s, deliveries, [email]);
    for (const d of deliveries.slice(0, before)) await redeliver(d);
    for (const d of [...tail].reverse()) await redeliver(d);
    expect(await billingState(t.db, s.studioId)).toEqual(state);
    expect(await listFailedPayments(t.db, s.studioId)).toEqual([]);
    // Newest first, the stale failures are not applied, so they tell the client nothing.
    expect(await emailsTo()).toEqual(["receipt", "receipt"]);
  });

  it("signs the new client in once, from the browser that paid, and reports revenue", async () => {
    const s = await createTestStudio(t.db);
    const { monthly, pack } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date() };
    const { provider } = recordingProvider(t.db, clock);
    const email = `new-${randomUUID().slice(0, 8)}@example.test`;
    const { sessionId, signInToken } = await signupAndPay(t.db, provider, s, monthly.id, email);

    await expect(consumeCheckoutSignIn(t.db, { sessionId, token: "not-the-token", now: clock.now })).rejects.toThrow(/already been used or has expired/);
    const user = await consumeCheckoutSignIn(t.db, { sessionId, token: signInToken, now: clock.now });
    expect(user.email).toBe(email);
    await expect(consumeCheckoutSignIn(t.db, { sessionId, token: signInToken, now: clock.now })).rejects.toThrow(/already been used/);

    // Email already taken: the visitor is asked to sign in instead.
    const studioSlug = (await t.db.query.studios.findFirst({ where: (st, { eq }) => eq(st.id, s.studioId) }))!.slug;
    await expect(
      startSignup(t.db, provider, { studioSlug, planId: monthly.id, name: "Again", email: email.toUpperCase(), password: "another long password", appUrl: "http://x" }),
    ).rejects.toThrow(/already has a Stride account/);

    const { url } = await startPurchase(t.db, provider, { studioId: s.studioId, clientId: s.clientB.clientId, planId: pack.id, appUrl: "http://x" });
    await expect(provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4000000000000002" })).rejects.toThrow(/declined/);
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" }); // a double click
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientB.clientId })).toBe(5);
    const receipts = await t.db.select().from(outbox).where(and(eq(outbox.studioId, s.studioId), eq(outbox.toEmail, s.clientB.email)));
    expect(receipts.map((r) => [r.kind, r.subject])).toEqual([["receipt", "Receipt from Test studio: 5-session pack"]]);
    expect(receipts[0]!.text).toContain("£60.00 received for 5-session pack.\n5 session credits added; you now have 5.");

    const revenue = await revenueSummary(t.db, s.studioId, clock.now);
    expect(revenue.mrr).toEqual([{ currency: "GBP", mrrMinor: 4900, atRiskMinor: 0 }]);
    expect(revenue.counts).toEqual({ active: 1, ending: 0, pastDue: 0, canceled: 0 });
    expect(revenue.packSales).toEqual([{ currency: "GBP", count: 1, totalMinor: 6000, last30Count: 1, last30Minor: 6000 }]);
  });

  it("mirrors Stripe's current subscription when a real key re-reads it, whatever the event says", async () => {
    const s = await createTestStudio(t.db);
    const { monthly } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date() };
    const { provider, deliveries, secret } = recordingProvider(t.db, clock, { apply: false });
    await signupAndPay(t.db, provider, s, monthly.id, `reread-${randomUUID().slice(0, 8)}@example.test`);
    const created = deliveries.find((d) => d.payload.includes('"customer.subscription.created"'))!;
    const object = (JSON.parse(created.payload) as { data: { object: Record<string, unknown> } }).data.object;
    const reads: string[] = [];
    const result = await receiveStripeEvent(
      {
        db: t.db,
        secret,
        appUrl: "http://x",
        now: () => created.signedAt,
        retrieveSubscription: async (id) => {
          reads.push(id);
          return { ...(object as unknown as SubscriptionShape), status: "past_due", cancel_at_period_end: true };
        },
      },
      created.payload,
      created.signature,
    );
    expect(result.status).toBe(200);
    expect(reads).toEqual([object.id]);
    // Stripe unreachable: 500 (Stripe retries) and nothing stored.
    const subscriptionUpdate = deliveries.find((d) => d.payload.includes('"invoice.paid"'))!;
    const unreachable = await receiveStripeEvent(
      { db: t.db, secret, appUrl: "http://x", now: () => subscriptionUpdate.signedAt, retrieveSubscription: () => Promise.reject(new Error("ECONNRESET")) },
      subscriptionUpdate.payload,
      subscriptionUpdate.signature,
    );
    expect(unreachable.status).toBe(500);
    const eventId = (JSON.parse(subscriptionUpdate.payload) as { id: string }).id;
    expect(await t.db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId))).toEqual([]);
    expect(await t.db.select({ status: subscriptions.status, cancel: subscriptions.cancelAtPeriodEnd }).from(subscriptions).where(eq(subscriptions.studioId, s.studioId))).toEqual([
      { status: "past_due", cancel: true },
    ]);
  });

  it("applies an event once when its deliveries race each other", async () => {
    const s = await createTestStudio(t.db);
    const { pack } = await createTestPlans(t.db, s.studioId);
    const clock = { now: new Date() };
    const { provider, deliveries, redeliver } = recordingProvider(t.db, clock, { apply: false });
    const { url } = await startPurchase(t.db, provider, { studioId: s.studioId, clientId: s.clientA.clientId, planId: pack.id, appUrl: "http://x" });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    const results = await Promise.all(Array.from({ length: 8 }, () => redeliver(deliveries[0]!)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(5);
    expect(await t.db.select().from(packPurchases).where(eq(packPurchases.studioId, s.studioId))).toHaveLength(1);
  });
});
