import type { LocalDate } from "@/lib/local-date";
import {
  evaluateMastery,
  findFirstMasteredDate,
  isDrillUnlocked,
  type DailyBest,
  type MasteryEvaluation,
  type UnlockOverride,
  type UnlockReason,
} from "./mastery";
import { measureUnits, type MasteryRule, type MeasureKind } from "@/lib/drills/vocabulary";
import type { PainPlace } from "@/lib/checkins/vocabulary";
import { describePlaces, evaluatePainCondition, type PainCondition, type PainConditionEvaluation, type PainReading } from "@/server/checkins/pain-rules";

export type PrerequisiteOf = {
  requiresDrillId: string;
  requiresDrillName: string;
  /** How the prerequisite drill is measured (the rule's minimum is in that unit). */
  measure: MeasureKind;
  rule: MasteryRule;
  /** How the client must feel too: pain at the unlocked drill's places in the last check-ins. */
  painCondition?: PainCondition | null;
};

export type PrerequisiteProgress = PrerequisiteOf & {
  evaluation: MasteryEvaluation;
  everMet: boolean;
  /** "Knee Drive: at least 30 s on each side on 5 of the last 7 days". */
  requirement: string;
  /** The pain condition read over the client's last check-ins; null when the rule has none. */
  pain: PainConditionEvaluation | null;
  /** "pain at foot, ankle, shin, calf or knee ≤ 2 on each side in the last 5 check-ins"; null without one. */
  painRequirement: string | null;
  /** Mastered and, with a pain condition, the pain condition holds (or held when the drill unlocked). */
  isSatisfied: boolean;
};

export type LockState = {
  isUnlocked: boolean;
  reason: UnlockReason;
  overrideReason: string | null;
  progress: PrerequisiteProgress[];
};

// What a rule asks, in the client's words: "at least 30 s on each side on 5 of the last 7 days".
export function describeMasteryRule(rule: MasteryRule, measure: MeasureKind): string {
  const unit = measureUnits[measure];
  const amount = measure === "hold_seconds" ? `a hold of at least ${rule.minValuePerSide} s` : `at least ${rule.minValuePerSide} ${rule.minValuePerSide === 1 ? unit.singular : unit.plural}`;
  const days = rule.windowDays === 1 ? "today" : `on ${rule.requiredDays} of the last ${rule.windowDays} days`;
  return `${amount} on each side ${days}`;
}

// What a pain condition asks, in a sentence: "pain at foot, ankle, shin, calf or knee ≤ 2 on each side in the last 5 check-ins".
export function describePainCondition(condition: PainCondition, places: readonly PainPlace[]): string {
  const window = condition.checkins === 1 ? "the last check-in" : `the last ${condition.checkins} check-ins`;
  return `pain at ${describePlaces(places)} ≤ ${condition.maxScore} on each side in ${window}`;
}

// A drill with prerequisites opens once each was mastered (from the client's daily bests) and,
// where the rule asks it, the client's pain at the drill's places stayed low in the last
// check-ins; or when the trainer unlocked it with a reason. Once it opened (recorded) it stays
// open: later pain pauses the drill instead.
export function evaluateLock(input: {
  prerequisites: readonly PrerequisiteOf[];
  dailyBestsByDrill: ReadonlyMap<string, readonly DailyBest[]>;
  override: UnlockOverride | null;
  today: LocalDate;
  /**
   * The first day each prerequisite's rule was met, when already known (keyed by
   * requiresDrillId); the daily bests may then cover only the rule's recent window.
   */
  firstMetByPrerequisite?: ReadonlyMap<string, LocalDate | null>;
  /** The client's last check-ins with a pain map (any order), read by pain conditions. */
  painReadings?: readonly PainReading[];
  /** The places the drill being unlocked loads (drill_pain_places). */
  places?: readonly PainPlace[];
  /** The drill's unlock is already recorded: pain no longer locks it. */
  isRecorded?: boolean;
}): LockState {
  const { prerequisites, dailyBestsByDrill, override, today, firstMetByPrerequisite, painReadings = [], places = [], isRecorded = false } = input;
  const progress = prerequisites.map((p): PrerequisiteProgress => {
    const bests = dailyBestsByDrill.get(p.requiresDrillId) ?? [];
    const evaluation = evaluateMastery(p.rule, bests, today, { measure: p.measure });
    const everMet = evaluation.isMet || (firstMetByPrerequisite?.has(p.requiresDrillId) ? firstMetByPrerequisite.get(p.requiresDrillId) != null : findFirstMasteredDate(p.rule, bests, today) !== null);
    const pain = p.painCondition ? evaluatePainCondition(p.painCondition, places, painReadings) : null;
    return {
      ...p,
      evaluation,
      everMet,
      requirement: `${p.requiresDrillName}: ${describeMasteryRule(p.rule, p.measure)}`,
      pain,
      painRequirement: p.painCondition ? describePainCondition(p.painCondition, places) : null,
      isSatisfied: everMet && (pain === null || pain.isMet || isRecorded),
    };
  });
  const status = isDrillUnlocked({
    prerequisites: prerequisites.map((p) => ({ drillSlug: p.requiresDrillId, masteryRule: p.rule })),
    // A pain condition that does not hold keeps the prerequisite unmet, however well it was mastered.
    masteryByPrereq: Object.fromEntries(progress.map((p) => [p.requiresDrillId, p.isSatisfied ? { isMet: p.evaluation.isMet, everMet: p.everMet } : { isMet: false, everMet: false }])),
    override,
  });
  return {
    isUnlocked: status.isUnlocked,
    reason: status.reason,
    overrideReason: status.reason === "override" ? (override?.reason ?? null) : null,
    progress,
  };
}

// A drill opens by mastery on the day the last of its prerequisites was first mastered; not while one never was.
export function masteredOn(firstMetByPrerequisite: readonly (LocalDate | null)[]): LocalDate | null {
  if (firstMetByPrerequisite.length === 0 || firstMetByPrerequisite.some((d) => d === null)) return null;
  return (firstMetByPrerequisite as LocalDate[]).toSorted().at(-1)!;
}
