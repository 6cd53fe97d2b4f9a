import { eq } from "drizzle-orm";
import webpush from "web-push";
import type { Queryable } from "@/server/db/client";
import { pushSubscriptions } from "@/server/db/schema";
import { logger } from "@/server/logger";
import { vapidKeys } from "./vapid";

/** What a push notification carries to the service worker, which shows it and opens `url` on a click. */
export type PushPayload = { title: string; body: string; url: string; tag?: string };

// A day: a phone switched off for longer gets the email digest instead of a stale push.
const TTL_SECONDS = 24 * 60 * 60;
// A push service that does not answer in time counts as not delivered (the digest tells them).
const TIMEOUT_MS = 10_000;

/**
 * Sends a push notification to every device the person subscribed; a subscription the push
 * service says is gone (404, 410) is removed. `delivered` is how many devices accepted it (0:
 * tell the person another way, e.g. the email digest). Call it from a job, never in a request:
 * a slow push service must not slow anyone's page.
 */
export async function sendPushToUser(q: Queryable, userId: string, payload: PushPayload): Promise<{ delivered: number }> {
  const devices = await q.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  if (devices.length === 0) return { delivered: 0 };
  const keys = vapidKeys();
  const body = JSON.stringify(payload);
  let delivered = 0;
  for (const device of devices) {
    // web-push encrypts and signs (RFC 8291, VAPID); fetch sends it, so the local push service
    // stand-in on http://localhost is reached too (web-push's own sender speaks https only).
    const request = webpush.generateRequestDetails({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, body, {
      TTL: TTL_SECONDS,
      urgency: "normal",
      vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    });
    try {
      const res = await fetch(request.endpoint, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as Uint8Array<ArrayBuffer> | null, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
      if (res.ok) {
        delivered += 1;
      } else if (res.status === 404 || res.status === 410) {
        await q.delete(pushSubscriptions).where(eq(pushSubscriptions.id, device.id));
        logger.info({ subscriptionId: device.id, status: res.status }, "push subscription gone; removed");
      } else {
        logger.warn({ subscriptionId: device.id, status: res.status }, "push not delivered");
      }
    } catch (error) {
      logger.warn({ err: error, subscriptionId: device.id }, "push not delivered");
    }
  }
  return { delivered };
}

/** Whether the person has at least one device subscribed to push. */
export async function hasPushSubscription(q: Queryable, userId: string): Promise<boolean> {
  const [row] = await q.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).limit(1);
  return !!row;
}
