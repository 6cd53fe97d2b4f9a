import { describe, expect, it } from "vitest";
import { claimsAtSignIn, DEVICE_SEEN_EVERY_MS, holdsSession, isDeviceSeenStale, isWithinLifetime, SESSION_MAX_AGE_SECONDS } from "./session-policy";

const signIn = new Date("2026-03-01T10:00:00Z");
const DEVICE = "6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f";
const claims = claimsAtSignIn({ id: "user-1", sessionVersion: 3 }, DEVICE, signIn);
const after = (seconds: number) => new Date(signIn.getTime() + seconds * 1000);

describe("a session's lifetime", () => {
  it("lasts 14 days from sign-in", () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(14 * 24 * 3600);
    expect(isWithinLifetime(claims, signIn)).toBe(true);
    expect(isWithinLifetime(claims, after(SESSION_MAX_AGE_SECONDS - 1))).toBe(true);
    expect(isWithinLifetime(claims, after(SESSION_MAX_AGE_SECONDS))).toBe(false);
    expect(isWithinLifetime(claims, after(30 * 24 * 3600))).toBe(false);
  });

  it("refuses a token without the sign-in time, user, version or device (issued before the rule)", () => {
    expect(isWithinLifetime({ uid: "user-1", sv: 3 }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, sid: undefined }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, sid: "not-a-uuid'; --" }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, sv: "3" }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, uid: undefined }, signIn)).toBe(false);
  });

  it("refuses a token that claims to be signed in well in the future", () => {
    expect(isWithinLifetime(claims, after(-3600))).toBe(false);
    expect(isWithinLifetime(claims, after(-30))).toBe(true);
  });
});

describe("holdsSession", () => {
  const session = { sv: 3, sid: DEVICE };
  it("holds while the account is enabled, its version is the session's and the device has not signed out", () => {
    expect(holdsSession({ sessionVersion: 3, disabledAt: null, deviceSessionId: DEVICE }, session)).toBe(true);
    expect(holdsSession({ sessionVersion: 4, disabledAt: null, deviceSessionId: DEVICE }, session)).toBe(false);
    expect(holdsSession({ sessionVersion: 3, disabledAt: new Date(), deviceSessionId: DEVICE }, session)).toBe(false);
    expect(holdsSession({ sessionVersion: 3, disabledAt: null, deviceSessionId: null }, session)).toBe(false);
    expect(holdsSession(undefined, session)).toBe(false);
  });
});

describe("a device's last-seen time", () => {
  it("is written again only once it is a few minutes old", () => {
    expect(isDeviceSeenStale(signIn, new Date(signIn.getTime() + DEVICE_SEEN_EVERY_MS - 1))).toBe(false);
    expect(isDeviceSeenStale(signIn, new Date(signIn.getTime() + DEVICE_SEEN_EVERY_MS))).toBe(true);
  });
});
