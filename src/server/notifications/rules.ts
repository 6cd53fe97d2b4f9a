import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notification-kinds";

// What the email digest holds and when it goes out: plain data in, plain data out.

/** At most one digest per person per hour (the rule). */
export const DIGEST_INTERVAL_MS = 60 * 60 * 1000;
/** A missed notification waits this long first, so one read in the app meanwhile is left out. */
export const DIGEST_GRACE_MS = 15 * 60 * 1000;

export type DigestItem = {
  kind: string;
  title: string;
  body: string;
  url: string;
  createdAt: Date;
  seenAt: Date | null;
  pushedAt: Date | null;
  digestedAt: Date | null;
};

/** What the person missed: it reached no device, was not seen in the app, and no digest listed it yet. */
export function missedItems<T extends DigestItem>(items: T[]): T[] {
  return items.filter((i) => !i.seenAt && !i.pushedAt && !i.digestedAt);
}

/**
 * When the next digest may go: a grace after the earliest thing missed, and never within an
 * hour of the last digest.
 */
export function digestSendAt(earliestMissedAt: Date, lastDigestAt: Date | null): Date {
  const afterGrace = earliestMissedAt.getTime() + DIGEST_GRACE_MS;
  const afterLast = lastDigestAt ? lastDigestAt.getTime() + DIGEST_INTERVAL_MS : 0;
  return new Date(Math.max(afterGrace, afterLast));
}

/** The digest's email: what was missed, grouped by kind in the settings' order, newest first in each group. */
export function digestEmail(items: DigestItem[], appUrl: string): { subject: string; text: string } | null {
  const missed = missedItems(items);
  if (missed.length === 0) return null;
  const known = new Set<string>(NOTIFICATION_KINDS);
  const order = [...NOTIFICATION_KINDS, ...new Set(missed.map((i) => i.kind).filter((k) => !known.has(k)))];
  const sections = order.flatMap((kind) => {
    const inKind = missed.filter((i) => i.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    if (inKind.length === 0) return [];
    const heading = NOTIFICATION_KIND_LABELS[kind as NotificationKind] ?? kind;
    return [[`${heading}:`, ...inKind.map((i) => `- ${i.title}: ${i.body}\n  ${appUrl}${i.url}`)].join("\n")];
  });
  const subject = missed.length === 1 ? `You missed: ${missed[0]!.title}` : `You missed ${missed.length} notifications`;
  const text = [
    "Here is what happened while you were away.",
    ...sections,
    `You receive this because these did not reach a device with notifications on. Turn them on, or off per kind, in your account settings.`,
  ].join("\n\n");
  return { subject, text };
}
