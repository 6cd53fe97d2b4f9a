import { describe, expect, it } from "vitest";
import { claimsAtSignIn, holdsSession, isWithinLifetime, SESSION_MAX_AGE_SECONDS } from "./session-policy";

const signIn = new Date("2026-03-01T10:00:00Z");
const claims = claimsAtSignIn({ id: "user-1", sessionVersion: 3 }, signIn);
const after = (seconds: number) => new Date(signIn.getTime() + seconds * 1000);

describe("a session's lifetime", () => {
  it("lasts 14 days from sign-in", () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(14 * 24 * 3600);
    expect(isWithinLifetime(claims, signIn)).toBe(true);
    expect(isWithinLifetime(claims, after(SESSION_MAX_AGE_SECONDS - 1))).toBe(true);
    expect(isWithinLifetime(claims, after(SESSION_MAX_AGE_SECONDS))).toBe(false);
    expect(isWithinLifetime(claims, after(30 * 24 * 3600))).toBe(false);
  });

  it("refuses a token without the sign-in time, user or version (issued before the rule)", () => {
    expect(isWithinLifetime({ uid: "user-1", sv: 3 }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, sv: "3" }, signIn)).toBe(false);
    expect(isWithinLifetime({ ...claims, uid: undefined }, signIn)).toBe(false);
  });

  it("refuses a token that claims to be signed in well in the future", () => {
    expect(isWithinLifetime(claims, after(-3600))).toBe(false);
    expect(isWithinLifetime(claims, after(-30))).toBe(true);
  });
});

describe("holdsSession", () => {
  it("holds while the account is enabled and its version is the session's", () => {
    expect(holdsSession({ sessionVersion: 3, disabledAt: null }, 3)).toBe(true);
    expect(holdsSession({ sessionVersion: 4, disabledAt: null }, 3)).toBe(false);
    expect(holdsSession({ sessionVersion: 3, disabledAt: new Date() }, 3)).toBe(false);
    expect(holdsSession(undefined, 3)).toBe(false);
  });
});
