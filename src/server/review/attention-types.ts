// The trainer's attention queue is assembled from several sources (logging, progression,
// billing); each returns items of this one shape, so the queue can merge and sort them.
export type AttentionKind =
  | "unreviewed_session"
  | "pain"
  | "missed_days"
  | "asymmetry"
  | "unlocked"
  | "failed_payment";

export type AttentionItem = {
  kind: AttentionKind;
  /** Stable per item, e.g. `unreviewed_session:<sessionId>`, for React keys and dismissals. */
  key: string;
  clientId: string;
  clientName: string;
  /** When it happened (or became true), for ordering newest first. */
  at: Date;
  /** One sentence for the trainer, e.g. "Left and right differ by 22% in Knee Drive (7-day average)." */
  summary: string;
  /** Where the trainer acts on it. */
  href: string;
};

/** A source of items for one studio; `now` comes from the caller's clock. */
export type AttentionSource = (input: { studioId: string; now: Date }) => Promise<AttentionItem[]>;
