import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSRF_INVENTORY, isForgedRequest } from "./csrf";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const appFiles = filesUnder("src/app").filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
const routeFiles = appFiles.filter((f) => /(^|\/)route\.(ts|tsx)$/.test(f));
// A file whose first statement is "use server" exports server actions, which are POST endpoints.
const actionFiles = appFiles.filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")));
const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"];

function exportedMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)) {
    for (const name of m[1]!.split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!.trim())) found.add(name);
  }
  return [...found].filter((name) => /^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$/.test(name));
}

describe("the CSRF inventory", () => {
  it("finds the app's routes and server actions (the scan itself works)", () => {
    expect(routeFiles).toContain(path.join("src/app/api/trpc/[trpc]/route.ts"));
    expect(actionFiles).toContain(path.join("src/app/(auth)/sign-in/actions.ts"));
  });

  it("classifies every route handler and server-action file, and lists none that is gone", () => {
    const found = [...routeFiles, ...actionFiles].map((f) => f.split(path.sep).join("/")).sort();
    const unlisted = found.filter((f) => !(f in CSRF_INVENTORY));
    expect(unlisted, "add these to CSRF_INVENTORY in src/server/security/csrf.ts with what protects them").toEqual([]);
    expect(Object.keys(CSRF_INVENTORY).sort()).toEqual(found);
  });

  it("a read-only route exports no state-changing method", () => {
    for (const [file, protection] of Object.entries(CSRF_INVENTORY)) {
      if (protection !== "read-only") continue;
      const methods = exportedMethods(file);
      expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
      expect(methods.filter((m) => STATE_CHANGING.includes(m)), file).toEqual([]);
    }
  });

  it("every /api route handler is built with apiRoute, which refuses forged requests (the proxy skips /api)", () => {
    const apiRoutes = routeFiles.filter((f) => f.split(path.sep).join("/").startsWith("src/app/api/"));
    expect(apiRoutes.length).toBeGreaterThan(5);
    for (const file of apiRoutes) {
      const source = fs.readFileSync(file, "utf8");
      expect(source, file).toMatch(/\bapiRoute\(/);
      // A handler written as a plain function would skip it.
      expect(source, file).not.toMatch(/export\s+(async\s+)?function\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/);
      for (const m of source.matchAll(/export\s+const\s+(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\s*=\s*([^\n]*)/g)) expect(m[2], `${file} ${m[1]}`).toMatch(/^apiRoute\(/);
    }
    expect(fs.readFileSync("src/proxy.ts", "utf8")).toMatch(/\(\?!api\//);
  });
});

describe("refusing forged requests", () => {
  const headers = (h: Record<string, string>) => new Headers({ host: "stride.example", "x-forwarded-proto": "https", ...h });

  it("refuses a POST from another site to a page, tRPC, an action or Auth.js", () => {
    for (const pathname of ["/sign-in", "/api/trpc/client.invite", "/api/auth/callback/password", "/checkout/abc"]) {
      expect(isForgedRequest("POST", pathname, headers({ origin: "https://evil.example" })), pathname).toBe(true);
    }
    expect(isForgedRequest("DELETE", "/api/trpc/x", headers({ origin: "null" }))).toBe(true);
  });

  it("lets our own pages post, and reads never count", () => {
    expect(isForgedRequest("POST", "/sign-in", headers({ origin: "https://stride.example" }))).toBe(false);
    expect(isForgedRequest("GET", "/portal", headers({ origin: "https://evil.example" }))).toBe(false);
  });

  it("compares the whole origin: scheme and port count, not only the host", () => {
    const http = (h: Record<string, string>) => new Headers({ host: "stride.example", "x-forwarded-proto": "http", ...h });
    expect(isForgedRequest("POST", "/sign-in", http({ origin: "http://stride.example" }))).toBe(false);
    // On an http deployment, a page served over https at the same host is another origin.
    expect(isForgedRequest("POST", "/sign-in", http({ origin: "https://stride.example" }))).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", headers({ origin: "http://stride.example" }))).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", headers({ origin: "https://stride.example:8443" }))).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", headers({ origin: "https://stride.example:443" }))).toBe(false);
    expect(isForgedRequest("POST", "/sign-in", new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(false);
    expect(isForgedRequest("POST", "/sign-in", new Headers({ host: "localhost:3000", origin: "https://localhost:3000" }))).toBe(true);
  });

  it("takes the deployment's APP_URL as its origin, even before TRUST_PROXY names the TLS proxy", () => {
    // nginx terminates TLS and its X-Forwarded-Proto is not trusted: the request looks like http.
    const behindProxy = new Headers({ host: "coach.example", "x-forwarded-proto": "http", origin: "https://coach.example" });
    expect(isForgedRequest("POST", "/sign-in", behindProxy)).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", behindProxy, "https://coach.example")).toBe(false);
    expect(isForgedRequest("POST", "/sign-in", new Headers({ host: "coach.example", origin: "https://evil.example" }), "https://coach.example")).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", new Headers({ host: "coach.example", origin: "http://coach.example" }), "https://coach.example")).toBe(false);
  });

  it("behind a proxy, compares with the forwarded host", () => {
    expect(isForgedRequest("POST", "/sign-in", headers({ "x-forwarded-host": "coach.example", origin: "https://coach.example" }))).toBe(false);
    expect(isForgedRequest("POST", "/sign-in", headers({ "x-forwarded-host": "coach.example", origin: "https://stride.example" }))).toBe(true);
  });

  it("uses Fetch Metadata when a cross-site request carries no Origin", () => {
    expect(isForgedRequest("POST", "/sign-in", headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isForgedRequest("POST", "/sign-in", headers({ "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("leaves the Stripe webhook to its signature", () => {
    expect(isForgedRequest("POST", "/api/webhooks/stripe", headers({ origin: "https://evil.example" }))).toBe(false);
    expect(isForgedRequest("POST", "/api/webhooks/stripe-not", headers({ origin: "https://evil.example" }))).toBe(true);
  });
});
