import { eq } from "drizzle-orm";
import { env } from "@/env";
import { billingMode, webhookSecret } from "@/server/billing/config";
import { createPlan, startPurchase } from "@/server/billing/service";
import { testModeProvider } from "@/server/billing/test-mode";
import { receiveStripeEvent } from "@/server/billing/webhook";
import type { Db } from "@/server/db/client";
import { subscriptions } from "@/server/db/schema";
import type { SeededStudio } from "./studio";

const DAY = 24 * 60 * 60_000;

/**
 * The demo studio's plans, and a little history so the revenue page shows something: Fran
 * subscribes, Kira's renewal fails (past due), Hana buys a pack. The history is made the way
 * real payments are: test-mode checkout events through the webhook code path.
 */
export async function seedBilling(db: Db, studio: SeededStudio, other: SeededStudio) {
  const monthly = await createPlan(db, studio.studioId, {
    name: "Monthly coaching",
    description: "Your drills and program, reviewed every week, with a monthly check-in call.",
    kind: "subscription",
    priceMinor: 4900,
    currency: "GBP",
    interval: "month",
    credits: null,
  });
  await createPlan(db, studio.studioId, {
    name: "Yearly coaching",
    description: "Monthly coaching for a year, two months free.",
    kind: "subscription",
    priceMinor: 49000,
    currency: "GBP",
    interval: "year",
    credits: null,
  });
  const pack = await createPlan(db, studio.studioId, {
    name: "5-session pack",
    description: "Five one-to-one sessions, booked when you like.",
    kind: "pack",
    priceMinor: 6000,
    currency: "GBP",
    interval: null,
    credits: 5,
  });
  await createPlan(db, other.studioId, { name: "Track club membership", description: "", kind: "subscription", priceMinor: 3500, currency: "USD", interval: "month", credits: null });

  // Simulated history only where payments are simulated: with a real key, Stripe is the truth.
  if (billingMode() === "stripe") return;
  const clock = { now: new Date(Date.now() - 35 * DAY) };
  const secret = webhookSecret();
  const provider = testModeProvider({
    db,
    secret,
    appUrl: env().appUrl,
    now: () => clock.now,
    deliver: async (payload, signature) => {
      const result = await receiveStripeEvent({ db, secret, now: () => clock.now, appUrl: env().appUrl }, payload, signature);
      if (result.status !== 200) throw new Error(`demo billing event refused: ${JSON.stringify(result.body)}`);
    },
  });
  const buy = async (email: string, planId: string) => {
    const clientId = studio.clientIdByEmail.get(email)!;
    const { url } = await startPurchase(db, provider, { studioId: studio.studioId, clientId, planId, appUrl: env().appUrl });
    await provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    return clientId;
  };

  const kira = await buy("kira@stride.test", monthly.id);
  clock.now = new Date(Date.now() - 20 * DAY);
  await buy("fran@stride.test", monthly.id);
  clock.now = new Date(Date.now() - 6 * DAY);
  await buy("hana@stride.test", pack.id);
  const [kiraSub] = await db.select().from(subscriptions).where(eq(subscriptions.clientId, kira));
  clock.now = kiraSub!.currentPeriodEnd!;
  await provider.simulateRenewal({ stripeSubscriptionId: kiraSub!.stripeSubscriptionId, outcome: "failed" });
}
