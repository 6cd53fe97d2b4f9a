// The kinds of notification a person can receive, each of which they can turn off in their
// account settings. One list: the settings page, the push sender and the digest read it.
export const NOTIFICATION_KINDS = ["message", "log_comment", "booking_reminder", "drill_unlocked", "payment_failed", "checkin_due"] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The setting's label, as a person reads it in their account settings. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  message: "A new message",
  log_comment: "Feedback or an answer on a logged session or run",
  booking_reminder: "A reminder before a booked session",
  drill_unlocked: "A drill unlocked",
  payment_failed: "A payment that failed",
  checkin_due: "A check-in to answer",
};

/**
 * Kinds only a client is ever sent (a check-in to answer): a trainer's settings do not offer
 * them. Every other kind can reach anyone.
 */
export const CLIENT_ONLY_NOTIFICATION_KINDS: readonly NotificationKind[] = ["checkin_due"];
