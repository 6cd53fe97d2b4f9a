import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

describe("loadEnv", () => {
  it("needs nothing for the embedded default, which is demo mode", () => {
    const env = loadEnv({ NODE_ENV: "production" });
    expect(env.isDemo).toBe(true);
    expect(env.appUrl).toBe("http://localhost:3000");
  });

  it("names AUTH_SECRET when production runs on PostgreSQL without it", () => {
    expect(() => loadEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/stride" })).toThrow(/AUTH_SECRET is missing/);
  });

  it("explains a malformed variable", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => loadEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it("is not demo mode on PostgreSQL unless asked", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://u:p@db/stride" }).isDemo).toBe(false);
    expect(loadEnv({ DATABASE_URL: "postgres://u:p@db/stride", STRIDE_DEMO: "1" }).isDemo).toBe(true);
  });

  it("names STRIPE_WEBHOOK_SECRET when a Stripe key is set without it", () => {
    expect(() => loadEnv({ STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET is missing/);
    expect(loadEnv({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_1" }).STRIPE_SECRET_KEY).toBe("sk_test_123");
  });
});
