import { and, eq, isNull } from "drizzle-orm";
import { endDeviceSession, listDeviceSessions } from "@/server/auth/device-sessions";
import { pendingEmailChange } from "@/server/auth/email-change";
import type { Queryable } from "@/server/db/client";
import { clients, users } from "@/server/db/schema";
import { DomainError } from "@/lib/errors";
import type { DistanceUnit } from "@/lib/distance-units";
import { describeDevice } from "./rules";

// A person's own account settings: who they are called, where they are, how they read
// distances, which devices are signed in. Their address and password have their own flows
// (auth/email-change.ts, auth/change-password.ts), and a client's own deletion is the
// studio's deletion rule (data-rights/delete-client.ts).

/** What the settings page shows the person about their own account. */
export async function getAccount(q: Queryable, userId: string) {
  const [user] = await q
    .select({ name: users.name, email: users.email, timeZone: users.timeZone, distanceUnit: users.distanceUnit, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw new DomainError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  const { passwordHash, ...shown } = user;
  // What a client types to delete their account: the studio's name for them (data-rights/delete-client.ts).
  const [client] = await q.select({ name: clients.name }).from(clients).where(and(eq(clients.userId, userId), isNull(clients.deletedAt))).limit(1);
  return { ...shown, hasPassword: !!passwordHash, nameAtStudio: client?.name ?? null, pendingEmailChange: await pendingEmailChange(q, userId) };
}

/**
 * Name, time zone and distance unit. A client's name is also the studio's name for them, so
 * their trainer sees the name they chose. A new time zone moves what is due "today" from now
 * on; the progression caches it reaches are dropped by the database (drizzle/0011).
 */
export async function updateProfile(q: Queryable, userId: string, input: { name: string; timeZone: string; distanceUnit: DistanceUnit | null }) {
  return q.transaction(async (tx) => {
    await tx.update(users).set({ name: input.name, timeZone: input.timeZone, distanceUnit: input.distanceUnit }).where(eq(users.id, userId));
    await tx.update(clients).set({ name: input.name }).where(and(eq(clients.userId, userId), isNull(clients.deletedAt)));
    return getAccount(tx, userId);
  });
}

/** The person's signed-in devices, this one marked. */
export async function listDevices(q: Queryable, input: { userId: string; deviceSessionId: string | null; now: Date }) {
  const rows = await listDeviceSessions(q, input.userId, input.now);
  return rows.map((row) => ({
    id: row.id,
    label: describeDevice(row.userAgent),
    ip: row.ip,
    signedInAt: row.signedInAt,
    lastSeenAt: row.lastSeenAt,
    isThisDevice: row.id === input.deviceSessionId,
  }));
}

/** Signs out one of the person's devices; another person's device answers like a missing one. */
export async function signOutDevice(q: Queryable, input: { userId: string; deviceId: string }) {
  if (!(await endDeviceSession(q, { userId: input.userId, deviceSessionId: input.deviceId }))) {
    throw new DomainError("NOT_FOUND", "That device is no longer signed in to your account.");
  }
  return { isSignedOut: true };
}
