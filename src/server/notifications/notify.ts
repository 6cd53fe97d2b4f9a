import { and, eq, isNull, max, sql } from "drizzle-orm";
import { CLIENT_ONLY_KINDS, NOTIFICATION_KIND_LABELS, notificationKindsFor, TRAINER_ONLY_KINDS, type NotificationAudience, type NotificationKind } from "@/lib/notification-kinds";
import type { Queryable, Tx } from "@/server/db/client";
import { clients, notificationPreferences, notifications, studioMembers, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { enqueueJob } from "@/server/jobs/service";
import { enqueueEmail } from "@/server/outbox/service";
import { sendPushToUser } from "@/server/push/send";
import { digestEmail, digestSendAt, missedItems } from "./rules";

export type NewNotification = {
  studioId: string;
  /** The person told. */
  userId: string;
  kind: NotificationKind;
  /** A short title and one line, as a phone shows them. */
  title: string;
  body: string;
  /** The page the notification opens (a path within the app). */
  url: string;
};

export const PUSH_JOB = "notification.push";
export const DIGEST_JOB = "notification.digest";

/**
 * Tells a person about something that happened: by push to their devices, or in the next email
 * digest when they have push off for the kind or no device took it. Stored either way (the
 * digest reads it). Call it inside the transaction that makes the change: the push itself runs
 * as a job, so a slow push service never slows the request.
 */
export async function notify(q: Queryable, n: NewNotification): Promise<void> {
  await assertAudience(q, n);
  const [row] = await q
    .insert(notifications)
    .values({ studioId: n.studioId, userId: n.userId, kind: n.kind, title: n.title.slice(0, 200), body: n.body.slice(0, 500), url: n.url })
    .returning({ id: notifications.id, createdAt: notifications.createdAt });
  if (await isPushOn(q, n.userId, n.kind)) await enqueueJob(q, { kind: PUSH_JOB, key: `notification-push:${row!.id}`, runAt: row!.createdAt, payload: { notificationId: row!.id } });
  else await scheduleDigest(q, n.userId);
}

/**
 * A kind meant for one audience goes only to it: a client's health answers only to the studio's
 * people, a check-in to answer only to a client of the studio. Anyone else is a caller's mistake
 * (a programming error, not the person's), refused before anything is stored.
 */
async function assertAudience(q: Queryable, n: NewNotification): Promise<void> {
  if (CLIENT_ONLY_KINDS.includes(n.kind)) {
    const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, n.studioId, eq(clients.userId, n.userId))).limit(1);
    if (!client) throw new Error(`notify: "${n.kind}" is sent only to a client of the studio, and user ${n.userId} is not one.`);
  } else if (TRAINER_ONLY_KINDS.includes(n.kind)) {
    const [member] = await q.select({ id: studioMembers.id }).from(studioMembers).where(inStudio(studioMembers, n.studioId, eq(studioMembers.userId, n.userId))).limit(1);
    if (!member) throw new Error(`notify: "${n.kind}" is sent only to a member of the studio, and user ${n.userId} is not one.`);
  }
}

async function isPushOn(q: Queryable, userId: string, kind: string): Promise<boolean> {
  const [pref] = await q
    .select({ on: notificationPreferences.pushEnabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)));
  return pref?.on ?? true;
}

/** The job: push one notification; if no device took it (or it was seen meanwhile, nothing), the digest will. */
export async function pushNotificationJob(tx: Tx, payload: Record<string, unknown>, now: Date): Promise<void> {
  const [n] = await tx.select().from(notifications).where(eq(notifications.id, String(payload.notificationId)));
  if (!n || n.seenAt || n.pushedAt) return;
  const { delivered } = await sendPushToUser(tx, n.userId, { title: n.title, body: n.body, url: n.url, tag: n.url });
  if (delivered > 0) await tx.update(notifications).set({ pushedAt: now }).where(eq(notifications.id, n.id));
  else await scheduleDigest(tx, n.userId);
}

// One pending digest job per person: its key names the time it is due, which stays the same
// until a digest goes out.
async function scheduleDigest(q: Queryable, userId: string): Promise<void> {
  const [pending] = await q
    .select({ earliest: sql<string | null>`min(${notifications.createdAt})` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.seenAt), isNull(notifications.pushedAt), isNull(notifications.digestedAt)));
  if (!pending?.earliest) return;
  const runAt = digestSendAt(new Date(pending.earliest), await lastDigestAt(q, userId));
  await enqueueJob(q, { kind: DIGEST_JOB, key: `notification-digest:${userId}:${runAt.toISOString()}`, runAt, payload: { userId } });
}

async function lastDigestAt(q: Queryable, userId: string): Promise<Date | null> {
  const [row] = await q.select({ at: max(notifications.digestedAt) }).from(notifications).where(eq(notifications.userId, userId));
  return row?.at ? new Date(row.at) : null;
}

/** The job: email what the person missed, at most once an hour; seen notifications are left out. */
export function digestJob(appUrl: () => string) {
  return async (tx: Tx, payload: Record<string, unknown>, now: Date): Promise<void> => {
    const userId = String(payload.userId);
    const last = await lastDigestAt(tx, userId);
    if (last && now.getTime() < last.getTime() + 60 * 60 * 1000) {
      // Another digest went out within the hour: this one waits its turn.
      await scheduleDigest(tx, userId);
      return;
    }
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt), isNull(notifications.seenAt), isNull(notifications.pushedAt), sql`${notifications.createdAt} <= ${now.toISOString()}::timestamptz`));
    const missed = missedItems(rows);
    const [user] = await tx.select({ email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    const email = digestEmail(missed, appUrl());
    if (!email || !user || user.disabledAt) return;
    const newest = missed.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
    await enqueueEmail(tx, { studioId: newest.studioId, kind: "notification_digest", to: user.email, subject: email.subject, text: email.text });
    await tx
      .update(notifications)
      .set({ digestedAt: now })
      .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt), sql`${notifications.id} in (${sql.join(missed.map((m) => sql`${m.id}`), sql`, `)})`));
  };
}

/** The person has opened the page: its notifications (url at or under `urlPrefix`) are seen and leave the digest. */
export async function markNotificationsSeen(q: Queryable, userId: string, urlPrefix: string, now: Date): Promise<void> {
  await q
    .update(notifications)
    .set({ seenAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.seenAt),
        sql`(${notifications.url} = ${urlPrefix} or left(${notifications.url}, ${urlPrefix.length + 1}) in (${urlPrefix + "/"}, ${urlPrefix + "?"}))`,
      ),
    );
}

/** The person's switches, one per kind they can be sent (a client is never sent a trainer's kind), in the settings' order. */
export async function notificationPreferencesOf(q: Queryable, userId: string, audience: NotificationAudience) {
  const rows = await q.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return notificationKindsFor(audience).map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind], pushEnabled: rows.find((r) => r.kind === kind)?.pushEnabled ?? true }));
}

export async function setNotificationPreference(q: Queryable, userId: string, audience: NotificationAudience, kind: NotificationKind, pushEnabled: boolean) {
  await q
    .insert(notificationPreferences)
    .values({ userId, kind, pushEnabled })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { pushEnabled } });
  return notificationPreferencesOf(q, userId, audience);
}
