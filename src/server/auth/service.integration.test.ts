import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authTokens, outbox } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, TEST_PASSWORD } from "~test/factories";
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

  it("locks an account after 10 failures in 15 minutes, even for the right password, then lets it in again", async () => {
    const s = await createTestStudio(t.db);
    for (let i = 0; i < 10; i++) {
      await expect(signInWithPassword(t.db, { email: s.clientA.email, password: "wrong", ip: `198.51.100.${10 + i}`, now: later(i * 1000) })).rejects.toThrow(/do not match/);
    }
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: "198.51.100.99", now: later(11_000) })).rejects.toThrow(
      "Too many failed sign-in attempts. Try again in 15 minutes.",
    );
    const user = await signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: "198.51.100.99", now: later(16 * 60_000) });
    expect(user.id).toBe(s.clientA.userId);
  });

  it("locks an IP after 10 failures across different accounts", async () => {
    const s = await createTestStudio(t.db);
    const ip = "192.0.2.200";
    for (let i = 0; i < 10; i++) {
      await signInWithPassword(t.db, { email: `nobody${i}@example.test`, password: "x", ip, now }).catch(() => {});
    }
    await expect(signInWithPassword(t.db, { email: s.owner.email, password: TEST_PASSWORD, ip, now: later(1000) })).rejects.toThrow(/Too many/);
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
  it("signing out everywhere ends every issued session", async () => {
    const s = await createTestStudio(t.db);
    expect(await isSessionCurrent(t.db, s.owner.userId, 1)).toBe(true);
    await signOutEverywhere(t.db, s.owner.userId);
    expect(await isSessionCurrent(t.db, s.owner.userId, 1)).toBe(false);
    expect(await isSessionCurrent(t.db, s.owner.userId, 2)).toBe(true);
  });
});
