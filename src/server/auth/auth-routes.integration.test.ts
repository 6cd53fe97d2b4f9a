import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, loginAttempts } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, TEST_PASSWORD } from "~test/factories";

// Auth.js's own routes, as a browser or a script reaches them (/api/auth/...): the same
// handlers the app serves, on this run's database.
process.env.AUTH_SECRET = "auth-routes-test-secret-of-more-than-32-chars";
const BASE = "http://localhost:3000/api/auth";
const COOKIE = "authjs.session-token";

const t = setupTestDatabase();
const holder = globalThis as unknown as { __strideDb?: Promise<unknown> };
// Imported after AUTH_SECRET is set; the app's database is this run's.
let routes: typeof import("./next-auth");
let reader: typeof import("./session-reader");
beforeAll(async () => {
  holder.__strideDb = Promise.resolve(t.database);
  routes = await import("./next-auth");
  reader = await import("./session-reader");
});
afterAll(() => {
  delete holder.__strideDb;
});

/** A browser: its cookie jar, sent on every request and updated from every answer. */
class Browser {
  jar = new Map<string, string>();
  constructor(readonly userAgent: string) {}
  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  }
  async get(path: string) {
    return this.keep(await routes.handlers.GET(new NextRequest(`${BASE}${path}`, { headers: { cookie: this.cookieHeader(), "user-agent": this.userAgent } })));
  }
  async post(path: string, form: Record<string, string>) {
    const { csrfToken } = (await (await this.get("/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ ...form, csrfToken }).toString();
    const request = new NextRequest(`${BASE}${path}`, {
      method: "POST",
      body,
      headers: { cookie: this.cookieHeader(), "content-type": "application/x-www-form-urlencoded", "user-agent": this.userAgent, origin: "http://localhost:3000" },
    });
    return this.keep(await routes.handlers.POST(request));
  }
  signIn(email: string, password: string) {
    return this.post("/callback/password", { email, password, callbackUrl: "/after-sign-in" });
  }
  /** Who the app sees behind a cookie (the reader every tRPC call and page uses). */
  async viewer(cookie = this.jar.get(COOKIE)) {
    return reader.sessionViewer(t.db, new Headers({ cookie: `${COOKIE}=${cookie ?? ""}` }), new Date());
  }
}

describe("signing out through Auth.js's route", () => {
  it("ends that device's session on the server (a copied cookie stops working) and leaves the person's other device signed in", async () => {
    const s = await createTestStudio(t.db);
    const laptop = new Browser("Laptop");
    const phone = new Browser("Phone");
    expect((await laptop.signIn(s.trainer.email, TEST_PASSWORD)).headers.get("location")).toMatch(/\/after-sign-in$/);
    expect((await phone.signIn(s.trainer.email, TEST_PASSWORD)).headers.get("location")).toMatch(/\/after-sign-in$/);
    const devices = await t.db.select().from(authSessions).where(eq(authSessions.userId, s.trainer.userId));
    expect(devices.map((d) => d.userAgent).sort()).toEqual(["Laptop", "Phone"]);

    const copied = laptop.jar.get(COOKIE)!;
    expect(await laptop.viewer()).toMatchObject({ userId: s.trainer.userId });
    await laptop.post("/signout", { callbackUrl: "/sign-in" });
    expect(laptop.jar.has(COOKIE)).toBe(false);

    expect(await laptop.viewer(copied)).toBeNull();
    expect(await phone.viewer()).toMatchObject({ userId: s.trainer.userId });
    // Auth.js's own session endpoint (its jwt callback) refuses the copy too.
    const thief = new Browser("Thief");
    thief.jar.set(COOKIE, copied);
    expect(await (await thief.get("/session")).json()).toBeNull();
    expect((await t.db.select().from(authSessions).where(eq(authSessions.userId, s.trainer.userId))).map((d) => d.userAgent)).toEqual(["Phone"]);
  });
});

describe("bad input posted straight to the password callback", () => {
  it.each([
    { name: "a NUL in the email", email: (e: string) => `${e}\u0000`, password: TEST_PASSWORD },
    { name: "a one-megabyte email", email: () => `${"a".repeat(1024 * 1024)}@example.test`, password: TEST_PASSWORD },
    { name: "a NUL in the password", email: (e: string) => e, password: `${TEST_PASSWORD}\u0000` },
  ])("$name is refused as bad input with a sentence, not a server error, and records nothing", async ({ email, password }) => {
    const s = await createTestStudio(t.db);
    const browser = new Browser("Script");
    const response = await browser.signIn(email(s.clientA.email), password);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: "CredentialsSignin", code: "bad_input" });
    expect(browser.jar.has(COOKIE)).toBe(false);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, `account:${s.clientA.email}`))).toEqual([]);
  });
});
