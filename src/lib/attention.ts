import type { DistanceUnit } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
// The trainer's attention queue is assembled from several sources (logging, progression,
// billing); each returns items of this one shape, so the queue can merge and sort them.
// The shape lives here, below every domain, so that review imports the sources and no source
// imports review back; the browser's list renders the same shape.
export type AttentionKind =
  | "unreviewed_session"
  | "pain"
  | "missed_days"
  | "asymmetry"
  | "unlocked"
  | "load_spike"
  | "failed_payment"
  | "unanswered"
  | "intake_red_flag"
  | "rising_pain"
  | "auto_paused"
  | "missed_checkin";

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
  /**
   * On a pain item: the log whose comments the trainer can answer in the queue, its thread if
   * one was opened, and whether a trainer's comment came after the client's report.
   */
  answer?: { log: { sessionId: string } | { runId: string }; threadId: string | null; isAnswered: boolean };
};

/**
 * Whose clients a queue covers: one coach's (a studio member's id), or the whole studio (null).
 * Every source applies it, so a trainer's queue holds only the clients they coach.
 */
export type AttentionScope = {
  studioId: string;
  now: Date;
  coachId: string | null;
  /** The reader's unit, for the sentences that mention a distance; km when not said. */
  distanceUnit?: DistanceUnit;
};

/** "mine": the clients the asking member coaches; "studio": every client of the studio. */
export type AttentionView = "mine" | "studio";

/**
 * Whose clients a member's queue covers unless they choose: a trainer works with their own
 * clients; the owner runs the studio and sees everyone's.
 */
export function attentionCoachOf(member: { memberId: string; role: "owner" | "trainer" }, view?: AttentionView): string | null {
  const chosen = view ?? (member.role === "owner" ? "studio" : "mine");
  return chosen === "mine" ? member.memberId : null;
}

/** A source of items for one studio (or one coach's clients in it); `now` comes from the caller's clock. */
export type AttentionSource = (input: AttentionScope) => Promise<AttentionItem[]>;

/**
 * Items about a client's day rather than a moment (their `at` is noon UTC of that day), with
 * the word the queue puts before the day.
 */
const DAY_ITEMS: Partial<Record<AttentionKind, string>> = { missed_days: "last missed", missed_checkin: "due" };

/**
 * When an item happened, as its line in the queue says it: a missed day or a check-in's due day
 * as the day ("due Sun 22 March", the same on every clock), anything else as the time in the
 * reader's zone. The one place the queue dates its items: a source's sentence does not repeat it.
 */
export function attentionWhen(item: Pick<AttentionItem, "kind" | "at">, timeZone: string, now: Date): string {
  const word = DAY_ITEMS[item.kind];
  if (!word) return formatWhen(item.at, timeZone, now);
  return `${word} ${item.at.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" })}`;
}
