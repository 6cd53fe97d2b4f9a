import { and, desc, eq, gte, lt, ne } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { authSessions } from "@/server/db/schema";
import { DEVICE_SEEN_EVERY_MS, SESSION_MAX_AGE_SECONDS } from "@/server/security/session-policy";

// A sign-in is a row per device (`auth_sessions`), so signing out on one device ends that
// session on the server, whoever holds a copy of its cookie, and leaves the others alone.

/** Headers can be long and a proxy may pass anything: keep what identifies a device to a person. */
function shortened(text: string | null | undefined, max: number): string | null {
  if (!text) return null;
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, "");
  return clean.slice(0, max) || null;
}

/** A device signs in: its row, whose id the session cookie carries. */
export async function startDeviceSession(q: Queryable, input: { userId: string; userAgent: string | null; ip: string | null; now: Date }): Promise<string> {
  // The person's rows older than any session can live are dead; dropping them here keeps the
  // table the size of the sessions that can still be used, with no sweeper to run.
  const expired = new Date(input.now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  await q.delete(authSessions).where(and(eq(authSessions.userId, input.userId), lt(authSessions.createdAt, expired)));
  const [row] = await q
    .insert(authSessions)
    .values({ userId: input.userId, userAgent: shortened(input.userAgent, 300), ip: shortened(input.ip, 64), createdAt: input.now, lastSeenAt: input.now })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * A device signs out (this one, or one the person picked in their account settings): its
 * session stops working on the very next request, on every instance. False when the person
 * has no such device.
 */
export async function endDeviceSession(q: Queryable, input: { userId: string; deviceSessionId: string }): Promise<boolean> {
  const ended = await q
    .delete(authSessions)
    .where(and(eq(authSessions.id, input.deviceSessionId), eq(authSessions.userId, input.userId)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/** Every device of the person but this one signs out (a new password). */
export async function endOtherDeviceSessions(q: Queryable, input: { userId: string; keepDeviceSessionId: string | null }) {
  await q
    .delete(authSessions)
    .where(and(eq(authSessions.userId, input.userId), input.keepDeviceSessionId ? ne(authSessions.id, input.keepDeviceSessionId) : undefined));
}

/** The person's devices still signed in, most recently used first. */
export async function listDeviceSessions(q: Queryable, userId: string, now: Date) {
  const oldestLive = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  return q
    .select({ id: authSessions.id, userAgent: authSessions.userAgent, ip: authSessions.ip, signedInAt: authSessions.createdAt, lastSeenAt: authSessions.lastSeenAt })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), gte(authSessions.createdAt, oldestLive)))
    .orderBy(desc(authSessions.lastSeenAt));
}

/** Every device of the person signs out (sign out everywhere, a deleted account). */
export async function endAllDeviceSessions(q: Queryable, userId: string) {
  await q.delete(authSessions).where(eq(authSessions.userId, userId));
}

/**
 * Notes that a device was used, at most once per DEVICE_SEEN_EVERY_MS: the condition makes
 * concurrent requests (or instances) that all saw a stale time write once between them.
 */
export async function touchDeviceSession(q: Queryable, deviceSessionId: string, now: Date) {
  await q
    .update(authSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(authSessions.id, deviceSessionId), lt(authSessions.lastSeenAt, new Date(now.getTime() - DEVICE_SEEN_EVERY_MS))));
}
