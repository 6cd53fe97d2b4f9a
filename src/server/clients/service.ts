import { and, asc, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { assertStudioConfirmed } from "@/server/signup/confirmation";
import { alias } from "drizzle-orm/pg-core";
import { normalizeEmail } from "@/server/auth/service";
import { hashPassword } from "@/server/auth/password";
import { hashToken, newToken } from "@/server/auth/tokens";
import type { Db, Queryable } from "@/server/db/client";
import { authTokens, clients, studioMembers, studios, users } from "@/server/db/schema";
import { inStudio, clientNotDeleted, inStudioSql, memberActive } from "@/server/db/tenancy";
import type { ClientScope } from "@/lib/client-visibility";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { queueRemindersBeforeNextSweep } from "@/server/checkins/reminders";

const coachUser = alias(users, "coach_user");
const clientUser = alias(users, "client_user");

const clientColumns = {
  id: clients.id,
  name: clients.name,
  email: clients.email,
  status: clients.status,
  coachId: clients.coachId,
  coachName: coachUser.name,
  /** The client's own time zone once they have accepted; the studio works in UTC until then. */
  timeZone: sql<string>`coalesce(${clientUser.timeZone}, 'UTC')`,
  createdAt: clients.createdAt,
};

export type ClientFilter = { search?: string; coachId?: string; status?: "invited" | "active" | "archived" };

/** The studio's clients, by name, with their coach; optional search and filters. */
export function listClients(q: Queryable, studioId: string, filter: ClientFilter = {}) {
  const search = filter.search?.trim();
  const conditions: (SQL | undefined)[] = [
    clientNotDeleted,
    filter.coachId ? eq(clients.coachId, filter.coachId) : undefined,
    filter.status ? eq(clients.status, filter.status) : undefined,
    search ? or(ilike(clients.name, `%${escapeLike(search)}%`), ilike(clients.email, `%${escapeLike(search)}%`)) : undefined,
  ];
  return q
    .select(clientColumns)
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .innerJoin(coachUser, eq(coachUser.id, studioMembers.userId))
    .leftJoin(clientUser, eq(clientUser.id, clients.userId))
    .where(inStudio(clients, studioId, ...conditions))
    .orderBy(asc(clients.name));
}

/** One client of the caller's studio; another studio's client is "not found". */
export async function getClient(q: Queryable, studioId: string, clientId: string) {
  const [row] = await q
    .select({
      ...clientColumns,
      // "Client since" is when the coaching began: the day they were added, or their first
      // logged session or run if that came earlier (a history brought along, a backdated log).
      clientSince: sql<Date>`least(
        ${clients.createdAt},
        (select min(s.performed_at) from practice_sessions s where ${inStudioSql("s", studioId)} and s.client_id = ${clients.id}),
        (select min(r.started_at) from runs r where ${inStudioSql("r", studioId)} and r.client_id = ${clients.id})
      )`.mapWith(clients.createdAt),
    })
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .innerJoin(coachUser, eq(coachUser.id, studioMembers.userId))
    .leftJoin(clientUser, eq(clientUser.id, clients.userId))
    .where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted))
    .limit(1);
  if (!row) throw notFound("client");
  return row;
}

/** The studio's trainers (owner included), for coach pickers and filters. */
export function listCoaches(q: Queryable, studioId: string) {
  return q
    .select({ id: studioMembers.id, name: users.name, role: studioMembers.role })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId, memberActive))
    .orderBy(asc(users.name));
}

/** The text as a literal inside an ILIKE pattern: its `%`, `_` and `\` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}


export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000;

async function assertCoachOfStudio(q: Queryable, studioId: string, coachId: string) {
  const [coach] = await q.select({ id: studioMembers.id }).from(studioMembers).where(inStudio(studioMembers, studioId, eq(studioMembers.id, coachId), memberActive)).limit(1);
  if (!coach) throw new DomainError("NOT_FOUND", "Pick a coach from your studio's trainers.", "coachId");
}

async function issueInvite(q: Queryable, input: { studioId: string; clientId: string; name: string; email: string; inviterName: string; now: Date; appUrl: string }) {
  // A new link replaces any earlier one: only the newest invite works.
  await q
    .update(authTokens)
    .set({ usedAt: input.now })
    .where(and(eq(authTokens.purpose, "invite"), eq(authTokens.subjectId, input.clientId), isNull(authTokens.usedAt)));
  const { token, tokenHash } = newToken();
  await q.insert(authTokens).values({ purpose: "invite", tokenHash, subjectId: input.clientId, expiresAt: new Date(input.now.getTime() + INVITE_TTL_MS) });
  const [studio] = await q.select({ name: studios.name }).from(studios).where(eq(studios.id, input.studioId)).limit(1);
  const link = `${input.appUrl}/invite?token=${token}`;
  await enqueueEmail(q, {
    studioId: input.studioId,
    kind: "invite",
    carriesCredential: true,
    to: input.email,
    subject: `${input.inviterName} invited you to ${studio?.name ?? "Stride"}`,
    text: `Hi ${input.name},\n\n${input.inviterName} has invited you to train with ${studio?.name ?? "them"} on Stride, where you will find the drills they set for you, day by day.\n\nOpen this link to set your password and time zone. It works once and expires in 7 days:\n\n${link}\n\nIf you were not expecting this, ignore this email.`,
  });
  return link;
}

/**
 * Invites a client by email: an invited client row, and an outbox email with a single-use
 * link that expires in 7 days. Trainers coach whom they invite; the owner may pick the coach.
 */
export async function inviteClient(
  q: Queryable,
  actor: { studioId: string; memberId: string; role: "owner" | "trainer"; clientScope?: ClientScope },
  input: { name: string; email: string; coachId?: string | null },
  context: { now: Date; appUrl: string; hasMailServer?: boolean },
) {
  const email = normalizeEmail(input.email);
  const coachId = input.coachId ?? actor.memberId;
  if (coachId !== actor.memberId && actor.role !== "owner") {
    throw new DomainError("FORBIDDEN", "Only the studio owner can choose another trainer as coach; leave yourself as the coach.", "coachId");
  }
  return q.transaction(async (tx) => {
    await assertStudioConfirmed(tx, actor.studioId);
    await assertCoachOfStudio(tx, actor.studioId, coachId);
    const [existing] = await tx.select().from(clients).where(inStudio(clients, actor.studioId, eq(clients.email, email))).limit(1);
    // A trainer kept to their own clients learns only that the address is taken, not whose it is.
    if (existing && actor.clientScope && existing.coachId !== actor.clientScope) {
      throw new DomainError("CONFLICT", "A client of your studio already has this email; ask the studio owner about them.", "email");
    }
    if (existing) {
      throw new DomainError("CONFLICT", `${existing.name} already has this email (${existing.status}); open their page instead.`, "email");
    }
    const [client] = await tx.insert(clients).values({ studioId: actor.studioId, coachId, name: input.name.trim(), email, status: "invited" }).returning();
    const [inviter] = await tx.select({ name: users.name }).from(users).innerJoin(studioMembers, eq(studioMembers.userId, users.id)).where(eq(studioMembers.id, actor.memberId)).limit(1);
    const inviteLink = await issueInvite(tx, { studioId: actor.studioId, clientId: client!.id, name: client!.name, email, inviterName: inviter?.name ?? "Your trainer", ...context });
    // For the inviting trainer alone, to hand over themselves when no mail server sends it.
    return { id: client!.id, name: client!.name, email, status: client!.status, inviteLink: context.hasMailServer ? null : inviteLink };
  });
}

/** Sends a new invite link to a client who has not accepted yet (the old link stops working). */
export async function resendInvite(q: Queryable, actor: { studioId: string; memberId: string }, clientId: string, context: { now: Date; appUrl: string }) {
  return q.transaction(async (tx) => {
    const [client] = await tx.select().from(clients).where(inStudio(clients, actor.studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
    if (!client) throw notFound("client");
    if (client.status !== "invited") throw new DomainError("PRECONDITION_FAILED", `${client.name} has already accepted; they can sign in with their password or a sign-in link.`);
    const [inviter] = await tx.select({ name: users.name }).from(users).innerJoin(studioMembers, eq(studioMembers.userId, users.id)).where(eq(studioMembers.id, actor.memberId)).limit(1);
    // The new link is not handed back: any trainer may resend, and the link is its addressee's.
    await issueInvite(tx, { studioId: actor.studioId, clientId, name: client.name, email: client.email, inviterName: inviter?.name ?? "Your trainer", ...context });
    return { ok: true as const };
  });
}

const INVITE_INVALID = "This invite link has expired or was already used. Ask your trainer to send a new one.";

async function findLiveInvite(q: Queryable, token: string, now: Date) {
  const [row] = await q
    .select({ token: authTokens, client: clients, studioName: studios.name })
    .from(authTokens)
    .innerJoin(clients, eq(clients.id, authTokens.subjectId))
    .innerJoin(studios, eq(studios.id, clients.studioId))
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.purpose, "invite"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
    .limit(1);
  return row && row.client.status === "invited" ? row : null;
}

/** What the invite page shows before the person accepts; null for a dead or unknown link. */
export async function previewInvite(q: Queryable, token: string, now: Date) {
  const row = await findLiveInvite(q, token, now);
  return row ? { name: row.client.name, email: row.client.email, studioName: row.studioName, expiresAt: row.token.expiresAt } : null;
}

/**
 * Accepts an invite: the person sets a password and their time zone, gets a login, and the
 * client becomes active. The link is spent in the same transaction, so it works once.
 */
export async function acceptInvite(db: Db, input: { token: string; password: string; timeZone: string; now: Date }) {
  return db.transaction(async (tx) => {
    const invite = await findLiveInvite(tx, input.token, input.now);
    if (!invite) throw new DomainError("UNAUTHORIZED", INVITE_INVALID);
    const [spent] = await tx
      .update(authTokens)
      .set({ usedAt: input.now })
      .where(and(eq(authTokens.id, invite.token.id), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id });
    if (!spent) throw new DomainError("UNAUTHORIZED", INVITE_INVALID);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invite.client.email)).limit(1);
    if (taken) {
      throw new DomainError("CONFLICT", "This email already has a Stride account. Sign in with it, or ask your trainer to invite another address.");
    }
    const [user] = await tx
      .insert(users)
      .values({ email: invite.client.email, name: invite.client.name, passwordHash: await hashPassword(input.password), timeZone: input.timeZone })
      .returning();
    await tx.update(clients).set({ userId: user!.id, status: "active" }).where(eq(clients.id, invite.client.id));
    // Now in their own zone and with a login to remind: check-ins (their own or a programme's)
    // opening before the next sweep are queued here, as that sweep would not reach them.
    await queueRemindersBeforeNextSweep(tx, invite.client.studioId, input.now);
    return { email: user!.email };
  });
}

/** The owner gives a client another coach from the studio. */
export async function reassignCoach(q: Queryable, studioId: string, input: { clientId: string; coachId: string }) {
  return q.transaction(async (tx) => {
    await assertCoachOfStudio(tx, studioId, input.coachId);
    const [row] = await tx.update(clients).set({ coachId: input.coachId }).where(inStudio(clients, studioId, eq(clients.id, input.clientId), clientNotDeleted)).returning({ id: clients.id });
    if (!row) throw notFound("client");
    return getClient(tx, studioId, input.clientId);
  });
}

// Archiving keeps everything the client logged; they just can no longer sign in to the portal.
export async function setClientArchived(q: Queryable, studioId: string, clientId: string, isArchived: boolean, now: Date = new Date()) {
  return q.transaction(async (tx) => {
    const [client] = await tx.select().from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1).for("update");
    if (!client) throw notFound("client");
    const status = isArchived ? "archived" : client.userId ? "active" : "invited";
    await tx.update(clients).set({ status }).where(inStudio(clients, studioId, eq(clients.id, clientId)));
    if (client.userId) {
      // Signs them out at once: sessions are checked against this version on every request.
      await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, client.userId));
    }
    // Restored, they are asked their check-ins again: one opening before the next sweep is queued here.
    if (!isArchived && client.status === "archived") await queueRemindersBeforeNextSweep(tx, studioId, now);
    return getClient(tx, studioId, clientId);
  });
}
