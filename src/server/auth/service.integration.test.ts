import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authTokens, outbox } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, TEST_PASSWORD } from "~test/factories";
import { startDeviceSession } from "./device-sessions";
import { consumeMagicLink, isSessionCurrent, requestMagicLink, signInWithPassword, signOutEverywhere } from "./service";

const t = setupTestDatabase();
const now = new Date("2026-11-24T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("password sign-in", () => {
  it("signs in with the right password, case-insensitively by email", async () => {
    const s = await createTestStudio(t.db);
    const user = await signInWithPassword(t.db, { email: s.trainer.email.toUpperCase(), password: TEST_PASSWORD, ip: "198.51.100.1", now });
    expect(user.id).toBe(s.trainer.userId);
  });

  it("refuses a wrong password with a message that does not say which part was wrong", async () => {
    const s = await createTestStudio(t.db);
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: "nope", ip: "198.51.100.2", now })).rejects.toThrow(
      "That email and password do not match an account.",
    );
  });

  it("locks an account after 10 failures in 15 minutes, even for the right password, says so, then lets it in again", async () => {
    const s = await createTestStudio(t.db);
    for (let i = 0; i < 10; i++) {
      await expect(signInWithPassword(t.db, { email: s.clientA.email, password: "wrong", ip: `198.51.100.${10 + i}`, now: later(i * 1000) })).rejects.toThrow(/do not match/);
    }
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: "198.51.100.99", now: later(11_000) })).rejects.toThrow(
      "Too many failed sign-in attempts for this account. Try again in 15 minutes. Or ask for a sign-in link by email below.",
    );
    const user = await signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: "198.51.100.99", now: later(16 * 60_000) });
    expect(user.id).toBe(s.clientA.userId);
  });

  it("one person's ten wrong passwords on a shared Wi-Fi lock their account only, not everyone behind the address", async () => {
    const s = await createTestStudio(t.db);
    const wifi = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    for (let i = 0; i < 10; i++) {
      await expect(signInWithPassword(t.db, { email: s.clientA.email, password: "wrong", ip: wifi, now: later(i * 1000) })).rejects.toThrow(/do not match/);
    }
    // Someone else at the same gym signs in.
    const other = await signInWithPassword(t.db, { email: s.clientB.email, password: TEST_PASSWORD, ip: wifi, now: later(11_000) });
    expect(other.id).toBe(s.clientB.userId);
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: wifi, now: later(12_000) })).rejects.toThrow(/for this account/);
  });

  it("locks an address after 100 failures across accounts, says so, and one's own success in between forgives none", async () => {
    const s = await createTestStudio(t.db);
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    for (let i = 0; i < 99; i++) {
      await expect(signInWithPassword(t.db, { email: `nobody${i}-${s.studioId}@example.test`, password: "x", ip, now: later(i) })).rejects.toThrow(/do not match/);
    }
    await signInWithPassword(t.db, { email: s.trainer.email, password: TEST_PASSWORD, ip, now: later(100) });
    await expect(signInWithPassword(t.db, { email: `nobody-last-${s.studioId}@example.test`, password: "x", ip, now: later(101) })).rejects.toThrow(/do not match/);
    await expect(signInWithPassword(t.db, { email: s.owner.email, password: TEST_PASSWORD, ip, now: later(1000) })).rejects.toThrow(
      "Too many failed sign-in attempts from your network. Try again in 15 minutes.",
    );
    // From another address the owner signs in at once.
    expect((await signInWithPassword(t.db, { email: s.owner.email, password: TEST_PASSWORD, ip: "198.51.100.250", now: later(1000) })).id).toBe(s.owner.userId);
  });
});

describe("magic links", () => {
  it("emails a single-use link through the outbox, stores only its hash, and expires it", async () => {
    const s = await createTestStudio(t.db);
    await requestMagicLink(t.db, { email: s.clientB.email, ip: null, now, appUrl: "http://stride.test" });
    const [email] = await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientB.email));
    expect(email?.studioId).toBe(s.studioId);
    const token = email!.text.match(/token=([\w-]+)/)![1]!;
    const stored = await t.db.select().from(authTokens).where(eq(authTokens.userId, s.clientB.userId));
    expect(stored[0]!.tokenHash).not.toContain(token);

    const user = await consumeMagicLink(t.db, { token, now: later(60_000) });
    expect(user.id).toBe(s.clientB.userId);
    await expect(consumeMagicLink(t.db, { token, now: later(61_000) })).rejects.toThrow(/expired or was already used/);

    await requestMagicLink(t.db, { email: s.clientB.email, ip: null, now, appUrl: "http://stride.test" });
    const emails = await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientB.email));
    const second = emails.map((e) => e.text.match(/token=([\w-]+)/)![1]!).find((x) => x !== token)!;
    await expect(consumeMagicLink(t.db, { token: second, now: later(16 * 60_000) })).rejects.toThrow(/expired/);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const caller = callerFor(t.db, null);
    const result = await caller.auth.requestMagicLink({ email: "ghost@example.test" });
    expect(result.message).toMatch(/If that email has a Stride account/);
    expect(await t.db.select().from(outbox).where(eq(outbox.toEmail, "ghost@example.test"))).toHaveLength(0);
  });

  it("rejects a malformed email with a readable message", async () => {
    await expect(callerFor(t.db, null).auth.requestMagicLink({ email: "not-an-email" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("sessions", () => {
  it("signing out everywhere ends every issued session, on every device", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    const phone = await startDeviceSession(t.db, { userId: s.owner.userId, userAgent: "phone", ip: null, now });
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 1, sid: phone })).toBe(true);
    await signOutEverywhere(t.db, s.owner.userId);
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 1, sid: phone })).toBe(false);
    // Even a token at the new version needs a device that signed in after.
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 2, sid: phone })).toBe(false);
    const laptop = await startDeviceSession(t.db, { userId: s.owner.userId, userAgent: "laptop", ip: null, now });
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 2, sid: laptop })).toBe(true);
  });
});
