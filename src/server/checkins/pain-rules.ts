import { PAIN_PLACE_LABELS, PAIN_PLACES, PAIN_SIDES, describePainPlace, type PainCondition, type PainPlace, type PainScore, type PainSide } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";

// How the client feels decides what comes next (issue 20): a drill that builds on another opens
// only while the places it loads have stayed calm, and a drill is paused as soon as pain at a
// place it loads rises above the studio's threshold. Plain data in, plain data out.

/** One answered check-in that had a pain map: the places that hurt (a place not listed = 0). */
export type PainReading = {
  responseId: string;
  localDate: LocalDate;
  answeredAt: Date;
  scores: readonly PainScore[];
  /** The form's title ("Morning check-in"), for the sentences; "check-in" when not known. */
  formTitle?: string;
};

export type { PainCondition };

export type PainSideScores = Record<PainSide, number>;

export type PainConditionEvaluation = {
  isMet: boolean;
  /** Of the last `needed` check-ins, those in which pain stayed at or under the maximum on both sides. */
  counted: number;
  needed: number;
  /** Clean check-ins in a row still needed before it is met (0 once met). */
  stillNeeded: number;
  /** The worst score at the places on each side over the last `needed` check-ins (0: none hurt). */
  worst: PainSideScores;
  /** The newest of the last `needed` check-ins that broke the condition, with its worst place. */
  offending: { reading: PainReading; place: PainPlace; side: PainSide; score: number } | null;
  /** "Pain at foot, ankle, shin, calf or knee ≤ 2 on each side in 3 of the last 5 check-ins (5 needed)". */
  summary: string;
};

/** Newest first: by when it was answered, then by id so equal instants keep one order. */
export function newestFirst(readings: readonly PainReading[]): PainReading[] {
  return readings.toSorted((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime() || (a.responseId < b.responseId ? 1 : a.responseId > b.responseId ? -1 : 0));
}

/** The places in the vocabulary's order, each once. */
function orderedPlaces(places: readonly PainPlace[]): PainPlace[] {
  const wanted = new Set(places);
  return PAIN_PLACES.filter((p) => wanted.has(p));
}

/** "foot, ankle, shin, calf or knee": the places as a trainer reads them in a sentence. */
export function describePlaces(places: readonly PainPlace[]): string {
  const words = orderedPlaces(places).map((p) => PAIN_PLACE_LABELS[p].toLowerCase());
  if (words.length === 0) return "no place";
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** The highest score of one reading at these places, on each side (an absent place is 0). */
export function worstBySide(reading: Pick<PainReading, "scores">, places: readonly PainPlace[]): PainSideScores {
  const wanted = new Set(places);
  const worst: PainSideScores = { left: 0, right: 0 };
  for (const s of reading.scores) if (wanted.has(s.place) && s.score > worst[s.side]) worst[s.side] = s.score;
  return worst;
}

/** The worst score of a reading at these places (either side), and where; null when none hurt there. Ties: the vocabulary's order, left first. */
export function worstSpot(reading: Pick<PainReading, "scores">, places: readonly PainPlace[]): { place: PainPlace; side: PainSide; score: number } | null {
  let worst: { place: PainPlace; side: PainSide; score: number } | null = null;
  for (const place of orderedPlaces(places)) {
    for (const side of PAIN_SIDES) {
      const score = Math.max(0, ...reading.scores.filter((s) => s.place === place && s.side === side).map((s) => s.score));
      if (score > 0 && (worst === null || score > worst.score)) worst = { place, side, score };
    }
  }
  return worst;
}

// "Hopping unlocks when … morning pain on each side has been ≤ 2/10 for the last 5 check-ins":
// met when there are at least N check-ins with a pain map and in each of the last N the worst
// score at the drill's places is at most the maximum, on the left and on the right alike.
export function evaluatePainCondition(condition: PainCondition, places: readonly PainPlace[], readings: readonly PainReading[]): PainConditionEvaluation {
  const { maxScore, checkins: needed } = condition;
  const last = newestFirst(readings).slice(0, needed);
  const worst: PainSideScores = { left: 0, right: 0 };
  let counted = 0;
  let streak = 0;
  let isStreaking = true;
  let offending: PainConditionEvaluation["offending"] = null;
  for (const reading of last) {
    const w = worstBySide(reading, places);
    worst.left = Math.max(worst.left, w.left);
    worst.right = Math.max(worst.right, w.right);
    const isClean = w.left <= maxScore && w.right <= maxScore;
    if (isClean) counted += 1;
    if (isClean && isStreaking) streak += 1;
    if (!isClean) {
      isStreaking = false;
      if (offending === null) offending = { reading, ...worstSpot(reading, places)! };
    }
  }
  const isMet = last.length === needed && counted === needed;
  const where = `Pain at ${describePlaces(places)} ≤ ${maxScore} on each side`;
  const window = needed === 1 ? "the last check-in" : `the last ${needed} check-ins`;
  const summary = isMet ? `Met: ${where.charAt(0).toLowerCase()}${where.slice(1)} in ${window}` : `${where} in ${counted} of ${window} (${needed} needed)`;
  return { isMet, counted, needed, stillNeeded: needed - streak, worst, offending, summary };
}

/** An active assignment and the places its drill loads. */
export type PausableAssignment = { assignmentId: string; drillName: string; places: readonly PainPlace[] };

export type PainPauseDecision = { assignmentId: string; drillName: string; place: PainPlace; side: PainSide; score: number; reason: string };

/** "3 December": a local date as the client reads it in a sentence. */
export function dayAndMonth(date: LocalDate): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
}

/** Pain above this is too much to keep training through (the studio's `pain_pause_above`). */
export const isAboveThreshold = (score: number, threshold: number) => score > threshold;

// A drill is paused as soon as one check-in scores a place it loads above the studio's
// threshold, on either side: the trainer decides when it resumes, not the app.
export function painPauseDecisions(threshold: number, assignments: readonly PausableAssignment[], reading: PainReading): PainPauseDecision[] {
  const checkin = reading.formTitle ? reading.formTitle.charAt(0).toLowerCase() + reading.formTitle.slice(1) : "check-in";
  return assignments.flatMap((a) => {
    const spot = worstSpot(reading, a.places);
    if (!spot || !isAboveThreshold(spot.score, threshold)) return [];
    const reason = `pain ${spot.score}/10 at the ${describePainPlace(spot.place, spot.side)} in the ${checkin} of ${dayAndMonth(reading.localDate)} (the studio pauses above ${threshold}).`;
    return [{ assignmentId: a.assignmentId, drillName: a.drillName, ...spot, reason }];
  });
}
