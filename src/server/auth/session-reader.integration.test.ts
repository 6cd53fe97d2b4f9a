import { encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { endDeviceSession, startDeviceSession } from "@/server/auth/device-sessions";
import { signOutEverywhere } from "@/server/auth/service";
import { authSessions, users } from "@/server/db/schema";
import { claimsAtSignIn, DEVICE_SEEN_EVERY_MS, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { sessionViewer } from "./session-reader";

// The secret env() reads on first use; set before any call in this file.
const SECRET = "session-reader-test-secret-of-more-than-32-chars";
process.env.AUTH_SECRET = SECRET;
const COOKIE = "authjs.session-token";
const DAY = 24 * 3600_000;

const t = setupTestDatabase();

/** A request's headers carrying a session cookie as Auth.js issues it at sign-in (with its device's row). */
async function signedInHeaders(user: { userId: string }, options: { sessionVersion?: number; at?: Date; maxAge?: number; cookie?: string; deviceSessionId?: string } = {}) {
  const at = options.at ?? new Date();
  const sid = options.deviceSessionId ?? (await startDeviceSession(t.db, { userId: user.userId, userAgent: "test", ip: null, now: at }));
  const token = await encode({
    secret: SECRET,
    salt: options.cookie ?? COOKIE,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
    token: claimsAtSignIn({ id: user.userId, sessionVersion: options.sessionVersion ?? 1 }, sid, at),
  });
  return Object.assign(new Headers({ cookie: `theme=dark; ${options.cookie ?? COOKIE}=${token}` }), { sid });
}

const lastSeenOf = async (sid: string) => (await t.db.select({ at: authSessions.lastSeenAt }).from(authSessions).where(eq(authSessions.id, sid)))[0]?.at;

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

  it("is nobody once that device signs out, even for a cookie it has read before, while the person's other device stays signed in", async () => {
    const s = await createTestStudio(t.db);
    const phone = await signedInHeaders(s.trainer);
    const laptop = await signedInHeaders(s.trainer);
    // Read once, so the decrypted token sits in the reader's cache, as on a busy instance.
    expect(await sessionViewer(t.db, phone, new Date())).toMatchObject({ userId: s.trainer.userId });
    await endDeviceSession(t.db, { userId: s.trainer.userId, deviceSessionId: phone.sid });
    expect(await sessionViewer(t.db, phone, new Date())).toBeNull();
    expect(await sessionViewer(t.db, laptop, new Date())).toMatchObject({ userId: s.trainer.userId });
  });

  it("is nobody for a cookie naming another person's device", async () => {
    const s = await createTestStudio(t.db);
    const clients = await signedInHeaders(s.clientA);
    expect(await sessionViewer(t.db, await signedInHeaders(s.trainer, { deviceSessionId: clients.sid }), new Date())).toBeNull();
  });

  it("notes when a device was last seen at most every few minutes, not on every request", async () => {
    const s = await createTestStudio(t.db);
    const signedInAt = new Date(Date.now() - 60_000);
    const headers = await signedInHeaders(s.clientA, { at: signedInAt });
    await sessionViewer(t.db, headers, new Date());
    expect(await lastSeenOf(headers.sid)).toEqual(signedInAt);
    const later = new Date(signedInAt.getTime() + DEVICE_SEEN_EVERY_MS + 1_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(later);
    await sessionViewer(t.db, headers, later);
    expect(await lastSeenOf(headers.sid)).toEqual(later);
    await sessionViewer(t.db, headers, new Date(later.getTime() + 60_000));
    expect(await lastSeenOf(headers.sid)).toEqual(later);
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
