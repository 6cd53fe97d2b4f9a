import { randomBytes } from "node:crypto";
import { receiveStripeEvent } from "@/server/billing/webhook";
import { testModeProvider } from "@/server/billing/test-mode";
import { createPlan } from "@/server/billing/service";
import type { Db } from "@/server/db/client";

export type Delivery = { payload: string; signature: string; signedAt: Date };

/** A test-mode provider wired to the webhook code path, recording every signed delivery. */
export function recordingProvider(db: Db, clock: { now: Date }, opts: { secret?: string; apply?: boolean } = {}) {
  const secret = opts.secret ?? `whsec_${randomBytes(24).toString("base64url")}`;
  const deliveries: Delivery[] = [];
  const provider = testModeProvider({
    db,
    secret,
    appUrl: "http://localhost:3000",
    now: () => clock.now,
    deliver: async (payload, signature) => {
      deliveries.push({ payload, signature, signedAt: clock.now });
      if (opts.apply === false) return;
      const result = await receiveStripeEvent({ db, secret, now: () => clock.now, appUrl: "http://localhost:3000" }, payload, signature);
      if (result.status !== 200) throw new Error(`webhook answered ${result.status}: ${JSON.stringify(result.body)}`);
    },
  });
  const redeliver = (d: Delivery) => receiveStripeEvent({ db, secret, now: () => d.signedAt, appUrl: "http://localhost:3000" }, d.payload, d.signature);
  return { provider, secret, deliveries, redeliver };
}

/** The two things a studio sells in the tests: a monthly subscription and a 5-session pack. */
export async function createTestPlans(db: Db, studioId: string) {
  const monthly = await createPlan(db, studioId, {
    name: "Monthly coaching",
    description: "",
    kind: "subscription",
    priceMinor: 4900,
    currency: "GBP",
    interval: "month",
    credits: null,
  });
  const pack = await createPlan(db, studioId, { name: "5-session pack", description: "", kind: "pack", priceMinor: 6000, currency: "GBP", interval: null, credits: 5 });
  return { monthly, pack };
}
