import { z } from "zod";

import { addDays, assertLocalDate, type LocalDate } from "@/lib/local-date";
import { measureUnits, type DrillPrerequisite, type MasteryRule, type MeasureKind } from "@/lib/drills/vocabulary";

/** The client's best value per side on one of their local days; `null` = that side not logged. */
export type DailyBest = {
  localDate: LocalDate;
  left: number | null;
  right: number | null;
};

export type MasteryEvaluation = {
  isMet: boolean;
  /** Days in the window on which both sides reached the minimum. */
  qualifyingDays: number;
  requiredDays: number;
  windowDays: number;
  /** Qualifying days still missing now; 0 once the rule is met. */
  daysStillNeeded: number;
  /** First and last day of the window, both inclusive; `windowEnd` is today. */
  windowStart: LocalDate;
  windowEnd: LocalDate;
  qualifyingDates: LocalDate[];
  /**
   * The soonest day the rule can be met if every day from today on qualifies (today itself
   * counts while it has not qualified yet), taking into account that old qualifying days
   * slide out of the window. Equals today when the rule is met; null if it never can be.
   */
  earliestMetDate: LocalDate | null;
  /** e.g. "4 of 5 days with ≥ 30 s each side in the last 7 days". */
  summary: string;
};

export const MAX_WINDOW_DAYS = 90;

/** A trainer's own mastery rule, with messages the trainer can act on. */
export const masteryRuleInput = z
  .object({
    minValuePerSide: z
      .number({ error: "Enter the minimum per side as a number above 0." })
      .positive({ error: "Enter the minimum per side as a number above 0." }),
    requiredDays: z
      .number({ error: "Enter the days required as a whole number of at least 1." })
      .int({ error: "Enter the days required as a whole number of at least 1." })
      .min(1, { error: "Enter the days required as a whole number of at least 1." }),
    windowDays: z
      .number({ error: `Enter the window as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.` })
      .int({ error: `Enter the window as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.` })
      .min(1, { error: `Enter the window as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.` })
      .max(MAX_WINDOW_DAYS, { error: `Enter the window as a whole number of days from 1 to ${MAX_WINDOW_DAYS}.` }),
  })
  .superRefine((rule, ctx) => {
    const { requiredDays, windowDays } = rule;
    if (Number.isInteger(requiredDays) && Number.isInteger(windowDays) && requiredDays > windowDays) {
      ctx.addIssue({
        code: "custom",
        message: "Make the days required no more than the days in the window, e.g. 5 of the last 7.",
        path: ["requiredDays"],
      });
    }
  });

// A day counts only when both sides reached the minimum that day: a strong left leg cannot carry a weak right one.
export function isQualifyingDay(rule: MasteryRule, best: DailyBest): boolean {
  return (
    best.left !== null &&
    best.right !== null &&
    best.left >= rule.minValuePerSide &&
    best.right >= rule.minValuePerSide
  );
}

// Mastered = the minimum on both sides on enough of the last N days, today included (Knee Drive: 30 s, 5 of 7).
export function evaluateMastery(
  rule: MasteryRule,
  dailyBests: readonly DailyBest[],
  today: LocalDate,
  options: { measure?: MeasureKind } = {},
): MasteryEvaluation {
  assertRule(rule);
  assertLocalDate(today, "evaluateMastery today");
  const windowStart = addDays(today, -(rule.windowDays - 1));
  const qualifying = qualifyingDateSet(rule, dailyBests);
  // ISO dates compare correctly as strings; days after today (a clock ahead of ours) never count.
  const qualifyingDates = [...qualifying].filter((d) => d >= windowStart && d <= today).sort();
  const qualifyingDays = qualifyingDates.length;
  const isMet = qualifyingDays >= rule.requiredDays;

  return {
    isMet,
    qualifyingDays,
    requiredDays: rule.requiredDays,
    windowDays: rule.windowDays,
    daysStillNeeded: Math.max(0, rule.requiredDays - qualifyingDays),
    windowStart,
    windowEnd: today,
    qualifyingDates,
    earliestMetDate: isMet ? today : findEarliestMetDate(rule, qualifying, today),
    summary: summarize(rule, qualifyingDays, isMet, options.measure ?? "hold_seconds"),
  };
}

// The day the client first met the rule, looking back over all their days; null if never (what makes an unlock stick).
export function findFirstMasteredDate(
  rule: MasteryRule,
  dailyBests: readonly DailyBest[],
  today: LocalDate,
): LocalDate | null {
  assertRule(rule);
  assertLocalDate(today, "findFirstMasteredDate today");
  const dates = [...qualifyingDateSet(rule, dailyBests)].filter((d) => d <= today).sort();
  // The count in a sliding window only grows on a qualifying day, so the first window that
  // meets the rule ends on one: check each qualifying day as a window end, oldest first.
  for (let end = rule.requiredDays - 1; end < dates.length; end += 1) {
    const first = dates[end - (rule.requiredDays - 1)];
    const last = dates[end];
    if (first !== undefined && last !== undefined && first >= addDays(last, -(rule.windowDays - 1))) {
      return last;
    }
  }
  return null;
}

export type PrerequisiteMastery = {
  /** The rule is met today (recomputed; can lapse). */
  isMet: boolean;
  /** The rule was met on some day up to today (`findFirstMasteredDate(...) !== null`). */
  everMet: boolean;
};

export type UnlockOverride = {
  reason: string;
};

export type UnlockReason = "no_prerequisite" | "mastered" | "override" | "locked";

export type UnlockStatus = {
  isUnlocked: boolean;
  reason: UnlockReason;
  /** Prerequisites never mastered; listed even when an override unlocked the drill. */
  unmetPrerequisites: DrillPrerequisite[];
  /** Prerequisites mastered once but not met today: still unlocked, worth the trainer's eye. */
  lapsedPrerequisites: DrillPrerequisite[];
};

// Advanced drills stay locked until every prerequisite has been mastered once, unless the trainer unlocks them with a reason.
export function isDrillUnlocked(input: {
  prerequisites: readonly DrillPrerequisite[];
  masteryByPrereq: Readonly<Partial<Record<string, PrerequisiteMastery>>>;
  override: UnlockOverride | null;
}): UnlockStatus {
  const { prerequisites, masteryByPrereq, override } = input;
  const unmetPrerequisites: DrillPrerequisite[] = [];
  const lapsedPrerequisites: DrillPrerequisite[] = [];
  for (const prerequisite of prerequisites) {
    const mastery = masteryByPrereq[prerequisite.drillSlug];
    // Sticky: a runner who met the rule once keeps the drill after a rest week or an injury.
    if (!mastery || !(mastery.everMet || mastery.isMet)) unmetPrerequisites.push(prerequisite);
    else if (!mastery.isMet) lapsedPrerequisites.push(prerequisite);
  }

  const status = (isUnlocked: boolean, reason: UnlockReason): UnlockStatus => ({
    isUnlocked,
    reason,
    unmetPrerequisites,
    lapsedPrerequisites,
  });
  if (prerequisites.length === 0) return status(true, "no_prerequisite");
  if (unmetPrerequisites.length === 0) return status(true, "mastered");
  if (override) return status(true, "override");
  return status(false, "locked");
}

function qualifyingDateSet(rule: MasteryRule, dailyBests: readonly DailyBest[]): Set<LocalDate> {
  // Several rows for one day (e.g. two sessions) are merged: the best of each side that day counts.
  const bestByDate = new Map<LocalDate, DailyBest>();
  for (const best of dailyBests) {
    assertLocalDate(best.localDate, "dailyBests localDate");
    const seen = bestByDate.get(best.localDate);
    bestByDate.set(best.localDate, seen ? mergeBests(seen, best) : best);
  }
  const dates = new Set<LocalDate>();
  for (const [date, best] of bestByDate) if (isQualifyingDay(rule, best)) dates.add(date);
  return dates;
}

function mergeBests(a: DailyBest, b: DailyBest): DailyBest {
  const max = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
  return { localDate: a.localDate, left: max(a.left, b.left), right: max(a.right, b.right) };
}

function findEarliestMetDate(rule: MasteryRule, qualifying: ReadonlySet<LocalDate>, today: LocalDate): LocalDate | null {
  if (rule.requiredDays > rule.windowDays) return null;
  // Assume every day from here on qualifies; today is still open unless it already counts.
  const firstOpenDay = qualifying.has(today) ? addDays(today, 1) : today;
  for (let ahead = 0; ahead <= rule.windowDays; ahead += 1) {
    const end = addDays(today, ahead);
    const start = addDays(end, -(rule.windowDays - 1));
    let count = 0;
    for (let day = start; day <= end; day = addDays(day, 1)) {
      if (day >= firstOpenDay || qualifying.has(day)) count += 1;
    }
    if (count >= rule.requiredDays) return end;
  }
  return null;
}

function summarize(rule: MasteryRule, qualifyingDays: number, isMet: boolean, measure: MeasureKind): string {
  const unit = measureUnits[measure].short;
  const threshold = unit === "" ? `${rule.minValuePerSide}` : `${rule.minValuePerSide} ${unit}`;
  const window = rule.windowDays === 1 ? "today" : `in the last ${rule.windowDays} days`;
  const days = (n: number) => (n === 1 ? "day" : "days");
  if (isMet) {
    return `Met: ${qualifyingDays} ${days(qualifyingDays)} with ≥ ${threshold} each side ${window} (${rule.requiredDays} needed)`;
  }
  return `${qualifyingDays} of ${rule.requiredDays} ${days(rule.requiredDays)} with ≥ ${threshold} each side ${window}`;
}

function assertRule(rule: MasteryRule): void {
  // Rules reach here already validated by masteryRuleInput; anything else is a caller bug.
  if (!masteryRuleInput.safeParse(rule).success) {
    throw new RangeError(`Invalid mastery rule: ${JSON.stringify(rule)}`);
  }
}
