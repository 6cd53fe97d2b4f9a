import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Context } from "@/server/api/trpc";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { isSessionCurrent, signInWithPassword } from "@/server/auth/service";
import { hashToken } from "@/server/auth/tokens";
import { loadViewer } from "@/server/auth/viewer";
import { bookSession } from "@/server/booking/service";
import { creditBalance } from "@/server/credits/service";
import { authSessions, bookings, clients, outbox, sessionReviews, staffInvites, studioMembers, studios, users } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { refusalOf } from "~test/refusal";
import { makeBookable } from "~test/booking-factories";
import { createTestStudio, TEST_PASSWORD, type TestStudio } from "~test/factories";
import { freshSession } from "~test/training-fixtures";
import { LAST_OWNER_MESSAGE } from "./rules";
import { acceptStaffInvite, previewStaffInvite, STAFF_INVITE_INVALID } from "./service";

const t = setupTestDatabase();
const freshEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** The message and the sentence beside each field, as the person would be shown a refused call. */
const refusal = (promise: Promise<unknown>) => refusalOf(promise, "staff");

function ownerOf(s: TestStudio, overrides: Partial<Context> = {}) {
  return callerFor(t.db, s.owner.userId, overrides).staff;
}

/** The token of the newest staff invite emailed to `to` (as its addressee reads it). */
async function tokenSentTo(to: string) {
  const mails = await t.db.select().from(outbox).where(and(eq(outbox.toEmail, to), eq(outbox.kind, "staff_invite")));
  const newest = mails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return newest?.text.match(/staff-invite\?token=([\w-]+)/)?.[1];
}

async function inviteAndAccept(s: TestStudio, name = "Ada Stone") {
  const email = freshEmail("ada");
  await ownerOf(s).invite({ email });
  const token = (await tokenSentTo(email))!;
  await acceptStaffInvite(t.db, { token, name, password: TEST_PASSWORD, timeZone: "Europe/Berlin", now: new Date() });
  const [member] = await t.db.select({ id: studioMembers.id, userId: studioMembers.userId }).from(studioMembers).innerJoin(users, eq(users.id, studioMembers.userId)).where(eq(users.email, email));
  return { email, memberId: member!.id, userId: member!.userId };
}

describe("inviting a trainer", () => {
  it("emails a single-use link through the outbox, hands it to the inviting owner without a mail server, and the invitee joins as a trainer", async () => {
    const s = await createTestStudio(t.db, "staff-invite");
    const email = freshEmail("Jo.Coach");
    const sent = await ownerOf(s).invite({ email: email.toUpperCase() });
    expect(sent.email).toBe(email.toLowerCase());
    expect(sent.inviteLink).toMatch(/^http:\/\/localhost:3000\/staff-invite\?token=/);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.toEmail, email.toLowerCase()));
    expect(mail).toMatchObject({ kind: "staff_invite", carriesCredential: true, subject: `${s.owner.name} invited you to coach at Test staff-invite` });
    // Only the hash is stored.
    const token = new URL(sent.inviteLink!).searchParams.get("token")!;
    const [row] = await t.db.select().from(staffInvites).where(eq(staffInvites.id, sent.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // With a mail server the owner gets no link back.
    expect((await ownerOf(s, { hasMailServer: true }).invite({ email: freshEmail("mailed") })).inviteLink).toBeNull();

    expect(await previewStaffInvite(t.db, token, new Date())).toMatchObject({ email: email.toLowerCase(), studioName: "Test staff-invite", hasAccount: false });
    const list = await ownerOf(s).list();
    expect(list.find((p) => p.id === sent.id)).toMatchObject({ kind: "invite", status: "invited", email: email.toLowerCase() });

    await acceptStaffInvite(t.db, { token, name: "Jo Coach", password: TEST_PASSWORD, timeZone: "Europe/Berlin", now: new Date() });
    const joined = await signInWithPassword(t.db, { email, password: TEST_PASSWORD, ip: null, now: new Date() });
    expect(await loadViewer(t.db, joined.id)).toMatchObject({ kind: "trainer", role: "trainer", studioId: s.studioId, name: "Jo Coach", timeZone: "Europe/Berlin" });
    const after = await ownerOf(s).list();
    expect(after.find((p) => p.email === email.toLowerCase())).toMatchObject({ kind: "member", status: "active", role: "trainer", name: "Jo Coach", clients: [] });

    // The link worked once.
    await expect(acceptStaffInvite(t.db, { token, name: "Again", password: TEST_PASSWORD, timeZone: "UTC", now: new Date() })).rejects.toThrow(STAFF_INVITE_INVALID);
    expect(await previewStaffInvite(t.db, token, new Date())).toBeNull();
  });

  it("refuses an expired link, a resent invite's old link and a withdrawn one", async () => {
    const s = await createTestStudio(t.db, "staff-expired");
    const email = freshEmail("late");
    const { id } = await ownerOf(s).invite({ email });
    const first = (await tokenSentTo(email))!;
    const eightDays = new Date(Date.now() + 8 * 86_400_000);
    expect(await previewStaffInvite(t.db, first, eightDays)).toBeNull();
    await expect(acceptStaffInvite(t.db, { token: first, name: "Late", password: TEST_PASSWORD, timeZone: "UTC", now: eightDays })).rejects.toThrow(STAFF_INVITE_INVALID);

    expect(await ownerOf(s).resendInvite({ inviteId: id })).toEqual({ id, email });
    const second = (await tokenSentTo(email))!;
    expect(second).not.toBe(first);
    await expect(acceptStaffInvite(t.db, { token: first, name: "Late", password: TEST_PASSWORD, timeZone: "UTC", now: new Date() })).rejects.toThrow(STAFF_INVITE_INVALID);

    await ownerOf(s).revokeInvite({ inviteId: id });
    await expect(acceptStaffInvite(t.db, { token: second, name: "Late", password: TEST_PASSWORD, timeZone: "UTC", now: new Date() })).rejects.toThrow(STAFF_INVITE_INVALID);
    expect((await ownerOf(s).list()).some((p) => p.id === id)).toBe(false);
    expect(await refusal(ownerOf(s).revokeInvite({ inviteId: id }))).toMatchObject({ message: `The invite to ${email} was withdrawn; invite the address again.` });
    // Withdrawn, the address can be invited again.
    expect((await ownerOf(s).invite({ email })).email).toBe(email);
  });

  it("refuses an address that already has a role anywhere, and a second invite to a waiting address, each beside the field", async () => {
    const s = await createTestStudio(t.db, "staff-one-role");
    const other = await createTestStudio(t.db, "staff-one-role-other");
    const oneRole = "This address already belongs to a trainer or a client on Stride, and one person has one role. Invite another address.";
    for (const email of [s.trainer.email, s.clientA.email, other.owner.email, other.clientB.email]) {
      expect(await refusal(ownerOf(s).invite({ email }))).toMatchObject({ code: "CONFLICT", fields: { email: oneRole } });
    }
    // An invited client (no login yet) holds the address too.
    const invitedClient = freshEmail("invited-client");
    await callerFor(t.db, s.trainer.userId).client.invite({ name: "Invited Client", email: invitedClient });
    expect((await refusal(ownerOf(s).invite({ email: invitedClient }))).fields.email).toBe(oneRole);
    const waiting = freshEmail("waiting");
    await ownerOf(s).invite({ email: waiting });
    expect((await refusal(ownerOf(s).invite({ email: waiting }))).fields.email).toBe("This address already has an invite waiting; send it again from the list below.");
    expect(await refusal(ownerOf(s).invite({ email: "not an address" }))).toMatchObject({ code: "BAD_REQUEST", fields: { email: "Enter an email address such as runner@example.com." } });
    // Nothing was written for the refusals.
    expect(await t.db.select().from(staffInvites).where(eq(staffInvites.studioId, s.studioId))).toHaveLength(1);
  });

  it("an address that became a client after the invite was sent cannot accept it", async () => {
    const s = await createTestStudio(t.db, "staff-race");
    const email = freshEmail("both");
    await ownerOf(s).invite({ email });
    const token = (await tokenSentTo(email))!;
    await callerFor(t.db, s.trainer.userId).client.invite({ name: "Both Ways", email });
    await expect(acceptStaffInvite(t.db, { token, name: "Both", password: TEST_PASSWORD, timeZone: "UTC", now: new Date() })).rejects.toThrow(/one person has one role/);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("an existing Stride account with no role joins with its own password, and a wrong password changes nothing", async () => {
    const s = await createTestStudio(t.db, "staff-existing");
    const email = freshEmail("existing");
    const [user] = await t.db
      .insert(users)
      .values({ email, name: "Kim Existing", passwordHash: (await t.db.select().from(users).where(eq(users.id, s.owner.userId)))[0]!.passwordHash })
      .returning();
    await ownerOf(s).invite({ email });
    const token = (await tokenSentTo(email))!;
    expect(await previewStaffInvite(t.db, token, new Date())).toMatchObject({ hasAccount: true });
    await expect(acceptStaffInvite(t.db, { token, password: "not the password", timeZone: "UTC", now: new Date() })).rejects.toThrow("That is not the password of the Stride account with this address.");
    expect(await previewStaffInvite(t.db, token, new Date())).not.toBeNull();
    await acceptStaffInvite(t.db, { token, password: TEST_PASSWORD, timeZone: "UTC", now: new Date() });
    expect(await loadViewer(t.db, user!.id)).toMatchObject({ kind: "trainer", name: "Kim Existing", studioId: s.studioId });
  });
});

describe("changing roles", () => {
  it("makes a trainer an owner and back, and never leaves the studio without an active owner", async () => {
    const s = await createTestStudio(t.db, "staff-roles");
    const staff = ownerOf(s);
    expect(await refusal(staff.changeRole({ memberId: s.owner.memberId, role: "trainer" }))).toMatchObject({ code: "PRECONDITION_FAILED", fields: { role: LAST_OWNER_MESSAGE } });
    await staff.changeRole({ memberId: s.trainer.memberId, role: "owner" });
    expect(await loadViewer(t.db, s.trainer.userId)).toMatchObject({ role: "owner" });
    // Two owners now: the first may step down, and the new owner is then the last one.
    await staff.changeRole({ memberId: s.owner.memberId, role: "trainer" });
    const newOwner = callerFor(t.db, s.trainer.userId).staff;
    expect((await refusal(newOwner.changeRole({ memberId: s.trainer.memberId, role: "trainer" }))).message).toBe(LAST_OWNER_MESSAGE);
    // The former owner is a trainer now: the staff page is no longer theirs.
    expect((await refusal(staff.list())).code).toBe("FORBIDDEN");
    expect((await newOwner.list()).filter((p) => p.role === "owner").map((p) => p.id)).toEqual([s.trainer.memberId]);
  });

  it("two owners stepping down at once leave one owner (the member rows are locked)", async () => {
    const s = await createTestStudio(t.db, "staff-roles-race");
    await ownerOf(s).changeRole({ memberId: s.trainer.memberId, role: "owner" });
    const results = await Promise.allSettled([
      ownerOf(s).changeRole({ memberId: s.owner.memberId, role: "trainer" }),
      callerFor(t.db, s.trainer.userId).staff.changeRole({ memberId: s.trainer.memberId, role: "trainer" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await t.db.select().from(studioMembers).where(and(eq(studioMembers.studioId, s.studioId), eq(studioMembers.role, "owner")));
    expect(owners).toHaveLength(1);
  });
});

describe("deactivating a trainer", () => {
  it("hands their clients over, cancels their upcoming sessions, signs them out at once, and keeps every client's history", async () => {
    const s = await createTestStudio(t.db, "staff-deactivate");
    const { sessionId } = await freshSession(t.db, s);
    await callerFor(t.db, s.trainer.userId).review.save({ sessionId, feedback: "Steady on both sides." });
    await t.db.update(studios).set({ defaultCoachId: s.trainer.memberId }).where(eq(studios.id, s.studioId));
    const ada = await inviteAndAccept(s);
    const { creditType } = await makeBookable(t.db, s, { credits: 3 });
    const start = DateTime.now().setZone("Europe/London").startOf("day").plus({ days: 4 }).set({ hour: 10 }).toJSDate();
    const booked = await bookSession(t.db, { studioId: s.studioId, sessionTypeId: creditType.id, clientId: s.clientA.clientId, start, now: new Date(), actor: { by: "client", clientId: s.clientA.clientId } });
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(2);
    // The trainer is signed in on a device.
    const [before] = await t.db.select().from(users).where(eq(users.id, s.trainer.userId));
    const sid = await startDeviceSession(t.db, { userId: s.trainer.userId, userAgent: "Laptop/1.0", ip: null, now: new Date() });
    const claims = { uid: s.trainer.userId, sv: before!.sessionVersion, sid };
    expect(await loadViewer(t.db, s.trainer.userId, claims)).toMatchObject({ kind: "trainer" });

    // Client A to Ada, everyone else (client B) to the owner.
    const done = await ownerOf(s).deactivate({ memberId: s.trainer.memberId, coachId: s.owner.memberId, perClient: [{ clientId: s.clientA.clientId, coachId: ada.memberId }] });
    expect(done).toMatchObject({ reassignedClients: 2, cancelledBookings: 1 });

    const coaches = await t.db.select({ id: clients.id, coachId: clients.coachId }).from(clients).where(eq(clients.studioId, s.studioId));
    expect(Object.fromEntries(coaches.map((c) => [c.id, c.coachId]))).toEqual({ [s.clientA.clientId]: ada.memberId, [s.clientB.clientId]: s.owner.memberId });
    const [studio] = await t.db.select().from(studios).where(eq(studios.id, s.studioId));
    expect(studio!.defaultCoachId).toBe(s.owner.memberId);
    // Their sessions ended: the token's version is stale, the device's row is gone, and the password opens nothing.
    expect(await isSessionCurrent(t.db, claims)).toBe(false);
    expect(await loadViewer(t.db, s.trainer.userId, claims)).toBeNull();
    expect(await loadViewer(t.db, s.trainer.userId)).toBeNull();
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, s.trainer.userId))).toHaveLength(0);
    await expect(signInWithPassword(t.db, { email: s.trainer.email, password: TEST_PASSWORD, ip: null, now: new Date() })).rejects.toThrow(
      "The studio's owner has ended your access as a trainer. Ask them if you think this is a mistake.",
    );
    expect((await refusal(callerFor(t.db, s.trainer.userId).client.list())).code).toBe("UNAUTHORIZED");
    // The upcoming session was cancelled by the trainer, the credit went back, the client was told.
    const [cancelled] = await t.db.select().from(bookings).where(eq(bookings.id, booked.id));
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: "trainer" });
    expect(await creditBalance(t.db, { studioId: s.studioId, clientId: s.clientA.clientId })).toBe(3);
    expect(await t.db.select().from(outbox).where(and(eq(outbox.toEmail, s.clientA.email), eq(outbox.kind, "booking_cancelled")))).toHaveLength(1);
    // Nothing of the client's history is lost: the session and the review, still by the trainer.
    const history = await callerFor(t.db, s.clientA.userId).session.history();
    expect(history.sessions.find((x) => x.id === sessionId)?.review).toMatchObject({ feedback: "Steady on both sides.", reviewerName: s.trainer.name });
    const [review] = await t.db.select().from(sessionReviews).where(eq(sessionReviews.sessionId, sessionId));
    expect(review).toMatchObject({ feedback: "Steady on both sides.", reviewedByMemberId: s.trainer.memberId });
    // The list says so, and the deactivated trainer is nobody's coach to pick.
    const list = await ownerOf(s).list();
    expect(list.find((p) => p.id === s.trainer.memberId)).toMatchObject({ status: "deactivated", clients: [] });
    expect((await callerFor(t.db, s.owner.userId).client.coaches()).map((c) => c.id)).not.toContain(s.trainer.memberId);
    expect((await refusal(callerFor(t.db, s.owner.userId).client.reassignCoach({ clientId: s.clientB.clientId, coachId: s.trainer.memberId }))).code).toBe("NOT_FOUND");
    expect((await refusal(ownerOf(s).deactivate({ memberId: s.trainer.memberId, coachId: s.owner.memberId, perClient: [] }))).message).toBe("This trainer is already deactivated.");
  });

  it("refuses a handover to the one leaving or to nobody, and the last owner deactivating themselves; nothing changes", async () => {
    const s = await createTestStudio(t.db, "staff-deactivate-refused");
    const staff = ownerOf(s);
    expect(await refusal(staff.deactivate({ memberId: s.trainer.memberId, coachId: s.trainer.memberId, perClient: [] }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { coachId: "Pick an active trainer other than the one leaving to take over their clients." },
    });
    expect(
      (await refusal(staff.deactivate({ memberId: s.trainer.memberId, coachId: s.owner.memberId, perClient: [{ clientId: s.clientA.clientId, coachId: randomUUID() }] }))).fields.perClient,
    ).toBe("Pick an active trainer other than the one leaving for each client.");
    expect((await refusal(staff.deactivate({ memberId: s.owner.memberId, coachId: s.trainer.memberId, perClient: [] }))).message).toBe(LAST_OWNER_MESSAGE);
    const [trainer] = await t.db.select().from(studioMembers).where(eq(studioMembers.id, s.trainer.memberId));
    expect(trainer!.deactivatedAt).toBeNull();
    expect((await t.db.select().from(clients).where(eq(clients.studioId, s.studioId))).every((c) => c.coachId === s.trainer.memberId)).toBe(true);
    expect(await loadViewer(t.db, s.owner.userId)).toMatchObject({ kind: "trainer", role: "owner" });
  });
});

describe("tenancy", () => {
  it("another studio's member or invite is not found, and another studio's coach cannot take over", async () => {
    const s = await createTestStudio(t.db, "staff-tenancy");
    const other = await createTestStudio(t.db, "staff-tenancy-other");
    const { id: theirInvite } = await ownerOf(other).invite({ email: freshEmail("theirs") });
    const staff = ownerOf(s);
    // One call at a time: a refusal made before its turn to be awaited would go unhandled.
    for (const call of [
      () => staff.resendInvite({ inviteId: theirInvite }),
      () => staff.revokeInvite({ inviteId: theirInvite }),
      () => staff.changeRole({ memberId: other.trainer.memberId, role: "owner" }),
      () => staff.deactivate({ memberId: other.trainer.memberId, coachId: s.owner.memberId, perClient: [] }),
    ]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
    expect((await refusal(staff.deactivate({ memberId: s.trainer.memberId, coachId: other.owner.memberId, perClient: [] }))).fields.coachId).toBeTruthy();
    const list = JSON.stringify(await staff.list());
    for (const marker of [other.trainer.email, other.owner.memberId, theirInvite]) expect(list).not.toContain(marker);
    const [theirTrainer] = await t.db.select().from(studioMembers).where(eq(studioMembers.id, other.trainer.memberId));
    expect(theirTrainer).toMatchObject({ role: "trainer", deactivatedAt: null });
  });
});
