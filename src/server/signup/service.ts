import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { loginAttempts, studioMembers } from "@/server/db/schema";
import { assertNotThrottled } from "@/server/auth/service";
import { hashPassword } from "@/server/auth/password";
import type { ThrottleRule } from "@/server/auth/throttle";
import { createStudioWithOwner } from "@/server/setup/service";
import { DomainError } from "@/lib/errors";
import { confirmationState, issueSignupConfirmation } from "./confirmation";
import type { SignupInput } from "./input";

// Open sign-up (STRIDE_SIGNUP=open): a trainer makes their account and their studio in one
// form, through the same code as the first-run set-up, and is signed in at once; the studio
// opens for clients and payments when the emailed link confirms the owner's address.

export const SIGNUP_CLOSED = "Sign-up is not open on this Stride. Ask whoever runs it to invite you.";
export const ADDRESS_HAS_ACCOUNT = "That address already has an account; sign in.";

/**
 * Sign-ups from one network address: every try counts, a success too (each makes a studio),
 * so one address makes at most 10 studios an hour and probes as many addresses.
 */
export const SIGNUP_ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 10, windowMs: 60 * 60_000, isForgivenBySuccess: false };
/** Confirmation links asked for again: five an hour per person. */
export const RESEND_THROTTLE: ThrottleRule = { maxFailures: 5, windowMs: 60 * 60_000, isForgivenBySuccess: false };

export async function signUpTrainer(
  db: Db,
  input: SignupInput & { isOpen: boolean; ip: string | null; now: Date; appUrl: string },
): Promise<{ email: string; studioId: string }> {
  if (!input.isOpen) throw new DomainError("NOT_FOUND", SIGNUP_CLOSED);
  // Per network address, as the other public forms count (a request always has one over HTTP).
  if (input.ip) {
    const key = `trainer-signup:ip:${input.ip}`;
    await assertNotThrottled(db, [key], input.now, SIGNUP_ADDRESS_THROTTLE, "sign-ups from your network");
    // Counted before anything else, so a refused address is a try too (it limits probing for accounts).
    await db.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
  }
  // Hashing is slow on purpose: done before the transaction.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const created = await createStudioWithOwner(tx, { ...input, passwordHash, emailConfirmedAt: null });
    if (!created) throw new DomainError("CONFLICT", ADDRESS_HAS_ACCOUNT, "email");
    await issueSignupConfirmation(tx, { studioId: created.studioId, userId: created.userId, now: input.now, appUrl: input.appUrl });
    return { email: input.email, studioId: created.studioId };
  });
}

/** “Send again”: a new link to the owner while the studio waits for confirmation. */
export async function resendSignupConfirmation(db: Db, input: { studioId: string; userId: string; now: Date; appUrl: string }) {
  const state = await confirmationState(db, input.studioId);
  if (state.isConfirmed) return { isConfirmed: true, email: state.ownerEmail };
  const key = `signup-confirm:${input.userId}`;
  await assertNotThrottled(db, [key], input.now, RESEND_THROTTLE, "confirmation emails asked for");
  await db.transaction(async (tx) => {
    const [owner] = await tx.select({ role: studioMembers.role }).from(studioMembers).where(eq(studioMembers.userId, input.userId));
    if (owner?.role !== "owner") throw new DomainError("FORBIDDEN", "Only the studio owner can do this.");
    await tx.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
    await issueSignupConfirmation(tx, input);
  });
  return { isConfirmed: false, email: state.ownerEmail };
}
