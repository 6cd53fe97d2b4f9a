import { and, eq, inArray } from "drizzle-orm";
import { startPurchase } from "@/server/billing/service";
import type { Db } from "@/server/db/client";
import { plans, studios, subscriptions } from "@/server/db/schema";
import { createTestPlans, recordingProvider } from "../../billing";
import { ANY_OWNER, CLIENT_A, CLIENTS, EVERYONE, OWNER, TRAINERS, type AuthzFixture, type ProcedureRules } from "../roles";

async function homePlans(f: AuthzFixture) {
  const existing = await f.db.select().from(plans).where(eq(plans.studioId, f.home.studioId));
  if (existing.length) return { monthly: existing.find((p) => p.kind === "subscription")!, pack: existing.find((p) => p.kind === "pack")! };
  return createTestPlans(f.db, f.home.studioId);
}

/** A running subscription of a home client, paid through the test-mode checkout and the webhook. */
async function runningSubscription(f: AuthzFixture, who: "clientA" | "clientB"): Promise<string> {
  const db: Db = f.db;
  const clientId = f.home[who].clientId;
  const [running] = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(eq(subscriptions.clientId, clientId), inArray(subscriptions.status, ["active", "past_due"])));
  if (running) return running.id;
  const { monthly } = await homePlans(f);
  const { provider } = recordingProvider(db, { now: new Date() });
  const { url } = await startPurchase(db, provider, { studioId: f.home.studioId, clientId, planId: monthly.id, appUrl: "http://x" });
  await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
  const [created] = await db.select({ id: subscriptions.id }).from(subscriptions).where(and(eq(subscriptions.clientId, clientId), eq(subscriptions.status, "active")));
  return created!.id;
}

async function bothClientsPaying(f: AuthzFixture) {
  await runningSubscription(f, "clientA");
  await runningSubscription(f, "clientB");
}

export const billingRules: ProcedureRules = {
  "billing.publicPlans": {
    allowed: EVERYONE, clientScoped: false,
    input: async (f) => {
      await homePlans(f);
      const [studio] = await f.db.select({ slug: studios.slug }).from(studios).where(eq(studios.id, f.home.studioId));
      return { studioSlug: studio!.slug };
    },
  },
  "billing.studios": { allowed: EVERYONE, clientScoped: false },
  "billing.mine": { allowed: CLIENTS, input: async (f) => void (await bothClientsPaying(f)) },
  "billing.invoices": { allowed: CLIENTS, input: async (f) => void (await bothClientsPaying(f)) },
  "billing.paymentProblem": { allowed: CLIENTS },
  "billing.buy": { allowed: CLIENTS, input: async (f) => ({ planId: (await homePlans(f)).pack.id }) },
  "billing.cardUpdateUrl": { allowed: CLIENTS, input: async (f) => void (await bothClientsPaying(f)) },
  "billing.updateTestCard": { allowed: CLIENTS, input: () => ({ cardNumber: "4242 4242 4242 4242" }) },
  // Client A's subscription: client B, trainers and strangers are refused.
  "billing.setCancelAtPeriodEnd": { allowed: CLIENT_A, input: async (f) => ({ subscriptionId: await runningSubscription(f, "clientA"), cancelAtPeriodEnd: true }) },
  "billing.simulateRenewal": { allowed: CLIENT_A, input: async (f) => ({ subscriptionId: await runningSubscription(f, "clientA"), outcome: "failed" }) },
  // Another studio's trainer sees their own catalogue: the leak check proves none of ours come back.
  "billing.plans": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "billing.clientMembership": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f) => {
      await bothClientsPaying(f);
      return { clientId: f.home.clientA.clientId };
    },
  },
  "billing.createPlan": { allowed: ANY_OWNER, input: () => ({ name: "10-session pack", kind: "pack", price: "110", currency: "GBP", credits: 10 }) },
  "billing.updatePlan": {
    allowed: OWNER,
    input: async (f) => ({ planId: (await homePlans(f)).pack.id, name: "5-session pack", price: "60.00", currency: "GBP", credits: 5, isActive: true }),
  },
  "billing.setDefaultCoach": { allowed: OWNER, input: (f) => ({ memberId: f.home.trainer.memberId }) },
  // Revenue is the owner's alone: a trainer of the same studio is refused.
  "billing.revenue": { allowed: ANY_OWNER, input: async (f) => void (await bothClientsPaying(f)) },
};
