import { describe, expect, it } from "vitest";
import { loadEnv } from "@/env";
import { billingMode, webhookSecret } from "./config";

describe("billing configuration", () => {
  it("uses Stripe with a key, the test-mode checkout without one, and sells nothing in production without Stripe", () => {
    expect(billingMode(loadEnv({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }))).toBe("stripe");
    expect(billingMode(loadEnv({}))).toBe("test");
    expect(billingMode(loadEnv({ NODE_ENV: "production" }))).toBe("test"); // embedded demo
    expect(billingMode(loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/s", AUTH_SECRET: "x".repeat(32) }))).toBe("off");
  });

  it("derives the test-mode webhook secret from the auth secret, never a constant", () => {
    const a = webhookSecret(loadEnv({ AUTH_SECRET: "a".repeat(32) }));
    const b = webhookSecret(loadEnv({ AUTH_SECRET: "b".repeat(32) }));
    expect(a).toMatch(/^whsec_/);
    expect(a).not.toBe(b);
    expect(webhookSecret(loadEnv({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_real" }))).toBe("whsec_real");
  });
});
