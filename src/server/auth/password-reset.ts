import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { authTokens, loginAttempts, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { enqueueEmail } from "@/server/outbox/service";
import { hashPassword } from "./password";
import { assertNotThrottled, normalizeEmail, signOutEverywhere, studioOfUser } from "./service";
import type { ThrottleRule } from "./throttle";
import { hashToken, newToken } from "./tokens";

// "Forgot password": a link by email that sets a new password. Like a sign-in link it is a
// credential: stored as its SHA-256 only, spent once, short-lived, and readable in the
// outbox by its addressee alone.

/** A reset link works for 30 minutes (issue 17). */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
/** Five links per address per 15 minutes: enough for a lost email, too few to flood an inbox. */
export const PASSWORD_RESET_REQUESTS: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };

export const RESET_LINK_REFUSED = "This reset link has expired or was already used. Ask for a new one.";

/** The throttle's key for reset requests to one address (deleting a client removes it with the rest). */
export const resetRequestKey = (email: string) => `reset:${email}`;

/**
 * Emails a single-use link to choose a new password. The answer is the same whether or not
 * the address has an account, so the form cannot tell who does.
 */
export async function requestPasswordReset(db: Db, input: { email: string; now: Date; appUrl: string }) {
  const email = normalizeEmail(input.email);
  const key = resetRequestKey(email);
  await assertNotThrottled(db, [key], input.now, PASSWORD_RESET_REQUESTS, "reset links requested for this email");
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
    const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user || user.disabledAt) return;
    const studioId = await studioOfUser(tx, user.id);
    if (!studioId) return;
    const { token, tokenHash } = newToken();
    await tx.insert(authTokens).values({ userId: user.id, purpose: "password_reset", tokenHash, expiresAt: new Date(input.now.getTime() + PASSWORD_RESET_TTL_MS) });
    await enqueueEmail(tx, {
      studioId,
      kind: "password_reset",
      carriesCredential: true,
      to: email,
      subject: "Choose a new Stride password",
      text: `Hi ${user.name},\n\nOpen this link to choose a new password for Stride. It works once and expires in 30 minutes:\n\n${input.appUrl}/reset-password?token=${token}\n\nChoosing a new password signs you out on every device. If you did not ask for it, ignore this email: your password stays as it is.`,
    });
  });
}

/**
 * Spends a reset link: sets the new password and ends every session of the account (whoever
 * knew the old password is signed out too).
 */
export async function resetPassword(db: Db, input: { token: string; password: string; now: Date }) {
  const isLive = and(eq(authTokens.tokenHash, hashToken(input.token)), eq(authTokens.purpose, "password_reset"), isNull(authTokens.usedAt), gt(authTokens.expiresAt, input.now));
  // A link that cannot work costs no argon2 (anyone may post here); a live one is hashed for
  // before the transaction, which PGlite would otherwise hold for the whole hash.
  const [live] = await db.select({ id: authTokens.id }).from(authTokens).where(isLive).limit(1);
  if (!live) throw new DomainError("UNAUTHORIZED", RESET_LINK_REFUSED);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // Spent here, under the same conditions: of two uses at once, one wins.
    const [spent] = await tx.update(authTokens).set({ usedAt: input.now }).where(isLive).returning({ userId: authTokens.userId });
    const [user] = spent?.userId ? await tx.select().from(users).where(eq(users.id, spent.userId)).limit(1) : [];
    if (!user || user.disabledAt) throw new DomainError("UNAUTHORIZED", RESET_LINK_REFUSED);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    // Any other reset link still in the mailbox stops working with this one.
    await tx
      .update(authTokens)
      .set({ usedAt: input.now })
      .where(and(eq(authTokens.userId, user.id), eq(authTokens.purpose, "password_reset"), isNull(authTokens.usedAt)));
    await signOutEverywhere(tx, user.id);
  });
}
