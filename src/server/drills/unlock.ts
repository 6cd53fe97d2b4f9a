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

export type PrerequisiteOf = {
  requiresDrillId: string;
  requiresDrillName: string;
  /** How the prerequisite drill is measured (the rule's minimum is in that unit). */
  measure: MeasureKind;
  rule: MasteryRule;
};

export type PrerequisiteProgress = PrerequisiteOf & {
  evaluation: MasteryEvaluation;
  everMet: boolean;
  /** "Knee Drive: at least 30 s on each side on 5 of the last 7 days". */
  requirement: string;
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

// A drill with prerequisites opens once each was mastered (from the client's daily bests), or when the trainer unlocked it with a reason.
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
}): LockState {
  const { prerequisites, dailyBestsByDrill, override, today, firstMetByPrerequisite } = input;
  const progress = prerequisites.map((p): PrerequisiteProgress => {
    const bests = dailyBestsByDrill.get(p.requiresDrillId) ?? [];
    const evaluation = evaluateMastery(p.rule, bests, today, { measure: p.measure });
    return {
      ...p,
      evaluation,
      everMet: evaluation.isMet || (firstMetByPrerequisite?.has(p.requiresDrillId) ? firstMetByPrerequisite.get(p.requiresDrillId) != null : findFirstMasteredDate(p.rule, bests, today) !== null),
      requirement: `${p.requiresDrillName}: ${describeMasteryRule(p.rule, p.measure)}`,
    };
  });
  const status = isDrillUnlocked({
    prerequisites: prerequisites.map((p) => ({ drillSlug: p.requiresDrillId, masteryRule: p.rule })),
    masteryByPrereq: Object.fromEntries(progress.map((p) => [p.requiresDrillId, { isMet: p.evaluation.isMet, everMet: p.everMet }])),
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
