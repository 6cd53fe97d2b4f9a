// Who is asking (issue 15): the sign-in throttle counts failures per address, so the address
// must be the connection's, not what a client writes into X-Forwarded-For, unless TRUST_PROXY
// names the proxy in front. Each story runs its own `npm start` with the setting it is about
// (the shared e2e server trusts the runner as its proxy), on a free port and a fresh database.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";
import { AppServer } from "./fixtures/app-server";

/** More than the per-address limit (whatever it is set to) needs. */
const MAX_ATTEMPTS = 120;

async function withServer(env: Record<string, string>, story: (server: AppServer, api: APIRequestContext) => Promise<void>) {
  const dataDir = path.join(process.cwd(), ".data", `e2e-address-${randomUUID().slice(0, 8)}`);
  const server = await AppServer.onFreePort({ STRIDE_DATA_DIR: dataDir, DATABASE_URL: "", ...env });
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  try {
    await server.start();
    await story(server, api);
  } finally {
    await api.dispose();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One password sign-in through Auth.js's own route, as the sign-in form posts it; the answer's `code`. */
async function signInCode(api: APIRequestContext, server: AppServer, email: string, password: string, forwardedFor: string): Promise<string | null> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/password", {
    form: { email, password, csrfToken },
    headers: { origin: server.url, "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = new URL(response.headers()["location"]!, server.url);
  return location.searchParams.get("code") ?? (location.searchParams.get("error") ? "error" : null);
}

const isThrottled = (code: string | null) => !!code?.startsWith("throttled");

/** Failed sign-ins, each for a different unknown account, until the address limit answers; the attempt it answered at. */
async function failUntilThrottled(api: APIRequestContext, server: AppServer, forwardedFor: (attempt: number) => string): Promise<number | null> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const code = await signInCode(api, server, `nobody-${attempt}-${randomUUID().slice(0, 6)}@example.test`, "not the password", forwardedFor(attempt));
    if (isThrottled(code)) return attempt;
    expect(code, `attempt ${attempt}`).toBe("invalid");
  }
  return null;
}

test.describe("the address a sign-in counts against", () => {
  test.describe.configure({ timeout: 180_000 });

  test("without TRUST_PROXY, made-up X-Forwarded-For headers from one connection are ignored: its failures are throttled", async () => {
    await withServer({}, async (server, api) => {
      // Every attempt claims another address; all come from this one socket.
      const throttledAt = await failUntilThrottled(api, server, (attempt) => `203.0.113.${attempt % 250}, 198.51.100.${attempt % 250}`);
      expect(throttledAt, "the connection's failures were counted together").not.toBeNull();
      // The same connection stays throttled whatever address it claims next.
      expect(await signInCode(api, server, "morgan@stride.test", DEMO_PASSWORD, "192.0.2.200")).toMatch(/^throttled/);
      // And the whole origin counts for cross-site checks: https is not this http deployment's.
      const forged = await api.post("/api/trpc/auth.requestMagicLink", { data: { json: { email: "x@example.test" } }, headers: { origin: server.url.replace("http:", "https:") } });
      expect(forged.status()).toBe(403);
    });
  });

  test("with TRUST_PROXY naming the proxy, the address it reports counts, not what the client wrote before it", async () => {
    // The runner plays the reverse proxy at 127.0.0.1: it appends the address it was
    // connected from (198.51.100.9) after whatever the client sent (203.0.113.50).
    await withServer({ TRUST_PROXY: "127.0.0.1" }, async (server, api) => {
      const throttledAt = await failUntilThrottled(api, server, () => "203.0.113.50, 198.51.100.9");
      expect(throttledAt, "the reported address's failures were counted").not.toBeNull();
      expect(await signInCode(api, server, "morgan@stride.test", DEMO_PASSWORD, "198.51.100.9")).toMatch(/^throttled/);
      // Someone else behind the proxy, even one claiming the throttled client's made-up address, signs in.
      expect(await signInCode(api, server, "morgan@stride.test", DEMO_PASSWORD, "203.0.113.50, 198.51.100.10")).toBeNull();
    });
  });

  test("an https deployment sends HSTS on its static files and icon too; the icon exists", async () => {
    await withServer({ APP_URL: "https://stride.example" }, async (server, api) => {
      const page = await (await api.get("/sign-in")).text();
      const script = /\/_next\/static\/[^"']+\.js/.exec(page)?.[0];
      expect(script, "the page loads a built script").toBeTruthy();
      for (const asset of [script!, "/favicon.ico", "/icon.svg", "/sign-in", "/api/health"]) {
        const response = await api.get(asset);
        expect(response.status(), asset).toBe(200);
        expect(response.headers()["strict-transport-security"], asset).toBe("max-age=63072000; includeSubDomains");
      }
      expect((await api.get("/favicon.ico")).headers()["content-type"]).toBe("image/x-icon");
    });
  });
});
