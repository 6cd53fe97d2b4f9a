import { and, eq, gt, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "@/server/db/client";
import { authTokens, studioMembers, studios, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { hashToken, newToken } from "@/server/auth/tokens";

// A studio made by open sign-up takes no clients and no payments until its owner proves the
// address by opening the emailed link: otherwise anyone could run a studio under someone
// else's address, inviting and charging people in their name. The link is a credential
// (stored as its hash, spent once, expiring); a new one replaces the ones before.

/** A confirmation link works for two days: time to find the email, not a standing key. */
export const SIGNUP_CONFIRM_TTL_MS = 48 * 60 * 60_000;

export const CONFIRM_LINK_REFUSED = "This confirmation link has expired or was already used. Sign in and press “Send again” on your dashboard for a new one.";

export const NOT_CONFIRMED_OWNER = "Confirm your email address first: open the link we sent you (or send it again from your dashboard). Until then your studio cannot invite clients or take payments.";

export const NOT_CONFIRMED_PUBLIC = "This studio is not taking clients or payments yet: its owner has not confirmed their email address.";

/** Refuses what a studio must not do before its owner's address is confirmed (audience: who reads the sentence). */
export async function assertStudioConfirmed(q: Queryable, studioId: string, audience: "owner" | "public" = "owner") {
  const [row] = await q.select({ confirmedAt: studios.emailConfirmedAt }).from(studios).where(eq(studios.id, studioId));
  if (row && !row.confirmedAt) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      audience === "owner" ? NOT_CONFIRMED_OWNER : NOT_CONFIRMED_PUBLIC,
    );
  }
}

/** Emails the owner a fresh confirmation link; earlier ones stop working. */
export async function issueSignupConfirmation(tx: Tx, input: { studioId: string; userId: string; now: Date; appUrl: string }) {
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new DomainError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  await tx
    .update(authTokens)
    .set({ usedAt: input.now })
    .where(and(eq(authTokens.userId, input.userId), eq(authTokens.purpose, "signup_confirm"), isNull(authTokens.usedAt)));
  const { token, tokenHash } = newToken();
  await tx.insert(authTokens).values({ userId: input.userId, purpose: "signup_confirm", tokenHash, subjectId: input.studioId, expiresAt: new Date(input.now.getTime() + SIGNUP_CONFIRM_TTL_MS) });
  await enqueueEmail(tx, {
    studioId: input.studioId,
    kind: "signup_confirm",
    carriesCredential: true,
    to: user.email,
    subject: "Confirm your email to open your Stride studio",
    text: `Hi ${user.name},\n\nWelcome to Stride. Open this link to confirm your email address. Until you do, your studio cannot invite clients or take payments. It works once, for 48 hours:\n\n${input.appUrl}/confirm-sign-up?token=${token}\n\nIf you did not sign up for Stride, ignore this email: the studio stays closed.`,
  });
}

/** Spends a confirmation link: the studio it names (owned by the link's person) opens for clients and payments. */
export async function confirmSignup(q: Queryable, input: { token: string; now: Date }): Promise<{ studioName: string }> {
  return q.transaction(async (tx) => {
    const [spent] = await tx
      .update(authTokens)
      .set({ usedAt: input.now })
      .where(and(eq(authTokens.tokenHash, hashToken(input.token)), eq(authTokens.purpose, "signup_confirm"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, input.now)))
      .returning({ userId: authTokens.userId, studioId: authTokens.subjectId });
    if (!spent?.userId || !spent.studioId) throw new DomainError("NOT_FOUND", CONFIRM_LINK_REFUSED);
    // Still the studio's owner? (A link outlives nothing it should not.)
    const [owned] = await tx
      .select({ name: studios.name })
      .from(studios)
      .innerJoin(studioMembers, and(eq(studioMembers.studioId, studios.id), eq(studioMembers.userId, spent.userId), eq(studioMembers.role, "owner")))
      .where(eq(studios.id, spent.studioId));
    if (!owned) throw new DomainError("NOT_FOUND", CONFIRM_LINK_REFUSED);
    await tx.update(studios).set({ emailConfirmedAt: input.now }).where(and(eq(studios.id, spent.studioId), isNull(studios.emailConfirmedAt)));
    return { studioName: owned.name };
  });
}

/** Whether the studio still waits for its owner's confirmation, and which address the link went to. */
export async function confirmationState(q: Queryable, studioId: string): Promise<{ isConfirmed: boolean; ownerEmail: string | null }> {
  const [row] = await q
    .select({ confirmedAt: studios.emailConfirmedAt, email: users.email })
    .from(studios)
    .leftJoin(studioMembers, and(eq(studioMembers.studioId, studios.id), eq(studioMembers.role, "owner")))
    .leftJoin(users, eq(users.id, studioMembers.userId))
    .where(eq(studios.id, studioId))
    .limit(1);
  return { isConfirmed: !!row?.confirmedAt, ownerEmail: row?.email ?? null };
}
