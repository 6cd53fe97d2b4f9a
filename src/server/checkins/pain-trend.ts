import { PAIN_PLACES, PAIN_SIDES, type PainPlace, type PainScore, type PainSide } from "@/lib/checkins/vocabulary";

// Rising pain (issue 20): a trend, not a single value. One bad morning is the pain-pause rule's
// business (a score above the studio's threshold); what a physio wants to hear about early is
// pain that keeps climbing, at one place and side, before it reaches that threshold.

/** How many of a client's latest check-ins with a pain map the trend is read over. */
export const PAIN_TREND_CHECKINS = 3;
/**
 * The least latest score that makes a climb worth the trainer's eye: 0 → 1 → 2 is a niggle
 * noticed, not a trend (and a strictly rising integer series of three ends at 2 at the least).
 */
export const PAIN_TREND_MIN_LATEST = 3;

/** One check-in of a client that asked for a pain map; `scores` lists only the places that hurt (absent = 0). */
export type PainReading = {
  clientId: string;
  responseId: string;
  /** The client's local day it was answered: check-ins are read in the order of their days, then of their instants. */
  localDate: string;
  answeredAt: Date;
  scores: readonly PainScore[];
};

export type PainTrend = {
  clientId: string;
  place: PainPlace;
  side: PainSide;
  /** Oldest first, e.g. [1, 3, 5]. */
  scores: number[];
  /** The latest check-in of the three, when the trend became true. */
  responseId: string;
  answeredAt: Date;
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byTime = (a: PainReading, b: PainReading) => compare(a.localDate, b.localDate) || a.answeredAt.getTime() - b.answeredAt.getTime() || compare(a.responseId, b.responseId);

/** A place's score in one reading: the highest marked there (a form may ask two pain maps), 0 when not marked. */
function scoreAt(reading: PainReading, place: PainPlace, side: PainSide): number {
  return reading.scores.reduce((max, s) => (s.place === place && s.side === side && s.score > max ? s.score : max), 0);
}

// Pain at a place and side is rising when, over the client's last three check-ins with a pain map, it went up each time (absent = 0) and is now 3/10 or more.
// `since`: a trend whose latest check-in is older than this is stale (the client stopped answering; the queue has missed check-ins for that).
export function risingPainTrends(readings: readonly PainReading[], options: { since?: Date } = {}): PainTrend[] {
  const byClient = new Map<string, PainReading[]>();
  for (const r of readings) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  const trends: PainTrend[] = [];
  for (const [clientId, theirs] of byClient) {
    const last = [...theirs].sort(byTime).slice(-PAIN_TREND_CHECKINS);
    if (last.length < PAIN_TREND_CHECKINS) continue;
    const latest = last.at(-1)!;
    if (options.since && latest.answeredAt < options.since) continue;
    for (const place of PAIN_PLACES) {
      for (const side of PAIN_SIDES) {
        const scores = last.map((r) => scoreAt(r, place, side));
        const isRising = scores.every((s, i) => i === 0 || s > scores[i - 1]!);
        if (isRising && scores.at(-1)! >= PAIN_TREND_MIN_LATEST) trends.push({ clientId, place, side, scores, responseId: latest.responseId, answeredAt: latest.answeredAt });
      }
    }
  }
  return trends;
}
