import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { createAppServer } from "@/server/http-server";
import { logger } from "@/server/logger";
import { parseTrustProxy } from "@/server/security/client-address";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "@/server/security/headers";
import { claimsAtSignIn, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";

// /api/trpc on tRPC's Node adapter (what `npm start` serves) answers every request as Next's
// route handler (src/app/api/trpc/[trpc]/route.ts) does: the same status, body, refusals and
// API headers, side by side on this run's database, plus the headers Next adds to every answer.

const SECRET = "node-handler-test-secret-of-more-than-32-chars";
process.env.AUTH_SECRET = SECRET;
const COOKIE = "authjs.session-token";

const t = setupTestDatabase();
const holder = globalThis as unknown as { __strideDb?: Promise<unknown> };
let server: Server;
let base: string;
let route: typeof import("@/app/api/trpc/[trpc]/route");

beforeAll(async () => {
  holder.__strideDb = Promise.resolve(t.database);
  const { handleTrpcOnNode } = await import("./node-handler");
  route = await import("@/app/api/trpc/[trpc]/route");
  server = createAppServer({ trust: parseTrustProxy(undefined), isHttps: false, handle: handleTrpcOnNode });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete holder.__strideDb;
});

async function cookieOf(userId: string) {
  const now = new Date();
  const sid = await startDeviceSession(t.db, { userId, userAgent: "test", ip: null, now });
  const token = await encode({ secret: SECRET, salt: COOKIE, maxAge: SESSION_MAX_AGE_SECONDS, token: claimsAtSignIn({ id: userId, sessionVersion: 1 }, sid, now) });
  return `${COOKIE}=${token}`;
}

const queryPath = (calls: { path: string; input?: unknown }[]) =>
  `/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(calls.map((c, i) => [i, superjson.serialize(c.input)]))))}`;

type Sent = { path: string; method?: string; headers?: Record<string, string>; body?: string | (() => ReadableStream<Uint8Array>) };

// Request ids differ between the two answers unless the caller names one.
const comparable = (text: string) => text.replace(/"requestId":"[\w-]+"/g, '"requestId":"<id>"');

async function answers({ path, method = "GET", headers = {}, body }: Sent) {
  const init = (): RequestInit => ({
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : body(), duplex: "half" }),
  });
  const onNode = await fetch(`${base}${path}`, init());
  // What the server in front of Next hands the route: the socket's address and scheme.
  const request = new Request(`${base}${path}`, { ...init(), headers: { ...headers, host: new URL(base).host, "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" } });
  const viaNext = await (method === "GET" ? route.GET(request) : route.POST(request));
  return { onNode, viaNext, nodeText: await onNode.text(), nextText: await viaNext.text() };
}

async function expectSameAnswer(sent: Sent) {
  const a = await answers(sent);
  expect(a.onNode.status).toBe(a.viaNext.status);
  expect(comparable(a.nodeText)).toBe(comparable(a.nextText));
  for (const name of ["content-type", "content-security-policy", "vary"]) expect(a.onNode.headers.get(name), name).toBe(a.viaNext.headers.get(name));
  return a;
}

describe("/api/trpc on the Node adapter", () => {
  it("answers a signed-in viewer and a signed-out one exactly as the route handler does", async () => {
    const s = await createTestStudio(t.db);
    const signedIn = await expectSameAnswer({ path: queryPath([{ path: "viewer.me" }]), headers: { cookie: await cookieOf(s.clientA.userId) } });
    expect(signedIn.onNode.status).toBe(200);
    expect(signedIn.nodeText).toContain(s.clientA.email);
    const signedOut = await expectSameAnswer({ path: queryPath([{ path: "viewer.me" }]) });
    expect(signedOut.nodeText).not.toContain(s.clientA.email);
  });

  it("carries the API's security headers and next.config.ts's, and echoes the request id", async () => {
    const response = await fetch(`${base}${queryPath([{ path: "viewer.me" }])}`, { headers: { "x-request-id": "request-from-the-test" } });
    expect(response.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    for (const { key, value } of STATIC_SECURITY_HEADERS) expect(response.headers.get(key), key).toBe(value);
    expect(response.headers.get("x-request-id")).toBe("request-from-the-test");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses a cross-site mutation before any procedure runs, with the route's sentence", async () => {
    const s = await createTestStudio(t.db);
    const a = await expectSameAnswer({
      path: "/api/trpc/session.log?batch=1",
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json", cookie: await cookieOf(s.clientA.userId) },
      body: JSON.stringify({ 0: superjson.serialize({}) }),
    });
    expect(a.onNode.status).toBe(403);
    expect(JSON.parse(a.nodeText)).toMatchObject({ error: { message: "Cross-site requests are not allowed." } });
  });

  it("answers bad input with the same field errors, and an unknown procedure with the same 404", async () => {
    const s = await createTestStudio(t.db);
    const bad = await expectSameAnswer({
      path: "/api/trpc/session.log?batch=1",
      method: "POST",
      headers: { origin: base, "content-type": "application/json", cookie: await cookieOf(s.clientA.userId) },
      body: JSON.stringify({ 0: superjson.serialize({ entries: "none" }) }),
    });
    expect(bad.onNode.status).toBe(400);
    expect(bad.nodeText).toContain("fieldErrors");
    expect((await expectSameAnswer({ path: queryPath([{ path: "no.such" }]) })).onNode.status).toBe(404);
  });

  it("refuses too many calls in one batch, and a chunked body past 1 MB, with their sentences", async () => {
    const many = await expectSameAnswer({ path: queryPath(Array.from({ length: 21 }, () => ({ path: "viewer.me" }))) });
    expect(many.onNode.status).toBe(413);
    expect(many.nodeText).toContain("Send at most 20 requests at once");
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 17; i++) controller.enqueue(chunk);
          controller.close();
        },
      });
    const large = await expectSameAnswer({ path: "/api/trpc/session.log?batch=1", method: "POST", headers: { origin: base, "content-type": "application/json" }, body: chunked });
    expect(large.onNode.status).toBe(413);
    expect(large.nodeText).toContain("larger than 1 MB");
  });

  it("writes one request line with the path, status and time, never the input", async () => {
    const lines = vi.spyOn(logger, "info");
    try {
      await fetch(`${base}${queryPath([{ path: "viewer.me", input: { secret: "do-not-log" } }])}`);
      const line = lines.mock.calls.find(([, message]) => message === "request");
      expect(line?.[0]).toMatchObject({ method: "GET", path: "/api/trpc/viewer.me", status: 200 });
      expect(JSON.stringify(lines.mock.calls)).not.toContain("do-not-log");
    } finally {
      lines.mockRestore();
    }
  });
});
