import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { loginAttempts, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import { endOtherDeviceSessions } from "./device-sessions";
import { hashPassword, verifyPassword } from "./password";
import { assertNotThrottled } from "./service";
import { SIGN_IN_THROTTLE } from "./throttle";

/** The throttle's key for one person's tries at their current password (deleting a client removes it). */
export const passwordChangeKey = (userId: string) => `password-change:${userId}`;

/**
 * A signed-in person sets a new password, proving the current one first (a borrowed session
 * cannot take the account). Their other devices are signed out, as after a reset: whoever
 * knew the old password loses the sessions it opened; this device stays signed in.
 * Wrong current passwords are throttled per account like sign-in (10 in 15 minutes, forgiven
 * by the right one): otherwise a borrowed session could guess the password here, unthrottled.
 */
export async function changePassword(db: Db, input: { userId: string; deviceSessionId: string | null; currentPassword: string; newPassword: string; now: Date }) {
  const key = passwordChangeKey(input.userId);
  await assertNotThrottled(db, [key], input.now, SIGN_IN_THROTTLE, "wrong current passwords for this account");
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user?.passwordHash) {
    throw new DomainError("PRECONDITION_FAILED", "Your account has no password yet. Sign out and use “Forgot your password?” on the sign-in page to choose one.");
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await db.insert(loginAttempts).values({ key, succeeded: false, createdAt: input.now });
    throw new DomainError("BAD_REQUEST", "That is not your current password.", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId));
    await endOtherDeviceSessions(tx, { userId: input.userId, keepDeviceSessionId: input.deviceSessionId });
    await tx.insert(loginAttempts).values({ key, succeeded: true, createdAt: input.now });
  });
}
