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

  it("reads TRUST_PROXY as a hop count or a list of proxies, and refuses anything else", () => {
    expect(loadEnv({}).TRUST_PROXY).toEqual({ kind: "none" });
    expect(loadEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toEqual({ kind: "hops", hops: 1 });
    expect(loadEnv({ TRUST_PROXY: "10.0.0.0/8,127.0.0.1" }).TRUST_PROXY).toMatchObject({ kind: "addresses", entries: ["10.0.0.0/8", "127.0.0.1"] });
    expect(() => loadEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: TRUST_PROXY must be the number of reverse proxies/);
  });

  it("is not demo mode on PostgreSQL unless asked", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://u:p@db/stride" }).isDemo).toBe(false);
    expect(loadEnv({ DATABASE_URL: "postgres://u:p@db/stride", STRIDE_DEMO: "1" }).isDemo).toBe(true);
  });

  it("names STRIPE_WEBHOOK_SECRET when a Stripe key is set without it", () => {
    expect(() => loadEnv({ STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET is missing/);
    expect(loadEnv({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_1" }).STRIPE_SECRET_KEY).toBe("sk_test_123");
  });

  it("decides once whether videos go to S3: all five S3_* set, or none (blank counts as unset)", () => {
    const all = { S3_ENDPOINT: "http://127.0.0.1:9", S3_BUCKET: "videos", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_REGION: "us-east-1" };
    expect(loadEnv(all).s3).toEqual({ endpoint: "http://127.0.0.1:9", bucket: "videos", accessKeyId: "k", secretAccessKey: "s", region: "us-east-1" });
    expect(loadEnv({}).s3).toBeNull();
    expect(loadEnv({ S3_ENDPOINT: "", S3_BUCKET: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "", S3_REGION: "" }).s3).toBeNull();
    expect(() => loadEnv({ ...all, S3_REGION: "" })).toThrow(/S3_REGION is missing/);
  });
});
