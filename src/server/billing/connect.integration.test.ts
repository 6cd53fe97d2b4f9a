import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createTestPlans, recordingProvider } from "~test/billing";
import { setupTestDatabase } from "~test/db";
import { signedUpStudio } from "~test/authz/signed-up-studio";
import { loadEnv } from "@/env";
import { creditBalance } from "@/server/credits/service";
import { checkouts, clients, studios } from "@/server/db/schema";
import { billingProvider } from "./config";
import { NOT_CONNECTED_PUBLIC, refreshConnectState, startOnboarding } from "./connect";
import { createStripeClient } from "./stripe-provider";
import { startPurchase } from "./service";
import { receiveStripeEvent } from "./webhook";

// Hosted mode (STRIDE_SIGNUP=open with a Stripe key): each studio's payments are made on its
// own connected account. The real SDK runs; its HTTP client records requests and answers like
// Stripe's API, so what goes over the wire (the Stripe-Account header) is what is checked.
const t = setupTestDatabase();
const hosted = loadEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_platform", STRIPE_WEBHOOK_SECRET: "whsec_platform", STRIDE_SIGNUP: "open" });
const selfHosted = loadEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_platform", STRIPE_WEBHOOK_SECRET: "whsec_platform" });

type Recorded = { method: string; path: string; body: Record<string, string>; headers: Record<string, string> };

function recordingStripe(answer: (method: string, path: string) => unknown) {
  const requests: Recorded[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const headers = Object.fromEntries(new Headers(init?.headers as HeadersInit | undefined).entries());
    requests.push({ method, path: url.pathname, body: Object.fromEntries(new URLSearchParams(typeof init?.body === "string" ? init.body : "")), headers });
    return new Response(JSON.stringify(answer(method, url.pathname)), { status: 200, headers: { "content-type": "application/json", "request-id": "req_test" } });
  }) as typeof fetch;
  return { stripe: createStripeClient("sk_test_platform", Stripe.createFetchHttpClient(fakeFetch)), requests };
}

const session = () => ({ id: `cs_${randomUUID()}`, object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test" });

async function connectedStudio(label: string, accountId: string | null, chargesEnabled = true) {
  const studio = await signedUpStudio(t.db, label);
  if (accountId) await t.db.update(studios).set({ stripeAccountId: accountId, stripeChargesEnabled: chargesEnabled }).where(eq(studios.id, studio.studioId));
  const plans = await createTestPlans(t.db, studio.studioId);
  const [client] = await t.db
    .insert(clients)
    .values({ studioId: studio.studioId, coachId: studio.owner.memberId, name: `Runner of ${label}`, email: `${label}-runner-${randomUUID().slice(0, 6)}@example.test`, status: "active" })
    .returning();
  return { ...studio, plans, clientId: client!.id };
}

const acct = () => `acct_${randomUUID().replaceAll("-", "").slice(0, 16)}`;

describe("Stripe Connect in hosted mode", () => {
  it("opens Checkout on the studio's connected account: the SDK sends its Stripe-Account header", async () => {
    const account = acct();
    const studio = await connectedStudio("connected", account);
    const { stripe, requests } = recordingStripe(() => session());
    const provider = await billingProvider(t.db, { appUrl: "http://x", now: () => new Date(), studioId: studio.studioId }, hosted, stripe);
    await startPurchase(t.db, provider, { studioId: studio.studioId, clientId: studio.clientId, planId: studio.plans.pack.id, appUrl: "http://x" });
    await provider.createCardUpdateUrl({ stripeCustomerId: "cus_1", returnUrl: "http://x/portal/billing" });
    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers["stripe-account"]}`)).toEqual([`POST /v1/checkout/sessions ${account}`, `POST /v1/billing_portal/sessions ${account}`]);
    // The operator's key authenticates; the money is the studio's.
    expect(requests[0]!.headers["authorization"]).toBe("Bearer sk_test_platform");
  });

  it("refuses to sell for a studio that has not connected, or whose account cannot take charges yet", async () => {
    for (const studio of [await connectedStudio("unconnected", null), await connectedStudio("pending", acct(), false)]) {
      const { stripe, requests } = recordingStripe(() => session());
      await expect(billingProvider(t.db, { appUrl: "http://x", now: () => new Date(), studioId: studio.studioId }, hosted, stripe)).rejects.toThrow(NOT_CONNECTED_PUBLIC);
      expect(requests).toEqual([]);
      expect(await t.db.select().from(checkouts).where(eq(checkouts.studioId, studio.studioId))).toEqual([]);
    }
  });

  it("keeps the one key when sign-up is not open: no Stripe-Account header", async () => {
    const studio = await connectedStudio("self-hosted", null);
    const { stripe, requests } = recordingStripe(() => session());
    const provider = await billingProvider(t.db, { appUrl: "http://x", now: () => new Date(), studioId: studio.studioId }, selfHosted, stripe);
    await startPurchase(t.db, provider, { studioId: studio.studioId, clientId: studio.clientId, planId: studio.plans.pack.id, appUrl: "http://x" });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers).not.toHaveProperty("stripe-account");
  });

  it("onboards the owner: one account per studio, a fresh Account Link each time, charges_enabled read on return", async () => {
    const studio = await signedUpStudio(t.db, "onboarding");
    const account = acct();
    let isEnabled = false;
    const { stripe, requests } = recordingStripe((method, path) =>
      path === "/v1/account_links"
        ? { object: "account_link", url: `https://connect.stripe.com/setup/s/${account}/x`, created: 1, expires_at: 2 }
        : { id: account, object: "account", charges_enabled: method === "GET" ? isEnabled : false },
    );
    const first = await startOnboarding(t.db, stripe, { studioId: studio.studioId, ownerEmail: studio.owner.email, appUrl: "https://coach.example" });
    expect(first.url).toBe(`https://connect.stripe.com/setup/s/${account}/x`);
    await startOnboarding(t.db, stripe, { studioId: studio.studioId, ownerEmail: studio.owner.email, appUrl: "https://coach.example" });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/accounts", "POST /v1/account_links", "POST /v1/account_links"]);
    expect(requests[0]!.body).toMatchObject({ "controller[stripe_dashboard][type]": "full", email: studio.owner.email, "metadata[stride_studio]": studio.studioId });
    expect(requests[0]!.headers["idempotency-key"]).toBe(`connect-account-${studio.studioId}`);
    expect(requests[1]!.body).toEqual({
      account,
      type: "account_onboarding",
      refresh_url: "https://coach.example/dashboard/settings/payments?link=expired",
      return_url: "https://coach.example/dashboard/settings/payments?link=returned",
    });
    const [row] = await t.db.select().from(studios).where(eq(studios.id, studio.studioId));
    expect(row).toMatchObject({ stripeAccountId: account, stripeChargesEnabled: false });

    isEnabled = true;
    expect(await refreshConnectState(t.db, stripe, studio.studioId)).toEqual({ accountId: account, chargesEnabled: true });
    expect(requests.at(-1)).toMatchObject({ method: "GET", path: `/v1/accounts/${account}` });
    const [after] = await t.db.select().from(studios).where(eq(studios.id, studio.studioId));
    expect(after!.stripeChargesEnabled).toBe(true);
  });
});

describe("the webhook in hosted mode", () => {
  const secret = "whsec_platform_account";
  const connectSecret = "whsec_connect_endpoint";
  const deps = { db: null as never, secret, connectSecret, now: () => new Date(), appUrl: "http://x", isHosted: true };
  const deliver = (payload: object, key = connectSecret) => {
    const body = JSON.stringify(payload);
    return receiveStripeEvent({ ...deps, db: t.db }, body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret: key }));
  };

  /** The checkout.session.completed Stripe would send for a pack bought from the studio (as the test mode builds it). */
  async function completedPackEvent(studio: Awaited<ReturnType<typeof connectedStudio>>) {
    const recorded = recordingProvider(t.db, { now: new Date() }, { apply: false });
    const { url } = await startPurchase(t.db, recorded.provider, { studioId: studio.studioId, clientId: studio.clientId, planId: studio.plans.pack.id, appUrl: "http://x" });
    await recorded.provider.payCheckout({ sessionId: url.split("/").pop()!, cardNumber: "4242424242424242" });
    const event = recorded.deliveries.map((d) => JSON.parse(d.payload) as { id: string; type: string }).find((e) => e.type === "checkout.session.completed")!;
    return (account: string | null) => ({ ...event, id: `evt_${randomUUID()}`, ...(account ? { account } : {}) });
  }

  it("applies a connected account's event to that account's studio only", async () => {
    const accountA = acct();
    const accountB = acct();
    const a = await connectedStudio("routed-a", accountA);
    await connectedStudio("routed-b", accountB);
    const eventFor = await completedPackEvent(a);

    // Another studio's account naming A's checkout changes nothing of A's.
    expect((await deliver(eventFor(accountB))).status).toBe(200);
    expect(await creditBalance(t.db, { studioId: a.studioId, clientId: a.clientId })).toBe(0);

    expect(await deliver(eventFor(accountA))).toEqual({ status: 200, body: { received: true } });
    expect(await creditBalance(t.db, { studioId: a.studioId, clientId: a.clientId })).toBe(5);
  });

  it("acknowledges and ignores an event of an account no studio has, and one of the operator's own account", async () => {
    const a = await connectedStudio("ignored", acct());
    const eventFor = await completedPackEvent(a);
    expect(await deliver(eventFor(acct()))).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(await deliver(eventFor(null), secret)).toEqual({ status: 200, body: { received: true, ignored: true } });
    expect(await creditBalance(t.db, { studioId: a.studioId, clientId: a.clientId })).toBe(0);
  });

  it("refuses a payload signed with neither secret", async () => {
    const a = await connectedStudio("forged", acct());
    const eventFor = await completedPackEvent(a);
    expect((await deliver(eventFor(null), "whsec_someone_else")).status).toBe(400);
  });

  it("follows account.updated: Stripe pausing or allowing charges shows on the studio", async () => {
    const account = acct();
    const studio = await connectedStudio("updated", account);
    const update = (charges: boolean, on = account) => ({ id: `evt_${randomUUID()}`, object: "event", type: "account.updated", account: on, created: Math.floor(Date.now() / 1000), data: { object: { id: on, object: "account", charges_enabled: charges } } });
    expect(await deliver(update(false))).toEqual({ status: 200, body: { received: true } });
    expect((await t.db.select().from(studios).where(eq(studios.id, studio.studioId)))[0]!.stripeChargesEnabled).toBe(false);
    expect(await deliver(update(true, acct()))).toEqual({ status: 200, body: { received: true, ignored: true } });
  });
});
