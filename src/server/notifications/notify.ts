import type { NotificationKind } from "@/lib/notification-kinds";
import type { Queryable } from "@/server/db/client";

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

/**
 * Tells a person about something that happened: by push to their devices, or in the next email
 * digest when they have push off or no device subscribed. Respects the person's settings for
 * the kind. Call it inside the transaction that makes the change.
 *
 * PLACEHOLDER until the push branch lands: it tells no one yet.
 */
export async function notify(_q: Queryable, _n: NewNotification): Promise<void> {}
