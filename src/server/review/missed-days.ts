import { addDays, type LocalDate } from "@/lib/local-date";

/** A daily drill's prescription in force now, with the dates it runs between. */
export type DailyPrescription = { drillId: string; startDate: LocalDate; endDate: LocalDate | null };

export type MissedDays = { missed: number; prescribedDays: number; lastMissed: LocalDate | null };

/** The `windowDays` complete days before `today`, oldest first (today is not over yet). */
export function daysBefore(today: LocalDate, windowDays: number): LocalDate[] {
  return Array.from({ length: windowDays }, (_, i) => addDays(today, i - windowDays));
}

/**
 * One client's missed days over a window of their own calendar days (`daysBefore`): a day
 * counts when at least one daily drill was prescribed on it, and is missed when none of that
 * day's prescribed drills was logged, as in `computeDailyAdherence`.
 */
export function missedDaysOf(window: readonly LocalDate[], prescriptions: readonly DailyPrescription[], isLogged: (drillId: string, day: LocalDate) => boolean): MissedDays {
  let missed = 0;
  let prescribedDays = 0;
  let lastMissed: LocalDate | null = null;
  for (const day of window) {
    let isPrescribed = false;
    let isDone = false;
    for (const p of prescriptions) {
      if (p.startDate > day || (p.endDate !== null && day > p.endDate)) continue;
      isPrescribed = true;
      if (isLogged(p.drillId, day)) {
        isDone = true;
        break;
      }
    }
    if (!isPrescribed) continue;
    prescribedDays++;
    if (!isDone) {
      missed++;
      lastMissed = day;
    }
  }
  return { missed, prescribedDays, lastMissed };
}
