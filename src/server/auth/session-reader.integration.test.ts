import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signOutEverywhere } from "@/server/auth/service";
import { users } from "@/server/db/schema";
import { claimsAtSignIn, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { sessionViewer } from "./session-reader";

// The secret env() reads on first use; set before any call in this file.
const SECRET = "session-reader-test-secret-of-more-than-32-chars";
process.env.AUTH_SECRET = SECRET;
const COOKIE = "authjs.session-token";
const DAY = 24 * 3600_000;

const t = setupTestDatabase();

/** A request's headers carrying a session cookie as Auth.js issues it at sign-in. */
async function signedInHeaders(user: { userId: string }, options: { sessionVersion?: number; at?: Date; maxAge?: number; cookie?: string } = {}) {
  const token = await encode({
    secret: SECRET,
    salt: options.cookie ?? COOKIE,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
    token: claimsAtSignIn({ id: user.userId, sessionVersion: options.sessionVersion ?? 1 }, options.at ?? new Date()),
  });
  return new Headers({ cookie: `theme=dark; ${options.cookie ?? COOKIE}=${token}` });
}

afterEach(() => vi.useRealTimers());

describe("the viewer of a request", () => {
  it("is the signed-in trainer or client, read from Auth.js's cookie", async () => {
    const s = await createTestStudio(t.db);
    expect(await sessionViewer(t.db, await signedInHeaders(s.trainer), new Date())).toMatchObject({ kind: "trainer", userId: s.trainer.userId, studioId: s.studioId });
    expect(await sessionViewer(t.db, await signedInHeaders(s.clientA), new Date())).toMatchObject({ kind: "client", clientId: s.clientA.clientId });
  });

  it("is nobody without a cookie, with a tampered one, or with a token only in an Authorization header", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    expect(await sessionViewer(t.db, new Headers(), now)).toBeNull();
    const good = (await signedInHeaders(s.trainer)).get("cookie")!;
    const tampered = good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await sessionViewer(t.db, new Headers({ cookie: tampered }), now)).toBeNull();
    const token = good.split(`${COOKIE}=`)[1]!;
    expect(await sessionViewer(t.db, new Headers({ authorization: `Bearer ${token}` }), now)).toBeNull();
  });

  it("is nobody once the user signs out everywhere, or is disabled, even for a token it has read before", async () => {
    const s = await createTestStudio(t.db);
    const trainer = await signedInHeaders(s.trainer);
    const client = await signedInHeaders(s.clientA);
    expect(await sessionViewer(t.db, trainer, new Date())).not.toBeNull();
    expect(await sessionViewer(t.db, client, new Date())).not.toBeNull();
    await signOutEverywhere(t.db, s.trainer.userId);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.clientA.userId));
    expect(await sessionViewer(t.db, trainer, new Date())).toBeNull();
    expect(await sessionViewer(t.db, client, new Date())).toBeNull();
  });

  it("is nobody 14 days after sign-in, whatever the cookie's own expiry says", async () => {
    const s = await createTestStudio(t.db);
    const signedInAt = new Date(Date.now() - 14 * DAY - 60_000);
    // A cookie re-issued yesterday (its exp is in the future) for a sign-in 14 days ago.
    expect(await sessionViewer(t.db, await signedInHeaders(s.trainer, { at: signedInAt }), new Date())).toBeNull();
  });

  it("is nobody once the cookie itself expires, also after it was read while valid", async () => {
    const s = await createTestStudio(t.db);
    const headers = await signedInHeaders(s.trainer, { maxAge: 60 });
    expect(await sessionViewer(t.db, headers, new Date())).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await sessionViewer(t.db, headers, new Date())).toBeNull();
  });

  it("reads only the cookie name of this deployment (plain http here, not __Secure-)", async () => {
    const s = await createTestStudio(t.db);
    expect(await sessionViewer(t.db, await signedInHeaders(s.trainer, { cookie: "__Secure-authjs.session-token" }), new Date())).toBeNull();
  });
});
