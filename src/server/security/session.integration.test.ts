import { decode, encode } from "next-auth/jwt";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endDeviceSession, startDeviceSession } from "@/server/auth/device-sessions";
import { signOutEverywhere } from "@/server/auth/service";
import { users } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { keepSessionToken } from "./session";
import { claimsAtSignIn, SESSION_MAX_AGE_SECONDS } from "./session-policy";

const t = setupTestDatabase();
const DAY = 24 * 3600_000;

/** A device's row, as a sign-in makes it. */
const device = (userId: string, now = new Date()) => startDeviceSession(t.db, { userId, userAgent: "test", ip: null, now });

describe("a session token presented on a request", () => {
  it("is kept while the user's version matches and it is younger than 14 days", async () => {
    const s = await createTestStudio(t.db);
    const signedIn = new Date();
    const token = claimsAtSignIn({ id: s.clientA.userId, sessionVersion: 1 }, await device(s.clientA.userId, signedIn), signedIn);
    expect(await keepSessionToken(t.db, token, new Date(signedIn.getTime() + 13 * DAY))).toEqual(token);
    expect(await keepSessionToken(t.db, token, new Date(signedIn.getTime() + 14 * DAY))).toBeNull();
  });

  it("is refused after the user signs out everywhere, and a new sign-in works", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    const old = claimsAtSignIn({ id: s.trainer.userId, sessionVersion: 1 }, await device(s.trainer.userId), now);
    await signOutEverywhere(t.db, s.trainer.userId);
    expect(await keepSessionToken(t.db, old, now)).toBeNull();
    const [user] = await t.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, s.trainer.userId));
    const fresh = claimsAtSignIn({ id: s.trainer.userId, sessionVersion: user!.sessionVersion }, await device(s.trainer.userId), now);
    expect(await keepSessionToken(t.db, fresh, now)).toEqual(fresh);
  });

  it("is refused once its device signed out, while the person's other device keeps its session", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    const phone = claimsAtSignIn({ id: s.trainer.userId, sessionVersion: 1 }, await device(s.trainer.userId), now);
    const laptop = claimsAtSignIn({ id: s.trainer.userId, sessionVersion: 1 }, await device(s.trainer.userId), now);
    await endDeviceSession(t.db, { userId: s.trainer.userId, deviceSessionId: phone.sid });
    expect(await keepSessionToken(t.db, phone, now)).toBeNull();
    expect(await keepSessionToken(t.db, laptop, now)).toEqual(laptop);
  });

  it("is refused for a disabled account, an unknown user, or a token without our claims", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    await t.db.update(users).set({ disabledAt: now }).where(eq(users.id, s.clientB.userId));
    expect(await keepSessionToken(t.db, claimsAtSignIn({ id: s.clientB.userId, sessionVersion: 1 }, await device(s.clientB.userId), now), now)).toBeNull();
    expect(await keepSessionToken(t.db, claimsAtSignIn({ id: "00000000-0000-4000-8000-000000000000", sessionVersion: 1 }, await device(s.clientA.userId), now), now)).toBeNull();
    expect(await keepSessionToken(t.db, { uid: s.clientA.userId, sv: 1 }, now)).toBeNull();
  });
});

// The cookie itself: Auth.js encrypts the token with our maxAge as its expiry; past it the
// cookie no longer decodes, before any of our code runs.
describe("the session cookie's own expiry", () => {
  it("an expired cookie does not decode", async () => {
    const secret = "a-test-secret-of-at-least-thirty-two-characters";
    const salt = "authjs.session-token";
    const live = await encode({ secret, salt, maxAge: SESSION_MAX_AGE_SECONDS, token: { uid: "u" } });
    expect(await decode({ secret, salt, token: live })).toMatchObject({ uid: "u" });
    const expired = await encode({ secret, salt, maxAge: -60, token: { uid: "u" } });
    await expect(decode({ secret, salt, token: expired })).rejects.toThrow(/exp/);
  });
});
