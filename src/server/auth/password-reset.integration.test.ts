import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authTokens, outbox, users } from "@/server/db/schema";
import { outboxEntryFor } from "@/server/outbox/rules";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, TEST_PASSWORD } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { startDeviceSession } from "./device-sessions";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { isSessionCurrent, signInWithPassword } from "./service";

const t = setupTestDatabase();
const now = new Date("2026-11-24T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const NEW_PASSWORD = "a fresh long password";

async function resetLinksTo(email: string): Promise<string[]> {
  const rows = await t.db.select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.kind, "password_reset")));
  return rows.map((row) => row.text.match(/reset-password\?token=([\w-]+)/)![1]!);
}

describe("forgot password", () => {
  it("emails a link readable only by its addressee, stored only as a hash, that sets a new password once", async () => {
    const s = await createTestStudio(t.db);
    await requestPasswordReset(t.db, { email: ` ${s.clientA.email.toUpperCase()} `, now, appUrl: "http://stride.test" });
    const [token] = await resetLinksTo(s.clientA.email);
    const [email] = await t.db.select().from(outbox).where(and(eq(outbox.toEmail, s.clientA.email), eq(outbox.kind, "password_reset")));
    expect(email!.carriesCredential).toBe(true);
    expect(outboxEntryFor(email!, { email: s.trainer.email }).text).toBeNull();
    const stored = await t.db.select().from(authTokens).where(and(eq(authTokens.userId, s.clientA.userId), eq(authTokens.purpose, "password_reset")));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token!);

    await resetPassword(t.db, { token: token!, password: NEW_PASSWORD, now: later(29 * 60_000) });
    expect((await signInWithPassword(t.db, { email: s.clientA.email, password: NEW_PASSWORD, ip: null, now: later(30 * 60_000) })).id).toBe(s.clientA.userId);
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: null, now: later(30 * 60_000) })).rejects.toThrow(/do not match/);
    // Single use: the same link again changes nothing.
    await expect(resetPassword(t.db, { token: token!, password: "someone else's choice", now: later(29 * 60_000 + 1) })).rejects.toThrow(
      "This reset link has expired or was already used. Ask for a new one.",
    );
    expect((await signInWithPassword(t.db, { email: s.clientA.email, password: NEW_PASSWORD, ip: null, now: later(31 * 60_000) })).id).toBe(s.clientA.userId);
  });

  it("a link expires after 30 minutes", async () => {
    const s = await createTestStudio(t.db);
    await requestPasswordReset(t.db, { email: s.trainer.email, now, appUrl: "http://stride.test" });
    const [token] = await resetLinksTo(s.trainer.email);
    await expect(resetPassword(t.db, { token: token!, password: NEW_PASSWORD, now: later(30 * 60_000) })).rejects.toThrow(/expired or was already used/);
    await expect(signInWithPassword(t.db, { email: s.trainer.email, password: TEST_PASSWORD, ip: null, now: later(31 * 60_000) })).resolves.toMatchObject({ id: s.trainer.userId });
  });

  it("a reset ends every session of the account, and every other reset link still in the mailbox", async () => {
    const s = await createTestStudio(t.db);
    const phone = await startDeviceSession(t.db, { userId: s.owner.userId, userAgent: "phone", ip: null, now });
    await requestPasswordReset(t.db, { email: s.owner.email, now, appUrl: "http://stride.test" });
    await requestPasswordReset(t.db, { email: s.owner.email, now: later(1000), appUrl: "http://stride.test" });
    const [first, second] = await resetLinksTo(s.owner.email);
    await resetPassword(t.db, { token: second!, password: NEW_PASSWORD, now: later(2000) });
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 1, sid: phone })).toBe(false);
    const [owner] = await t.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, s.owner.userId));
    expect(owner!.sessionVersion).toBe(2);
    await expect(resetPassword(t.db, { token: first!, password: "another choice!", now: later(3000) })).rejects.toThrow(/already used/);
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const s = await createTestStudio(t.db);
    const anonymous = callerFor(t.db, null);
    const known = await anonymous.auth.requestPasswordReset({ email: s.clientB.email });
    const unknown = await anonymous.auth.requestPasswordReset({ email: `ghost-${s.studioId}@example.test` });
    expect(unknown).toEqual(known);
    expect(await resetLinksTo(`ghost-${s.studioId}@example.test`)).toEqual([]);
    expect(await resetLinksTo(s.clientB.email)).toHaveLength(1);
  });

  it("five requests per address in 15 minutes, then a sentence saying when to try again", async () => {
    const s = await createTestStudio(t.db);
    for (let i = 0; i < 5; i++) await requestPasswordReset(t.db, { email: s.clientB.email, now: later(i * 1000), appUrl: "http://stride.test" });
    await expect(requestPasswordReset(t.db, { email: s.clientB.email, now: later(10_000), appUrl: "http://stride.test" })).rejects.toThrow(
      "Too many reset links requested for this email. Try again in 15 minutes.",
    );
    expect(await resetLinksTo(s.clientB.email)).toHaveLength(5);
    await requestPasswordReset(t.db, { email: s.clientB.email, now: later(15 * 60_000 + 1000), appUrl: "http://stride.test" });
    expect(await resetLinksTo(s.clientB.email)).toHaveLength(6);
  });

  it("refuses a new password the invite would refuse, beside its field, and spends nothing", async () => {
    const s = await createTestStudio(t.db);
    await requestPasswordReset(t.db, { email: s.clientA.email, now: new Date(), appUrl: "http://stride.test" });
    const [token] = await resetLinksTo(s.clientA.email);
    expect(await refusalOf(callerFor(t.db, null).auth.resetPassword({ token: token!, password: "short" }), "auth.resetPassword")).toMatchObject({
      code: "BAD_REQUEST",
      fields: { password: "Choose a password of at least 10 characters." },
    });
    expect(await refusalOf(callerFor(t.db, null).auth.resetPassword({ token: "not a link", password: NEW_PASSWORD }), "auth.resetPassword")).toMatchObject({
      message: "This reset link has expired or was already used. Ask for a new one.",
    });
    await callerFor(t.db, null).auth.resetPassword({ token: token!, password: NEW_PASSWORD });
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: NEW_PASSWORD, ip: null, now: new Date() })).resolves.toMatchObject({ id: s.clientA.userId });
  });
});
