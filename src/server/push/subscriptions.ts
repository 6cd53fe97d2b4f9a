import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { pushSubscriptions } from "@/server/db/schema";

export type NewPushSubscription = { endpoint: string; p256dh: string; auth: string; label: string };

/** Keeps the device's subscription for the person; the same device subscribing again replaces its keys (and its owner). */
export async function subscribeDevice(q: Queryable, userId: string, s: NewPushSubscription) {
  await q
    .insert(pushSubscriptions)
    .values({ userId, ...s })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh: s.p256dh, auth: s.auth, label: s.label } });
  return { subscribed: true };
}

/** The person's device stops receiving push (someone else's endpoint changes nothing). */
export async function unsubscribeDevice(q: Queryable, userId: string, endpoint: string) {
  await q.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
  return { subscribed: false };
}

/** The person's subscribed devices, newest first (the endpoint tells this device apart in the page). */
export async function listPushDevices(q: Queryable, userId: string) {
  return q
    .select({ id: pushSubscriptions.id, label: pushSubscriptions.label, endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt));
}
