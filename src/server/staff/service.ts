import { assertStudioConfirmed } from "@/server/signup/confirmation";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { endAllDeviceSessions } from "@/server/auth/device-sessions";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { normalizeEmail } from "@/server/auth/service";
import { hashToken, newToken } from "@/server/auth/tokens";
import { cancelUpcomingBookingsOf } from "@/server/booking/service";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { calendarFeeds, clients, staffInvites, studioMembers, studios, users } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { isInviteLive, memberStatus, ownerRemainsAfter, planHandover, STAFF_INVITE_TTL_MS, type Handover, type StaffStatus } from "./rules";

// The studio's staff: invites by email, roles, and deactivation with the clients handed over.
// Each change runs in one transaction; a change that could leave the studio without an owner
// first locks every member row of the studio, so two owners demoting each other at once
// cannot both succeed.

export type StaffRow = {
  kind: "member" | "invite";
  /** The member's id, or the invite's. */
  id: string;
  name: string | null;
  email: string;
  role: "owner" | "trainer";
  status: StaffStatus;
  clients: { id: string; name: string }[];
  isYou: boolean;
  /** For an invite: when its link stops working. */
  expiresAt: Date | null;
  isExpired: boolean;
};

/** The studio's trainers (owners first, then by name), each with their clients, and the invites still waiting. */
export async function listStaff(q: Queryable, studioId: string, viewerMemberId: string, now: Date): Promise<StaffRow[]> {
  const members = await q
    .select({ id: studioMembers.id, role: studioMembers.role, deactivatedAt: studioMembers.deactivatedAt, name: users.name, email: users.email })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId))
    .orderBy(sql`${studioMembers.deactivatedAt} is not null`, asc(studioMembers.role), asc(users.name));
  const coached = await q
    .select({ id: clients.id, name: clients.name, coachId: clients.coachId })
    .from(clients)
    .where(inStudio(clients, studioId, clientNotDeleted, sql`${clients.status} <> 'archived'`))
    .orderBy(asc(clients.name));
  const waiting = await q
    .select()
    .from(staffInvites)
    .where(inStudio(staffInvites, studioId, isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)))
    .orderBy(asc(staffInvites.createdAt));
  return [
    ...members.map((m) => ({
      kind: "member" as const,
      id: m.id,
      name: m.name,
      email: m.email,
      role: m.role,
      status: memberStatus(m),
      clients: coached.filter((c) => c.coachId === m.id).map(({ id, name }) => ({ id, name })),
      isYou: m.id === viewerMemberId,
      expiresAt: null,
      isExpired: false,
    })),
    ...waiting.map((i) => ({
      kind: "invite" as const,
      id: i.id,
      name: null,
      email: i.email,
      role: "trainer" as const,
      status: "invited" as const,
      clients: [],
      isYou: false,
      expiresAt: i.expiresAt,
      isExpired: i.expiresAt.getTime() <= now.getTime(),
    })),
  ];
}

const ONE_ROLE_MESSAGE = "This address already belongs to a trainer or a client on Stride, and one person has one role. Invite another address.";

/** Does this address already belong to someone with a role (a member or a client of any studio)? */
async function holdsARole(q: Queryable, email: string): Promise<boolean> {
  const [member] = await q.select({ id: studioMembers.id }).from(studioMembers).innerJoin(users, eq(users.id, studioMembers.userId)).where(eq(users.email, email)).limit(1);
  if (member) return true;
  // A client row counts from the invite on, before it has a login: that address is spoken for.
  const [client] = await q
    .select({ id: clients.id })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(and(sql`(${clients.email} = ${email} or ${users.email} = ${email})`, clientNotDeleted))
    .limit(1);
  return !!client;
}

async function sendStaffInvite(q: Queryable, input: { studioId: string; inviteId: string; email: string; inviterMemberId: string; now: Date; appUrl: string }) {
  const { token, tokenHash } = newToken();
  await q
    .update(staffInvites)
    .set({ tokenHash, expiresAt: new Date(input.now.getTime() + STAFF_INVITE_TTL_MS) })
    .where(inStudio(staffInvites, input.studioId, eq(staffInvites.id, input.inviteId)));
  const [studio] = await q.select({ name: studios.name }).from(studios).where(eq(studios.id, input.studioId)).limit(1);
  const [inviter] = await q.select({ name: users.name }).from(users).innerJoin(studioMembers, eq(studioMembers.userId, users.id)).where(eq(studioMembers.id, input.inviterMemberId)).limit(1);
  const studioName = studio?.name ?? "a studio";
  const inviterName = inviter?.name ?? "The studio's owner";
  const link = `${input.appUrl}/staff-invite?token=${token}`;
  await enqueueEmail(q, {
    studioId: input.studioId,
    kind: "staff_invite",
    carriesCredential: true,
    to: input.email,
    subject: `${inviterName} invited you to coach at ${studioName}`,
    text: `Hello,\n\n${inviterName} has invited you to join ${studioName} on Stride as a trainer: you will set drills for your clients and review what they log.\n\nOpen this link to set your name and password. It works once and expires in 7 days:\n\n${link}\n\nIf you were not expecting this, ignore this email.`,
  });
  return link;
}

/**
 * The owner invites a trainer by email: a waiting invite and an outbox email with a
 * single-use link valid for 7 days. Without a mail server the owner is handed the link once.
 */
export async function inviteTrainer(
  q: Queryable,
  actor: { studioId: string; memberId: string },
  input: { email: string },
  context: { now: Date; appUrl: string; hasMailServer?: boolean },
) {
  const email = normalizeEmail(input.email);
  return q.transaction(async (tx) => {
    // A studio made by open sign-up takes no one until its owner's address is confirmed.
    await assertStudioConfirmed(tx, actor.studioId);
    if (await holdsARole(tx, email)) throw new DomainError("CONFLICT", ONE_ROLE_MESSAGE, "email");
    const [waiting] = await tx
      .select({ id: staffInvites.id })
      .from(staffInvites)
      .where(inStudio(staffInvites, actor.studioId, eq(staffInvites.email, email), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)))
      .limit(1);
    if (waiting) throw new DomainError("CONFLICT", "This address already has an invite waiting; send it again from the list below.", "email");
    // The placeholder hash is replaced at once by sendStaffInvite; ON CONFLICT DO NOTHING
    // turns a twin request that raced past the check above into the same sentence.
    const [invite] = await tx
      .insert(staffInvites)
      .values({ studioId: actor.studioId, email, invitedByMemberId: actor.memberId, tokenHash: newToken().tokenHash, expiresAt: context.now })
      .onConflictDoNothing()
      .returning();
    if (!invite) throw new DomainError("CONFLICT", "This address already has an invite waiting; send it again from the list below.", "email");
    const link = await sendStaffInvite(tx, { studioId: actor.studioId, inviteId: invite.id, email, inviterMemberId: actor.memberId, ...context });
    return { id: invite.id, email, inviteLink: context.hasMailServer ? null : link };
  });
}

async function lockWaitingInvite(tx: Tx, studioId: string, inviteId: string) {
  const [invite] = await tx.select().from(staffInvites).where(inStudio(staffInvites, studioId, eq(staffInvites.id, inviteId))).limit(1).for("update");
  if (!invite) throw notFound("invite");
  if (invite.acceptedAt) throw new DomainError("PRECONDITION_FAILED", `${invite.email} has already accepted and is on your staff.`);
  if (invite.revokedAt) throw new DomainError("PRECONDITION_FAILED", `The invite to ${invite.email} was withdrawn; invite the address again.`);
  return invite;
}

/** A fresh link for a waiting invite (another week); the old link stops working. */
export async function resendStaffInvite(q: Queryable, actor: { studioId: string; memberId: string }, inviteId: string, context: { now: Date; appUrl: string }) {
  return q.transaction(async (tx) => {
    const invite = await lockWaitingInvite(tx, actor.studioId, inviteId);
    if (await holdsARole(tx, invite.email)) throw new DomainError("CONFLICT", ONE_ROLE_MESSAGE);
    // The new link is not handed back: it is its addressee's (without a mail server, it is in the log).
    await sendStaffInvite(tx, { studioId: actor.studioId, inviteId, email: invite.email, inviterMemberId: actor.memberId, ...context });
    return { id: invite.id, email: invite.email };
  });
}

/** Withdraws a waiting invite: its link stops working at once. */
export async function revokeStaffInvite(q: Queryable, studioId: string, inviteId: string, now: Date) {
  return q.transaction(async (tx) => {
    const invite = await lockWaitingInvite(tx, studioId, inviteId);
    await tx.update(staffInvites).set({ revokedAt: now }).where(inStudio(staffInvites, studioId, eq(staffInvites.id, invite.id)));
    return { ok: true as const };
  });
}

export const STAFF_INVITE_INVALID = "This invite link has expired, was withdrawn or was already used. Ask the studio's owner to send a new one.";

async function findLiveStaffInvite(q: Queryable, token: string, now: Date, options: { lock: boolean }) {
  const query = q
    .select({ invite: staffInvites, studioName: studios.name })
    .from(staffInvites)
    .innerJoin(studios, eq(studios.id, staffInvites.studioId))
    .where(and(eq(staffInvites.tokenHash, hashToken(token)), gt(staffInvites.expiresAt, now)))
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: staffInvites }) : await query;
  return row && isInviteLive(row.invite, now) ? row : null;
}

/** What the invite page shows before accepting: the studio, the address, and whether it already has a Stride account. */
export async function previewStaffInvite(q: Queryable, token: string, now: Date) {
  const row = await findLiveStaffInvite(q, token, now, { lock: false });
  if (!row) return null;
  const [account] = await q.select({ id: users.id }).from(users).where(eq(users.email, row.invite.email)).limit(1);
  return { email: row.invite.email, studioName: row.studioName, hasAccount: !!account, expiresAt: row.invite.expiresAt };
}

/**
 * Accepts a trainer's invite. A new address sets a name and password and gets a login; an
 * address that already has a Stride account (and no role anywhere) proves it with that
 * account's password instead. Either way the person becomes a trainer of the studio, and the
 * link is spent in the same transaction, so it works once.
 */
export async function acceptStaffInvite(db: Db, input: { token: string; name?: string; password: string; timeZone: string; now: Date }) {
  return db.transaction(async (tx) => {
    const found = await findLiveStaffInvite(tx, input.token, input.now, { lock: true });
    if (!found) throw new DomainError("UNAUTHORIZED", STAFF_INVITE_INVALID);
    const { invite } = found;
    if (await holdsARole(tx, invite.email)) throw new DomainError("CONFLICT", "This address already belongs to a trainer or a client on Stride, and one person has one role. Ask the owner to invite another address.");
    const [existing] = await tx.select().from(users).where(eq(users.email, invite.email)).limit(1);
    let userId: string;
    if (existing) {
      if (existing.disabledAt || !(await verifyPassword(existing.passwordHash, input.password))) {
        throw new DomainError("UNAUTHORIZED", "That is not the password of the Stride account with this address.", "password");
      }
      userId = existing.id;
    } else {
      const name = input.name?.trim();
      if (!name) throw new DomainError("BAD_REQUEST", "Enter your name as your clients will see it.", "name");
      const [user] = await tx
        .insert(users)
        .values({ email: invite.email, name, passwordHash: await hashPassword(input.password), timeZone: input.timeZone })
        .returning({ id: users.id });
      userId = user!.id;
    }
    const [member] = await tx.insert(studioMembers).values({ studioId: invite.studioId, userId, role: "trainer" }).returning({ id: studioMembers.id });
    await tx
      .update(staffInvites)
      .set({ acceptedAt: input.now, memberId: member!.id })
      .where(and(eq(staffInvites.id, invite.id), isNull(staffInvites.acceptedAt)));
    return { email: invite.email };
  });
}

/** Every member row of the studio, locked for the rest of the transaction. */
async function lockMembers(tx: Tx, studioId: string) {
  return tx
    .select({ id: studioMembers.id, userId: studioMembers.userId, role: studioMembers.role, deactivatedAt: studioMembers.deactivatedAt })
    .from(studioMembers)
    .where(inStudio(studioMembers, studioId))
    .orderBy(asc(studioMembers.id))
    .for("update");
}

/** Makes a trainer an owner, or an owner a trainer again; the studio always keeps an active owner. */
export async function changeRole(q: Queryable, studioId: string, input: { memberId: string; role: "owner" | "trainer" }) {
  return q.transaction(async (tx) => {
    const members = await lockMembers(tx, studioId);
    const target = members.find((m) => m.id === input.memberId);
    if (!target) throw notFound("trainer");
    if (target.deactivatedAt) throw new DomainError("PRECONDITION_FAILED", "This trainer is deactivated; their role can no longer change.");
    const refusal = ownerRemainsAfter(members, input);
    if (refusal) throw new DomainError("PRECONDITION_FAILED", refusal, "role");
    await tx.update(studioMembers).set({ role: input.role }).where(inStudio(studioMembers, studioId, eq(studioMembers.id, target.id)));
    return { id: target.id, role: input.role };
  });
}

/**
 * Deactivates a trainer in one step: their clients go to the coaches the owner chose (and the
 * studio's default coach too, if it was them), their upcoming sessions are cancelled, and every
 * session of theirs ends at once. Nothing they or their clients wrote is removed: reviews,
 * drills and past bookings keep them as their author.
 */
export async function deactivateMember(
  db: Db,
  studioId: string,
  input: { memberId: string; coachId: string; perClient?: Handover[]; now: Date },
) {
  return db.transaction(async (tx) => {
    const members = await lockMembers(tx, studioId);
    const target = members.find((m) => m.id === input.memberId);
    if (!target) throw notFound("trainer");
    if (target.deactivatedAt) throw new DomainError("PRECONDITION_FAILED", "This trainer is already deactivated.");
    const refusal = ownerRemainsAfter(members, { memberId: target.id, deactivate: true });
    if (refusal) throw new DomainError("PRECONDITION_FAILED", refusal);
    // Every client they coach, archived and invited ones too: none is left with a coach who cannot sign in.
    const theirs = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(inStudio(clients, studioId, eq(clients.coachId, target.id), clientNotDeleted))
      .for("update");
    const plan = planHandover({
      leavingMemberId: target.id,
      clientIds: theirs.map((c) => c.id),
      coachId: input.coachId,
      perClient: input.perClient,
      activeMemberIds: members.filter((m) => !m.deactivatedAt).map((m) => m.id),
    });
    if ("error" in plan) throw new DomainError("BAD_REQUEST", plan.error, plan.field);
    for (const coachId of new Set(plan.handover.map((h) => h.coachId))) {
      const ids = plan.handover.filter((h) => h.coachId === coachId).map((h) => h.clientId);
      await tx.update(clients).set({ coachId }).where(inStudio(clients, studioId, inArray(clients.id, ids)));
    }
    // A deleted client keeps no coach that matters, but keeps a live one all the same.
    await tx.update(clients).set({ coachId: input.coachId }).where(inStudio(clients, studioId, eq(clients.coachId, target.id)));
    await tx.update(studios).set({ defaultCoachId: input.coachId }).where(and(eq(studios.id, studioId), eq(studios.defaultCoachId, target.id)));
    const cancelledBookings = await cancelUpcomingBookingsOf(tx, { studioId, memberId: target.id, now: input.now });
    await tx.delete(calendarFeeds).where(inStudio(calendarFeeds, studioId, eq(calendarFeeds.memberId, target.id)));
    await tx.update(studioMembers).set({ deactivatedAt: input.now }).where(inStudio(studioMembers, studioId, eq(studioMembers.id, target.id)));
    // Signed out everywhere at once: every token's version is now stale and every device's row gone.
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, target.userId));
    await endAllDeviceSessions(tx, target.userId);
    return { id: target.id, reassignedClients: plan.handover.length, cancelledBookings };
  });
}
