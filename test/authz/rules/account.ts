import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { startDeviceSession } from "@/server/auth/device-sessions";
import { hashToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db/client";
import { authTokens, clients, emailChanges, studioMembers, users } from "@/server/db/schema";
import { TEST_PASSWORD } from "../../factories";
import { CLIENTS, EVERYONE, SIGNED_IN, type AuthzFixture, type ProcedureRules, type Role } from "../roles";

const freshEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

async function freshUser(db: Db, label: string) {
  const [user] = await db.insert(users).values({ email: freshEmail(label), name: `Stand-in ${randomUUID().slice(0, 4)}` }).returning();
  return user!;
}

/**
 * A fresh person in the role's place: a client of the home studio's trainer, or a trainer of
 * the role's studio. The account procedures ask no more than "signed in" (and "a client"), so
 * the owner's stand-in is a trainer: a second owner would change who the home studio's owner is.
 */
async function standIn(f: AuthzFixture, db: Db, role: Role): Promise<string> {
  const user = await freshUser(db, role.toLowerCase());
  if (role === "clientA" || role === "clientB") {
    await db.insert(clients).values({ studioId: f.home.studioId, userId: user.id, coachId: f.home.trainer.memberId, name: user.name, email: user.email });
  } else {
    await db.insert(studioMembers).values({ studioId: role === "otherTrainer" ? f.other.studioId : f.home.studioId, userId: user.id, role: "trainer" });
  }
  return user.id;
}

async function nameOf(db: Db, userId: string) {
  const [user] = await db.select({ name: users.name, timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return user!;
}

export const accountRules: ProcedureRules = {
  "account.get": { allowed: SIGNED_IN, clientScoped: false },
  // Each person sends their own name and zone back: the shared fixture stays as it is.
  "account.updateProfile": {
    allowed: SIGNED_IN, clientScoped: false,
    input: async (f, db, callerId) => ({ ...(await nameOf(db, callerId ?? f.home.clientA.userId)), distanceUnit: "mi" }),
  },
  "account.changePassword": { allowed: SIGNED_IN, clientScoped: false, input: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }) },
  // A fresh address per call: five requests an hour per person are allowed.
  "account.requestEmailChange": { allowed: SIGNED_IN, clientScoped: false, input: () => ({ newEmail: freshEmail("moving") }) },
  "account.cancelEmailChange": { allowed: SIGNED_IN, clientScoped: false },
  // The caller's own waiting change (a stand-in's, so the fixture keeps its addresses).
  "account.confirmEmailChange": {
    allowed: SIGNED_IN, clientScoped: false,
    standIn,
    input: async (f, db, callerId) => {
      const token = randomUUID();
      await db
        .insert(emailChanges)
        .values({ userId: callerId ?? f.home.clientA.userId, newEmail: freshEmail("confirmed"), tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) })
        .onConflictDoNothing();
      return { token };
    },
  },
  "account.devices": { allowed: SIGNED_IN, clientScoped: false },
  "account.signOutDevice": {
    allowed: SIGNED_IN, clientScoped: false,
    input: async (f, db, callerId) => ({
      deviceId: await startDeviceSession(db, { userId: callerId ?? f.home.clientA.userId, userAgent: "Matrix/1.0", ip: null, now: new Date() }),
    }),
  },
  // A stand-in client deletes their own account; the fuzzer (no caller) gets a name that confirms nothing.
  "account.deleteMine": {
    allowed: CLIENTS,
    standIn,
    input: async (_f, db, callerId) => ({ confirmName: callerId ? (await nameOf(db, callerId)).name : "Not anyone's name" }),
  },
  // A fresh address per call: five reset links per address are allowed in 15 minutes.
  "auth.requestPasswordReset": { allowed: EVERYONE, clientScoped: false, input: () => ({ email: freshEmail("forgetful") }) },
  // A fresh person's link per call: spending it changes their password and no one else's.
  "auth.resetPassword": {
    allowed: EVERYONE, clientScoped: false,
    input: async (_f, db) => {
      const user = await freshUser(db, "resetting");
      const token = randomUUID();
      await db.insert(authTokens).values({ userId: user.id, purpose: "password_reset", tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 600_000) });
      return { token, password: "a brand new password" };
    },
  },
};
