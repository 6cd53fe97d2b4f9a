import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { ADDRESS_JUST_TAKEN } from "@/server/auth/email-change";
import { isSessionCurrent, signInWithPassword } from "@/server/auth/service";
import { rowsOf } from "@/server/db/raw-rows";
import { bookSession } from "@/server/booking/service";
import { creditBalance } from "@/server/credits/service";
import { authSessions, bookings, clients, emailChanges, outbox, practiceSessions, users } from "@/server/db/schema";
import { outboxEntryFor } from "@/server/outbox/rules";
import { london, makeBookable } from "~test/booking-factories";
import { callerFor } from "~test/caller";
import { setupTestDatabase, testDbKind } from "~test/db";
import { createTestStudio, TEST_PASSWORD } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { freshSession } from "~test/training-fixtures";

const t = setupTestDatabase();

async function userRow(userId: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, userId));
  return row!;
}

async function emailsTo(email: string, kind: string) {
  return t.db.select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.kind, kind)));
}

const tokenOf = (text: string) => text.match(/confirm-email\?token=([\w-]+)/)![1]!;

describe("name, time zone and distance unit", () => {
  it("are saved, and a client's name is the studio's name for them too", async () => {
    const s = await createTestStudio(t.db);
    const me = callerFor(t.db, s.clientA.userId);
    const saved = await me.account.updateProfile({ name: "  Alexandra Reed ", timeZone: "America/New_York", distanceUnit: "mi" });
    expect(saved).toMatchObject({ name: "Alexandra Reed", timeZone: "America/New_York", distanceUnit: "mi", email: s.clientA.email, hasPassword: true, pendingEmailChange: null });
    const [client] = await t.db.select().from(clients).where(eq(clients.id, s.clientA.clientId));
    expect(client!.name).toBe("Alexandra Reed");
    // null: back to the studio's unit.
    expect(await me.account.updateProfile({ name: "Alexandra Reed", timeZone: "America/New_York", distanceUnit: null })).toMatchObject({ distanceUnit: null });
  });

  it("refuses a zone that does not exist and an empty name, each beside its field, and changes nothing", async () => {
    const s = await createTestStudio(t.db);
    const me = callerFor(t.db, s.trainer.userId);
    const before = await userRow(s.trainer.userId);
    expect(await refusalOf(me.account.updateProfile({ name: "Pat", timeZone: "Mars/Olympus", distanceUnit: null }), "account.updateProfile")).toMatchObject({
      fields: { timeZone: "Pick your time zone from the list." },
    });
    expect(await refusalOf(me.account.updateProfile({ name: "   ", timeZone: "UTC", distanceUnit: "km" }), "account.updateProfile")).toMatchObject({
      fields: { name: "Enter your name." },
    });
    expect(await refusalOf(me.account.updateProfile({ name: "Pat", timeZone: "UTC", distanceUnit: "furlongs" as never }), "account.updateProfile")).toMatchObject({
      fields: { distanceUnit: "Pick kilometres, miles or the studio's unit." },
    });
    expect(await userRow(s.trainer.userId)).toEqual(before);
  });
});

describe("changing the password", () => {
  it("needs the current password: a wrong one is refused beside its field and changes nothing", async () => {
    const s = await createTestStudio(t.db);
    const before = await userRow(s.owner.userId);
    expect(
      await refusalOf(callerFor(t.db, s.owner.userId).account.changePassword({ currentPassword: "not it at all", newPassword: "a new long password" }), "account.changePassword"),
    ).toMatchObject({ code: "BAD_REQUEST", fields: { currentPassword: "That is not your current password." } });
    expect(
      await refusalOf(callerFor(t.db, s.owner.userId).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" }), "account.changePassword"),
    ).toMatchObject({ fields: { newPassword: "Choose a password of at least 10 characters." } });
    expect(await userRow(s.owner.userId)).toEqual(before);
  });

  it("with it, sets the new one and signs out the other devices, not this one", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    const laptop = await startDeviceSession(t.db, { userId: s.clientB.userId, userAgent: "laptop", ip: null, now });
    const phone = await startDeviceSession(t.db, { userId: s.clientB.userId, userAgent: "phone", ip: null, now });
    await callerFor(t.db, s.clientB.userId, { deviceSessionId: laptop }).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a new long password" });
    await expect(signInWithPassword(t.db, { email: s.clientB.email, password: "a new long password", ip: null, now })).resolves.toMatchObject({ id: s.clientB.userId });
    expect(await isSessionCurrent(t.db, { uid: s.clientB.userId, sv: 1, sid: laptop })).toBe(true);
    expect(await isSessionCurrent(t.db, { uid: s.clientB.userId, sv: 1, sid: phone })).toBe(false);
  });
  it("wrong current passwords are throttled per account like sign-in: the eleventh try waits, with a sentence saying how long", async () => {
    const s = await createTestStudio(t.db);
    const start = new Date("2026-11-24T12:00:00Z");
    const at = (minutes: number) => callerFor(t.db, s.clientB.userId, { now: () => new Date(start.getTime() + minutes * 60_000) }).account;
    // The right one before the limit forgives the failures before it.
    for (let i = 0; i < 9; i++) await expect(at(0).changePassword({ currentPassword: `guess number ${i}`, newPassword: "a new long password" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await at(1).changePassword({ currentPassword: TEST_PASSWORD, newPassword: "second long password" });
    for (let i = 0; i < 10; i++) await expect(at(2).changePassword({ currentPassword: `guess number ${i}`, newPassword: "a new long password" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const before = await userRow(s.clientB.userId);
    // Locked now, even with the right password, for 15 minutes after the first of the ten.
    expect(await refusalOf(at(5).changePassword({ currentPassword: "second long password", newPassword: "third long password" }), "account.changePassword")).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many wrong current passwords for this account. Try again in 12 minutes.",
      fields: {},
    });
    expect(await userRow(s.clientB.userId)).toEqual(before);
    // Another person's tries are their own; and signing in is a separate count.
    await callerFor(t.db, s.clientA.userId).account.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "clienta long password" });
    await expect(signInWithPassword(t.db, { email: s.clientB.email, password: "second long password", ip: null, now: new Date(start.getTime() + 5 * 60_000) })).resolves.toMatchObject({ id: s.clientB.userId });
    // Once the window has passed, the right password works again.
    await at(17).changePassword({ currentPassword: "second long password", newPassword: "third long password" });
    await expect(signInWithPassword(t.db, { email: s.clientB.email, password: "third long password", ip: null, now: new Date(start.getTime() + 18 * 60_000) })).resolves.toMatchObject({ id: s.clientB.userId });
  });
});

describe("changing the sign-in address", () => {
  it("waits for the new address to confirm, tells the old one, and then swaps the address and nothing else", async () => {
    const s = await createTestStudio(t.db);
    const me = callerFor(t.db, s.clientA.userId);
    const laptop = await startDeviceSession(t.db, { userId: s.clientA.userId, userAgent: "laptop", ip: null, now: new Date() });
    const newEmail = `moved-${s.studioId}@example.test`;
    await me.account.requestEmailChange({ newEmail: newEmail.toUpperCase() });

    // Nothing changes yet; the link went to the new address, for its reader alone; the old one is told.
    expect((await userRow(s.clientA.userId)).email).toBe(s.clientA.email);
    expect((await me.account.get()).pendingEmailChange).toMatchObject({ newEmail });
    const [link] = await emailsTo(newEmail, "email_change_confirm");
    expect(link!.carriesCredential).toBe(true);
    expect(outboxEntryFor(link!, { email: s.trainer.email }).text).toBeNull();
    const [notice] = await emailsTo(s.clientA.email, "email_change_requested");
    expect(notice!.text).toContain(newEmail);
    expect(notice!.text).not.toContain("token=");
    const stored = await t.db.select().from(emailChanges).where(eq(emailChanges.userId, s.clientA.userId));
    expect(stored[0]!.tokenHash).not.toContain(tokenOf(link!.text));

    const result = await me.account.confirmEmailChange({ token: tokenOf(link!.text) });
    expect(result).toEqual({ email: newEmail });
    expect((await userRow(s.clientA.userId)).email).toBe(newEmail);
    const [client] = await t.db.select().from(clients).where(eq(clients.id, s.clientA.clientId));
    expect(client!.email).toBe(newEmail);
    expect(await emailsTo(s.clientA.email, "email_change_done")).toHaveLength(1);
    // Signed in as before, with the same password under the new address.
    expect(await isSessionCurrent(t.db, { uid: s.clientA.userId, sv: 1, sid: laptop })).toBe(true);
    await expect(signInWithPassword(t.db, { email: newEmail, password: TEST_PASSWORD, ip: null, now: new Date() })).resolves.toMatchObject({ id: s.clientA.userId });
    // Single use.
    expect(await refusalOf(me.account.confirmEmailChange({ token: tokenOf(link!.text) }), "account.confirmEmailChange")).toMatchObject({ code: "NOT_FOUND" });
  });

  it("another person can neither confirm nor cancel someone else's change", async () => {
    const s = await createTestStudio(t.db);
    const newEmail = `mine-${s.studioId}@example.test`;
    await callerFor(t.db, s.clientA.userId).account.requestEmailChange({ newEmail });
    const [link] = await emailsTo(newEmail, "email_change_confirm");
    const other = callerFor(t.db, s.clientB.userId);
    expect(await refusalOf(other.account.confirmEmailChange({ token: tokenOf(link!.text) }), "account.confirmEmailChange")).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/is for another account/),
    });
    expect(await other.account.cancelEmailChange()).toEqual({ isCancelled: false });
    expect((await userRow(s.clientB.userId)).email).toBe(s.clientB.email);
    expect((await callerFor(t.db, s.clientA.userId).account.get()).pendingEmailChange).toMatchObject({ newEmail });
    await expect(callerFor(t.db, null).account.confirmEmailChange({ token: tokenOf(link!.text) })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // The person themselves can cancel it, and the link then stops working.
    expect(await callerFor(t.db, s.clientA.userId).account.cancelEmailChange()).toEqual({ isCancelled: true });
    expect(await refusalOf(callerFor(t.db, s.clientA.userId).account.confirmEmailChange({ token: tokenOf(link!.text) }), "account.confirmEmailChange")).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await userRow(s.clientA.userId)).email).toBe(s.clientA.email);
  });

  it("an address another account took meanwhile is answered with a sentence, and nothing changes", async () => {
    const s = await createTestStudio(t.db);
    const wanted = `wanted-${s.studioId}@example.test`;
    await callerFor(t.db, s.trainer.userId).account.requestEmailChange({ newEmail: wanted });
    await t.db.update(users).set({ email: wanted }).where(eq(users.id, s.owner.userId));
    const [link] = await emailsTo(wanted, "email_change_confirm");
    expect(await refusalOf(callerFor(t.db, s.trainer.userId).account.confirmEmailChange({ token: tokenOf(link!.text) }), "account.confirmEmailChange")).toMatchObject({
      code: "CONFLICT",
      message: `${wanted} is already the address of another Stride account, so it cannot be yours too. Ask for a change to another address.`,
    });
    expect((await userRow(s.trainer.userId)).email).toBe(s.trainer.email);
  });

  // Two people ask for the same new address (both links go to it) and both confirm at once.
  async function twoWaitingFor(wanted: string) {
    const s = await createTestStudio(t.db);
    const people = [s.trainer.userId, s.clientA.userId];
    for (const userId of people) await callerFor(t.db, userId).account.requestEmailChange({ newEmail: wanted });
    const links = await emailsTo(wanted, "email_change_confirm");
    const tokenOfUser = new Map(links.map((l) => [l.text.includes(`Hi ${s.trainer.name},`) ? s.trainer.userId : s.clientA.userId, tokenOf(l.text)]));
    const confirm = (userId: string) => callerFor(t.db, userId).account.confirmEmailChange({ token: tokenOfUser.get(userId)! });
    return { s, people, confirm };
  }

  async function expectOneWinner(s: Awaited<ReturnType<typeof createTestStudio>>, people: string[], wanted: string, results: PromiseSettledResult<unknown>[], loserMessage: RegExp | string) {
    const won = results.findIndex((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const refusal = await refusalOf(Promise.reject(lost.reason), "account.confirmEmailChange");
    expect(refusal).toMatchObject({ code: "CONFLICT", fields: {} });
    expect(refusal.message).toMatch(loserMessage);
    const winner = people[won]!;
    const loser = people[1 - won]!;
    expect((await userRow(winner)).email).toBe(wanted);
    // The loser's account is as it was: same address (and client record), their change still waiting, no "changed" notice.
    const loserBefore = loser === s.trainer.userId ? s.trainer.email : s.clientA.email;
    expect((await userRow(loser)).email).toBe(loserBefore);
    if (loser === s.clientA.userId) expect((await t.db.select().from(clients).where(eq(clients.id, s.clientA.clientId)))[0]!.email).toBe(s.clientA.email);
    expect((await callerFor(t.db, loser).account.get()).pendingEmailChange).toMatchObject({ newEmail: wanted });
    expect(await emailsTo(loserBefore, "email_change_done")).toEqual([]);
  }

  it("two accounts confirming one address at the same time: one gets it, the other a sentence, and nothing of theirs changes", async () => {
    const wanted = `both-${crypto.randomUUID()}@example.test`;
    const { s, people, confirm } = await twoWaitingFor(wanted);
    const results = await Promise.allSettled(people.map(confirm));
    // On PGlite (one query at a time) the second always finds the address taken; on PostgreSQL either may happen.
    await expectOneWinner(s, people, wanted, results, /another (Stride )?account/);
  });

  // PostgreSQL only: PGlite runs one connection, so two transactions can never both be past
  // the check before either writes; the PGlite run covers the race it can have, above.
  it.runIf(testDbKind === "postgres")("on PostgreSQL, when both pass the check before either writes, the unique key decides and the loser is told in a sentence", async () => {
    const wanted = `race-${crypto.randomUUID()}@example.test`;
    const { s, people, confirm } = await twoWaitingFor(wanted);
    // Holding both accounts' rows makes both confirmations wait at their write, each past the
    // check that found the address free; letting go starts both writes at the same instant.
    let confirming: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await t.db.transaction(async (tx) => {
      await tx.select({ id: users.id }).from(users).where(inArray(users.id, people)).for("update");
      confirming = Promise.allSettled(people.map(confirm));
      for (let waited = 0; ; waited += 20) {
        const [row] = await rowsOf<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update "users" set "email"%'`,
        );
        if ((row?.n ?? 0) >= 2) break;
        if (waited > 10_000) throw new Error("the two confirmations never reached their write");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await expectOneWinner(s, people, wanted, await confirming!, ADDRESS_JUST_TAKEN);
  });

  it("refuses the current address and a malformed one beside the field, and sends nothing", async () => {
    const s = await createTestStudio(t.db);
    const me = callerFor(t.db, s.owner.userId);
    expect(await refusalOf(me.account.requestEmailChange({ newEmail: s.owner.email.toUpperCase() }), "account.requestEmailChange")).toMatchObject({
      fields: { newEmail: "That is already your sign-in address. Type the new one." },
    });
    expect(await refusalOf(me.account.requestEmailChange({ newEmail: "not an address" }), "account.requestEmailChange")).toMatchObject({
      fields: { newEmail: "Enter an email address such as runner@example.com." },
    });
    expect(await t.db.select().from(emailChanges).where(eq(emailChanges.userId, s.owner.userId))).toEqual([]);
  });

  it("a link expires after a day, and a new request replaces the last", async () => {
    const s = await createTestStudio(t.db);
    const asked = new Date("2026-11-24T12:00:00Z");
    const me = (at: Date) => callerFor(t.db, s.clientB.userId, { now: () => at });
    await me(asked).account.requestEmailChange({ newEmail: `first-${s.studioId}@example.test` });
    const [first] = await emailsTo(`first-${s.studioId}@example.test`, "email_change_confirm");
    const dayLater = new Date(asked.getTime() + 24 * 3_600_000);
    await expect(me(dayLater).account.confirmEmailChange({ token: tokenOf(first!.text) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await me(dayLater).account.requestEmailChange({ newEmail: `second-${s.studioId}@example.test` });
    await expect(me(dayLater).account.confirmEmailChange({ token: tokenOf(first!.text) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [second] = await emailsTo(`second-${s.studioId}@example.test`, "email_change_confirm");
    await expect(me(dayLater).account.confirmEmailChange({ token: tokenOf(second!.text) })).resolves.toEqual({ email: `second-${s.studioId}@example.test` });
  });
});

describe("signed-in devices", () => {
  it("lists the person's devices with this one marked, and signing one out ends exactly that device", async () => {
    const s = await createTestStudio(t.db);
    const now = new Date();
    const firefox = await startDeviceSession(t.db, { userId: s.trainer.userId, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ip: "198.51.100.4", now });
    const phone = await startDeviceSession(t.db, { userId: s.trainer.userId, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1", ip: null, now });
    const tablet = await startDeviceSession(t.db, { userId: s.trainer.userId, userAgent: null, ip: null, now });
    const others = await startDeviceSession(t.db, { userId: s.owner.userId, userAgent: "owner's", ip: null, now });
    const me = callerFor(t.db, s.trainer.userId, { deviceSessionId: firefox });
    const devices = await me.account.devices();
    expect(devices.map((d) => [d.label, d.isThisDevice]).sort()).toEqual([["Firefox on Linux", true], ["Safari on iPhone", false], ["Unknown device", false]]);

    expect(await me.account.signOutDevice({ deviceId: phone })).toEqual({ isSignedOut: true });
    expect(await isSessionCurrent(t.db, { uid: s.trainer.userId, sv: 1, sid: phone })).toBe(false);
    for (const sid of [firefox, tablet]) expect(await isSessionCurrent(t.db, { uid: s.trainer.userId, sv: 1, sid })).toBe(true);

    // Another person's device is answered like a missing one, and stays signed in.
    expect(await refusalOf(me.account.signOutDevice({ deviceId: others }), "account.signOutDevice")).toMatchObject({ code: "NOT_FOUND" });
    expect(await isSessionCurrent(t.db, { uid: s.owner.userId, sv: 1, sid: others })).toBe(true);
  });
});

describe("a client deletes their own account", () => {
  it("asks for their name typed, then follows the studio's deletion rule and tells their coach and the owner", async () => {
    const s = await createTestStudio(t.db);
    await freshSession(t.db, s);
    const me = callerFor(t.db, s.clientA.userId);
    expect(await refusalOf(me.account.deleteMine({ confirmName: "someone else" }), "account.deleteMine")).toMatchObject({
      fields: { confirmName: `Type your name, ${s.clientA.name}, exactly as shown to confirm.` },
    });
    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.clientId, s.clientA.clientId))).toHaveLength(1);

    // What they type is the studio's name for them, even where their own differs.
    await t.db.update(users).set({ name: "Ali" }).where(eq(users.id, s.clientA.userId));
    expect((await me.account.get()).nameAtStudio).toBe(s.clientA.name);
    const phone = await startDeviceSession(t.db, { userId: s.clientA.userId, userAgent: "phone", ip: null, now: new Date() });
    const movingTo = `moving-${s.studioId}@example.test`;
    await me.account.requestEmailChange({ newEmail: movingTo });
    await me.account.deleteMine({ confirmName: s.clientA.name.toLowerCase() });

    const [client] = await t.db.select().from(clients).where(eq(clients.id, s.clientA.clientId));
    expect(client).toMatchObject({ name: "Deleted client", status: "archived", deletedByMemberId: null, isDeletedBySelf: true });
    expect(await t.db.select().from(practiceSessions).where(eq(practiceSessions.clientId, s.clientA.clientId))).toEqual([]);
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, s.clientA.userId))).toEqual([]);
    expect(await isSessionCurrent(t.db, { uid: s.clientA.userId, sv: 1, sid: phone })).toBe(false);
    expect(await t.db.select().from(outbox).where(eq(outbox.toEmail, s.clientA.email))).toEqual([]);
    expect(await t.db.select().from(outbox).where(eq(outbox.toEmail, movingTo))).toEqual([]);
    expect(await t.db.select().from(emailChanges).where(eq(emailChanges.userId, s.clientA.userId))).toEqual([]);
    await expect(signInWithPassword(t.db, { email: s.clientA.email, password: TEST_PASSWORD, ip: null, now: new Date() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const [toCoach] = await emailsTo(s.trainer.email, "client_deleted_account");
    expect(toCoach!.text).toContain(`${s.clientA.name}, whom you coach, has deleted their Stride account.`);
    expect(await emailsTo(s.owner.email, "client_deleted_account")).toHaveLength(1);
    // The other client is untouched.
    expect((await callerFor(t.db, s.clientB.userId).portal.me()).id).toBe(s.clientB.clientId);
  });

  it("their upcoming bookings are cancelled as by them, yet free even inside the window: the credit comes back, nothing is charged", async () => {
    const s = await createTestStudio(t.db);
    const { creditType, moneyType } = await makeBookable(t.db, s, { credits: 2 });
    const now = london("2027-03-03T09:00");
    const actor = { by: "client" as const, clientId: s.clientA.clientId };
    // Two hours away: cancelling it herself would use up the credit, and charge the paid one.
    const byCredit = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start: london("2027-03-03T11:00"), now, actor });
    const paid = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: moneyType.id, clientId: s.clientA.clientId, start: london("2027-03-03T14:00"), now, actor });
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(1);
    await callerFor(t.db, s.clientA.userId, { now: () => now }).account.deleteMine({ confirmName: s.clientA.name });
    const rows = await t.db.select().from(bookings).where(inArray(bookings.id, [byCredit.id, paid.id]));
    expect(rows.map((b) => ({ status: b.status, cancelledBy: b.cancelledBy, creditForfeited: b.creditForfeited, lateFee: b.lateFeeAmountMinor }))).toEqual([
      { status: "cancelled", cancelledBy: "client", creditForfeited: 0, lateFee: null },
      { status: "cancelled", cancelledBy: "client", creditForfeited: 0, lateFee: null },
    ]);
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(2);
  });

  it("is for clients only: a trainer is refused", async () => {
    const s = await createTestStudio(t.db);
    await expect(callerFor(t.db, s.trainer.userId).account.deleteMine({ confirmName: s.trainer.name })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
