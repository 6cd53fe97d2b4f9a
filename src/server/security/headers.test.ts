import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, dynamicSecurityHeaders, STATIC_SECURITY_HEADERS } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

const base = { nonce: "abc123", isDev: false, isHttps: false };

describe("the page Content-Security-Policy", () => {
  it("runs only scripts with this response's nonce and what they load, never eval in production", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("refuses framing, plugins, <base> and forms to other sites", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("keeps the service worker and the manifest loading from our origin", () => {
    const csp = directives(contentSecurityPolicy(base));
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("manifest-src")).toEqual(["'self'"]);
  });

  it("allows eval and inline styles only in development", () => {
    const csp = directives(contentSecurityPolicy({ ...base, isDev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("style-src")).toContain("'unsafe-inline'");
  });

  it("upgrades insecure requests only over https, so http://localhost keeps working", () => {
    expect(directives(contentSecurityPolicy(base)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ ...base, isHttps: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets posters and videos come from the S3 store's origin only when videos are kept there", () => {
    const plain = directives(contentSecurityPolicy(base));
    expect(plain.get("media-src")).toEqual(["'self'", "blob:"]);
    const s3 = directives(contentSecurityPolicy({ ...base, mediaOrigins: ["https://s3.eu-west-1.amazonaws.com"] }));
    expect(s3.get("media-src")).toEqual(["'self'", "blob:", "https://s3.eu-west-1.amazonaws.com"]);
    expect(s3.get("img-src")).toContain("https://s3.eu-west-1.amazonaws.com");
    expect(s3.get("connect-src")).toEqual(["'self'"]);
  });

  it("lets a form go to Stripe only when named", () => {
    const csp = directives(contentSecurityPolicy({ ...base, formTargets: ["https://checkout.stripe.com"] }));
    expect(csp.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
  });
});

describe("per-response headers", () => {
  it("sends HSTS only over https", () => {
    expect(dynamicSecurityHeaders({ ...base, isPage: true })).not.toHaveProperty("Strict-Transport-Security");
    expect(dynamicSecurityHeaders({ ...base, isHttps: true, isPage: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });

  it("gives API answers a policy that renders and frames nothing", () => {
    expect(dynamicSecurityHeaders({ ...base, isPage: false })["Content-Security-Policy"]).toBe(API_CONTENT_SECURITY_POLICY);
    expect(API_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it("always sends nosniff, a referrer policy, a permissions policy and COOP", () => {
    const keys = STATIC_SECURITY_HEADERS.map((h) => h.key);
    expect(keys).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy", "Cross-Origin-Opener-Policy"]));
  });
});
