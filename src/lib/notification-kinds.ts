// The kinds of notification a person can receive, each of which they can turn off in their
// account settings. One list: the settings page, the push sender and the digest read it.
export const NOTIFICATION_KINDS = ["message", "log_comment", "booking_reminder", "drill_unlocked", "drill_paused", "payment_failed", "checkin_due", "health_flag"] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The setting's label, as a person reads it in their account settings. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  message: "A new message",
  log_comment: "Feedback or an answer on a logged session or run",
  booking_reminder: "A reminder before a booked session",
  drill_unlocked: "A drill unlocked",
  drill_paused: "A drill paused by a pain report",
  payment_failed: "A payment that failed",
  checkin_due: "A check-in to answer",
  health_flag: "A client's health answers need your eye",
};

/** Who a person is to the app, for the kinds they can be sent. */
export type NotificationAudience = "trainer" | "client" | "none";

/** Kinds only a studio's trainers are ever sent (a client's health answers): a client's settings do not offer them. */
export const TRAINER_ONLY_KINDS: readonly NotificationKind[] = ["health_flag"];

/** Kinds only a client is ever sent (a check-in to answer): a trainer's settings do not offer them. */
export const CLIENT_ONLY_KINDS: readonly NotificationKind[] = ["checkin_due"];

/** The kinds a person is offered in their settings, in the settings' order. */
export function notificationKindsFor(audience: NotificationAudience): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => (audience === "trainer" ? !CLIENT_ONLY_KINDS.includes(kind) : !TRAINER_ONLY_KINDS.includes(kind)));
}
