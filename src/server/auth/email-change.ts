import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Db, Queryable } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/sql-errors";
import { clients, emailChanges, loginAttempts, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { assertNotThrottled, normalizeEmail, studioOfUser } from "./service";
import type { ThrottleRule } from "./throttle";
import { hashToken, newToken } from "./tokens";

// Changing one's sign-in address (issue 17): the change waits until the new address opens
// the emailed link while signed in as the person who asked, so neither a typo nor someone
// else's address can take the account; the old address is told when it is asked and when it
// is done. The link is a credential (stored hashed, spent once), the notices are not.

/** A confirmation link works for a day: long enough to find the email, short enough to forget. */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60_000;
/** Each request emails an address the person typed: five an hour, so the form mails no one in bulk. */
export const EMAIL_CHANGE_REQUESTS: ThrottleRule = { maxFailures: 5, windowMs: 60 * 60_000 };

/** The throttle's key for one person's change requests (deleting a client removes it). */
export const emailChangeRequestKey = (userId: string) => `email-change:${userId}`;

export const CONFIRM_LINK_REFUSED =
  "This confirmation link has expired, was already used or cancelled, or is for another account. Sign in as the account that asked for the change, or ask for a new link in your account settings.";

/** Another account confirmed the same address at the same instant, and won: this change waits still. */
export const ADDRESS_JUST_TAKEN = "That address now belongs to another account. Ask for a change to another address.";

/** The change waiting for confirmation, if any (an expired one shows as expired). */
export async function pendingEmailChange(q: Queryable, userId: string): Promise<{ newEmail: string; expiresAt: Date } | null> {
  const [row] = await q.select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt }).from(emailChanges).where(eq(emailChanges.userId, userId)).limit(1);
  return row ?? null;
}

/** Asks for a change of address: a link to the new address, a notice to the old one. Replaces any change still waiting. */
export async function requestEmailChange(db: Db, input: { userId: string; newEmail: string; now: Date; appUrl: string }) {
  const newEmail = normalizeEmail(input.newEmail);
  const key = emailChangeRequestKey(input.userId);
  await assertNotThrottled(db, [key], input.now, EMAIL_CHANGE_REQUESTS, "address changes asked for");
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new DomainError("UNAUTHORIZED", "Your session has ended. Sign in again.");
    if (user.email === newEmail) throw new DomainError("BAD_REQUEST", "That is already your sign-in address. Type the new one.", "newEmail");
    const studioId = await studioOfUser(tx, user.id);
    if (!studioId) throw new DomainError("PRECONDITION_FAILED", "Your account belongs to no studio, so there is nowhere to send the link from.");
    await tx.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
    const { token, tokenHash } = newToken();
    const expiresAt = new Date(input.now.getTime() + EMAIL_CHANGE_TTL_MS);
    await tx
      .insert(emailChanges)
      .values({ userId: user.id, newEmail, tokenHash, expiresAt, createdAt: input.now })
      .onConflictDoUpdate({ target: emailChanges.userId, set: { newEmail, tokenHash, expiresAt, createdAt: input.now } });
    await enqueueEmail(tx, {
      studioId,
      kind: "email_change_confirm",
      carriesCredential: true,
      to: newEmail,
      subject: "Confirm your new Stride address",
      text: `Hi ${user.name},\n\nYou asked to sign in to Stride with this address instead of ${user.email}. Open this link, signed in to Stride, to confirm it. It works once, for 24 hours:\n\n${input.appUrl}/confirm-email?token=${token}\n\nIf you did not ask for it, ignore this email: nothing changes.`,
    });
    await enqueueEmail(tx, {
      studioId,
      kind: "email_change_requested",
      to: user.email,
      subject: "Your Stride address may change",
      text: `Hi ${user.name},\n\nSomeone signed in to your Stride account asked to change its sign-in address to ${newEmail}. Nothing changes until that address confirms it.\n\nIf this was not you, sign in, cancel the change in your account settings and choose a new password.`,
    });
    return { newEmail, expiresAt };
  });
}

/**
 * The new address confirms: the account (and, for a client, the studio's record of them)
 * takes it. Only the person who asked can, signed in: another account's link is refused like
 * a spent one. Nothing else changes: sessions, password and devices stay.
 * Two accounts confirming one address at once both pass the check below (neither sees the
 * other's uncommitted write); the unique keys on the addresses let one win, and the loser's
 * whole transaction rolls back, its change still waiting, with a sentence instead of a 500.
 */
export async function confirmEmailChange(db: Db, input: { userId: string; token: string; now: Date }): Promise<{ email: string }> {
  try {
    return await applyEmailChange(db, input);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", ADDRESS_JUST_TAKEN);
    throw error;
  }
}

async function applyEmailChange(db: Db, input: { userId: string; token: string; now: Date }): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .delete(emailChanges)
      .where(and(eq(emailChanges.tokenHash, hashToken(input.token)), eq(emailChanges.userId, input.userId), gt(emailChanges.expiresAt, input.now)))
      .returning();
    if (!change) throw new DomainError("NOT_FOUND", CONFIRM_LINK_REFUSED);
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, change.newEmail), ne(users.id, input.userId))).limit(1);
    if (taken) throw new DomainError("CONFLICT", `${change.newEmail} is already the address of another Stride account, so it cannot be yours too. Ask for a change to another address.`);
    const [client] = await tx.select().from(clients).where(and(eq(clients.userId, input.userId), isNull(clients.deletedAt))).limit(1);
    if (client) {
      const [sameAddress] = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.studioId, client.studioId), eq(clients.email, change.newEmail), ne(clients.id, client.id)))
        .limit(1);
      if (sameAddress) throw new DomainError("CONFLICT", `Your studio already has another client with ${change.newEmail}. Ask your trainer about it, or choose another address.`);
    }
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).limit(1);
    await tx.update(users).set({ email: change.newEmail }).where(eq(users.id, input.userId));
    // Booking emails and receipts go to the client row's address: it follows the account's.
    if (client) await tx.update(clients).set({ email: change.newEmail }).where(eq(clients.id, client.id));
    const studioId = await studioOfUser(tx, input.userId);
    if (studioId && before) {
      await enqueueEmail(tx, {
        studioId,
        kind: "email_change_done",
        to: before.email,
        subject: "Your Stride address has changed",
        text: `Hi ${before.name},\n\nYour Stride account now signs in with ${change.newEmail}; this address no longer gets its emails.\n\nIf this was not you, tell your studio at once: someone else may be using your account.`,
      });
    }
    return { email: change.newEmail };
  });
}

/** The person drops the change still waiting (theirs only: there is no other to name). */
export async function cancelEmailChange(q: Queryable, userId: string): Promise<{ isCancelled: boolean }> {
  const rows = await q.delete(emailChanges).where(eq(emailChanges.userId, userId)).returning({ id: emailChanges.id });
  return { isCancelled: rows.length > 0 };
}
