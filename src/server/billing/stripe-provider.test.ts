import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeClient, stripeProvider } from "./stripe-provider";

// The real Stripe path, checked without a network: the SDK runs for real, its HTTP client is
// a fetch that records each request and answers like Stripe's API would.
type Recorded = { method: string; url: string; body: URLSearchParams; headers: Record<string, string> };

function recordingStripe(answer: (url: string) => unknown) {
  const requests: Recorded[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = Object.fromEntries(new Headers(init?.headers as HeadersInit | undefined).entries());
    requests.push({ method: init?.method ?? "GET", url, body: new URLSearchParams(typeof init?.body === "string" ? init.body : ""), headers });
    return new Response(JSON.stringify(answer(url)), { status: 200, headers: { "content-type": "application/json", "request-id": "req_test" } });
  }) as typeof fetch;
  const stripe = createStripeClient("sk_test_recording", Stripe.createFetchHttpClient(fakeFetch));
  return { provider: stripeProvider(stripe), requests };
}

const checkoutRequest = {
  checkoutId: "8d3c1d2e-5a8e-4f4f-9d55-0d6f1f4f6a10",
  name: "Monthly coaching",
  priceMinor: 4900,
  currency: "GBP",
  customerEmail: "vera@example.test",
  successUrl: "https://coach.example/checkout/complete",
  cancelUrl: "https://coach.example/studios/morgan/plans",
};

describe("the Stripe provider", () => {
  it("opens a subscription Checkout Session that names our checkout everywhere", async () => {
    const { provider, requests } = recordingStripe(() => ({ id: "cs_test_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_1" }));
    const session = await provider.createCheckoutSession({ ...checkoutRequest, kind: "subscription", interval: "month", stripeCustomerId: null });
    expect(session).toEqual({ sessionId: "cs_test_1", url: "https://checkout.stripe.com/c/pay/cs_test_1" });
    expect(requests).toHaveLength(1);
    const [r] = requests;
    expect(r!.method).toBe("POST");
    expect(r!.url).toBe("https://api.stripe.com/v1/checkout/sessions");
    expect(r!.headers["authorization"]).toBe("Bearer sk_test_recording");
    expect(r!.headers["idempotency-key"]).toBe(`checkout-${checkoutRequest.checkoutId}`);
    expect(Object.fromEntries(r!.body)).toEqual({
      mode: "subscription",
      client_reference_id: checkoutRequest.checkoutId,
      "metadata[stride_checkout]": checkoutRequest.checkoutId,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "gbp",
      "line_items[0][price_data][unit_amount]": "4900",
      "line_items[0][price_data][product_data][name]": "Monthly coaching",
      "line_items[0][price_data][recurring][interval]": "month",
      "subscription_data[metadata][stride_checkout]": checkoutRequest.checkoutId,
      customer_email: "vera@example.test",
      success_url: "https://coach.example/checkout/complete?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://coach.example/studios/morgan/plans",
    });
  });

  it("opens a one-off payment session for a pack, on the client's existing customer", async () => {
    const { provider, requests } = recordingStripe(() => ({ id: "cs_test_2", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_2" }));
    await provider.createCheckoutSession({ ...checkoutRequest, name: "5-session pack", priceMinor: 6000, kind: "pack", interval: null, stripeCustomerId: "cus_123" });
    const body = Object.fromEntries(requests[0]!.body);
    expect(body).toMatchObject({ mode: "payment", customer: "cus_123", "payment_intent_data[metadata][stride_checkout]": checkoutRequest.checkoutId, "line_items[0][price_data][unit_amount]": "6000" });
    expect(body).not.toHaveProperty("customer_email");
    expect(body).not.toHaveProperty("line_items[0][price_data][recurring][interval]");
  });

  it("sends card updates to the Customer Portal, cancels at period end, and re-reads subscriptions", async () => {
    const { provider, requests } = recordingStripe((url) =>
      url.includes("billing_portal") ? { id: "bps_1", object: "billing_portal.session", url: "https://billing.stripe.com/p/session/bps_1" } : { id: "sub_1", object: "subscription", status: "active" },
    );
    expect(await provider.createCardUpdateUrl({ stripeCustomerId: "cus_123", returnUrl: "https://coach.example/portal/billing" })).toBe("https://billing.stripe.com/p/session/bps_1");
    await provider.setCancelAtPeriodEnd({ stripeSubscriptionId: "sub_1", cancelAtPeriodEnd: true });
    expect((await provider.retrieveSubscription("sub_1")).status).toBe("active");
    expect(requests.map((r) => `${r.method} ${r.url.replace("https://api.stripe.com", "")} ${r.body.toString()}`)).toEqual([
      "POST /v1/billing_portal/sessions customer=cus_123&return_url=https%3A%2F%2Fcoach.example%2Fportal%2Fbilling",
      "POST /v1/subscriptions/sub_1 cancel_at_period_end=true",
      "GET /v1/subscriptions/sub_1 ",
    ]);
  });
});
