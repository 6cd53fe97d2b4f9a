import type { Queryable } from "@/server/db/client";

/** What a push notification carries to the service worker, which shows it and opens `url` on a click. */
export type PushPayload = { title: string; body: string; url: string; tag?: string };

/**
 * Sends a push notification to every device the person subscribed; a subscription the push
 * service says is gone is removed. `delivered` is how many devices accepted it (0: tell the
 * person another way, e.g. the email digest).
 *
 * PLACEHOLDER until the push branch lands: it delivers to no device yet.
 */
export async function sendPushToUser(_q: Queryable, _userId: string, _payload: PushPayload): Promise<{ delivered: number }> {
  return { delivered: 0 };
}

/** Whether the person has at least one device subscribed to push. PLACEHOLDER: none yet. */
export async function hasPushSubscription(_q: Queryable, _userId: string): Promise<boolean> {
  return false;
}
