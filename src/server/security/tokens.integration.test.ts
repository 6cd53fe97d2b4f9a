import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consumeMagicLink, requestMagicLink } from "@/server/auth/service";
import { acceptInvite } from "@/server/clients/service";
import { authTokens, outbox } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";

const t = setupTestDatabase();
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

async function emailedToken(to: string, pattern: RegExp) {
  const mails = await t.db.select().from(outbox).where(eq(outbox.toEmail, to));
  const token = mails.map((m) => pattern.exec(m.text)?.[1]).find(Boolean);
  expect(token, `a link was emailed to ${to}`).toBeTruthy();
  return token!;
}

// A database leak must not hand out working links: the row holds the hash, never the token.
describe("emailed links are stored hashed and work once", () => {
  it("an invite link: only its SHA-256 is stored, it works once, and a resend kills the old one", async () => {
    const s = await createTestStudio(t.db);
    const trainer = callerFor(t.db, s.trainer.userId);
    const email = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await trainer.client.invite({ name: "Ola Invitee", email });
    const first = await emailedToken(email, /invite\?token=([\w-]+)/);

    const rows = await t.db.select().from(authTokens).where(and(eq(authTokens.purpose, "invite"), eq(authTokens.subjectId, invited.id)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(first);
    expect(rows[0]!.tokenHash).toBe(sha256(first));

    await trainer.client.resendInvite({ clientId: invited.id });
    const mails = await t.db.select().from(outbox).where(eq(outbox.toEmail, email));
    const second = mails.map((m) => /invite\?token=([\w-]+)/.exec(m.text)?.[1]).find((x) => x && x !== first)!;
    expect(second).toBeTruthy();
    await expect(acceptInvite(t.db, { token: first, password: "a long password", timeZone: "UTC", now: new Date() })).rejects.toThrow(/expired or was already used/);

    await acceptInvite(t.db, { token: second, password: "a long password", timeZone: "UTC", now: new Date() });
    await expect(acceptInvite(t.db, { token: second, password: "another password", timeZone: "UTC", now: new Date() })).rejects.toThrow(/expired or was already used/);
    const after = await t.db.select().from(authTokens).where(eq(authTokens.subjectId, invited.id));
    for (const row of after) expect(JSON.stringify(row)).not.toMatch(new RegExp(`${first}|${second}`));
  });

  it("a magic link: only its SHA-256 is stored, and two tabs opening it at once sign in once", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    await requestMagicLink(t.db, { email: s.clientA.email, ip: null, now, appUrl: "http://stride.test" });
    const token = await emailedToken(s.clientA.email, /magic-link\?token=([\w-]+)/);

    const [row] = await t.db.select().from(authTokens).where(and(eq(authTokens.purpose, "magic_link"), eq(authTokens.userId, s.clientA.userId)));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.tokenHash).toBe(sha256(token));

    const results = await Promise.allSettled([consumeMagicLink(t.db, { token, now }), consumeMagicLink(t.db, { token, now })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: expect.stringMatching(/expired or was already used/) } });
  });
});
