// Billing figures on a studio of realistic size (1,000 clients, 1,000 subscriptions over two
// years: 12,000 invoices, 2,000 pack sales), on the embedded database:
// - the owner's revenue page (MRR, counts, pack sales, failed payments), budget p95 ≤ 50 ms;
// - one webhook delivery (signature check + idempotent apply), budget p95 ≤ 25 ms (Stripe
//   waits up to 20 s; the budget keeps a burst of events from queueing on one PGlite).
import { randomBytes } from "node:crypto";
import { openPglite } from "../src/server/db/client";
import { checkouts, clients, invoices, packPurchases, subscriptions } from "../src/server/db/schema";
import { revenueSummary } from "../src/server/billing/service";
import { testModeProvider } from "../src/server/billing/test-mode";
import { receiveStripeEvent } from "../src/server/billing/webhook";
import { createTestPlans } from "../test/billing";
import { createTestStudio } from "../test/factories";
import { measure, ms, printTable } from "./lib";

const database = await openPglite();
await database.migrate();
const db = database.db;
const studio = await createTestStudio(db, "bench");
const { monthly, pack } = await createTestPlans(db, studio.studioId);
const now = new Date();
const DAY = 86_400_000;

const clientRows = await db
  .insert(clients)
  .values(Array.from({ length: 1000 }, (_, i) => ({ studioId: studio.studioId, coachId: studio.trainer.memberId, name: `Runner ${i}`, email: `runner-${i}@bench.test` })))
  .returning({ id: clients.id });
const statuses = ["active", "active", "active", "active", "active", "active", "past_due", "canceled", "canceled", "trialing"] as const;
const subs = await db
  .insert(subscriptions)
  .values(
    clientRows.map((c, i) => ({
      studioId: studio.studioId,
      clientId: c.id,
      planId: monthly.id,
      stripeSubscriptionId: `sub_bench_${i}`,
      stripeCustomerId: `cus_bench_${i}`,
      status: statuses[i % statuses.length]!,
      cancelAtPeriodEnd: i % 13 === 0,
      currentPeriodStart: new Date(now.getTime() - 10 * DAY),
      currentPeriodEnd: new Date(now.getTime() + 20 * DAY),
      priceMinor: i % 5 === 0 ? 49000 : 4900,
      currency: "GBP",
      interval: i % 5 === 0 ? ("year" as const) : ("month" as const),
      lastEventAt: new Date(now.getTime() - 10 * DAY),
    })),
  )
  .returning();
for (let month = 0; month < 12; month++) {
  await db.insert(invoices).values(
    subs.map((s, i) => ({
      studioId: studio.studioId,
      clientId: s.clientId,
      stripeInvoiceId: `in_bench_${month}_${i}`,
      stripeSubscriptionId: s.stripeSubscriptionId,
      amountMinor: s.priceMinor,
      currency: "GBP",
      status: month === 0 && s.status === "past_due" ? ("open" as const) : ("paid" as const),
      attemptCount: 1,
      lastFailedAt: month === 0 && s.status === "past_due" ? new Date(now.getTime() - DAY) : null,
      lastEventAt: new Date(now.getTime() - month * 30 * DAY),
      createdAt: new Date(now.getTime() - month * 30 * DAY),
    })),
  );
}
const packCheckouts = await db
  .insert(checkouts)
  .values(
    Array.from({ length: 2000 }, (_, i) => ({
      studioId: studio.studioId,
      planId: pack.id,
      clientId: clientRows[i % clientRows.length]!.id,
      provider: "test" as const,
      providerSessionId: `cs_bench_${i}`,
      amountMinor: 6000,
      currency: "GBP",
      status: "complete" as const,
    })),
  )
  .returning({ id: checkouts.id, clientId: checkouts.clientId });
await db.insert(packPurchases).values(
  packCheckouts.map((c, i) => ({
    studioId: studio.studioId,
    clientId: c.clientId!,
    planId: pack.id,
    checkoutId: c.id,
    credits: 5,
    amountMinor: 6000,
    currency: "GBP",
    createdAt: new Date(now.getTime() - (i % 700) * DAY),
  })),
);

const revenue = await measure(100, () => revenueSummary(db, studio.studioId, now), 10);

// Webhook deliveries: real signed events for existing subscriptions, each a new event id.
const secret = `whsec_${randomBytes(24).toString("base64url")}`;
const payloads: { payload: string; signature: string }[] = [];
const provider = testModeProvider({ db, secret, appUrl: "http://bench", now: () => now, deliver: async (payload, signature) => void payloads.push({ payload, signature }) });
for (const s of subs.filter((s) => s.status === "active").slice(0, 300)) {
  await provider.setCancelAtPeriodEnd({ stripeSubscriptionId: s.stripeSubscriptionId, cancelAtPeriodEnd: !s.cancelAtPeriodEnd });
}
let next = 0;
const webhook = await measure(payloads.length - 20, async () => {
  const d = payloads[next++]!;
  const result = await receiveStripeEvent({ db, secret, now: () => now, appUrl: "http://bench" }, d.payload, d.signature);
  if (result.status !== 200 || result.body.duplicate) throw new Error(`unexpected webhook answer ${JSON.stringify(result.body)}`);
});
let replays = 0;
const replay = await measure(100, async () => {
  const d = payloads[replays++ % payloads.length]!;
  await receiveStripeEvent({ db, secret, now: () => now, appUrl: "http://bench" }, d.payload, d.signature);
});

printTable("Billing (1,000 subscriptions, 12,000 invoices, 2,000 pack sales, embedded PGlite)", [
  { figure: "revenue page query p50", measured: ms(revenue.p50), budget: "-", pass: null },
  { figure: "revenue page query p95", measured: ms(revenue.p95), budget: "≤ 50 ms", pass: revenue.p95 <= 50 },
  { figure: "webhook event applied p50", measured: ms(webhook.p50), budget: "-", pass: null },
  { figure: "webhook event applied p95", measured: ms(webhook.p95), budget: "≤ 25 ms", pass: webhook.p95 <= 25 },
  { figure: "webhook replay (no-op) p95", measured: ms(replay.p95), budget: "≤ 25 ms", pass: replay.p95 <= 25 },
]);
await database.close();
