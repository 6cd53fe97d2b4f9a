import { localDateIn, type LocalDate } from "@/lib/local-date";
import { measureUnits, type MeasureKind, type Side } from "@/lib/drills/vocabulary";

/**
 * Today's done state (issue 18, item 6): a drill logged on the client's own calendar day is
 * done on Today, with the values as the log stored them. A per-side drill is done only when
 * both sides are logged; half a drill is not a drill done.
 */

export type LoggedEntry = {
  /** The client's local date stored with the entry when it was written. */
  localDate: LocalDate;
  setNumber: number;
  side: Side;
  value: number | null;
};

export type DrillDoneToday = {
  isDone: boolean;
  /** Logged today but not finished: the side still missing on a per-side drill. */
  missingSide: "left" | "right" | null;
  /** What was logged today, one line per side ("Left: 30 s, 32 s"), in logging order. */
  lines: { label: string; values: string }[];
};

/** The per-side rule: a per-side drill needs a left and a right entry; any other drill, one entry. */
export function hasEverySide(perSide: boolean, entries: readonly Pick<LoggedEntry, "side">[]): boolean {
  if (entries.length === 0) return false;
  if (!perSide) return true;
  return entries.some((e) => e.side === "left") && entries.some((e) => e.side === "right");
}

/** "30 s", "12 reps", "40 m", or "done" for a free drill (a note only). */
export function formatLoggedValue(value: number | null, measure: MeasureKind): string {
  if (value === null || measure === "free") return "done";
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${measureUnits[measure].short}`;
}

const sideLabels: Record<Side, string> = { left: "Left", right: "Right", both: "Logged" };

/** One drill's state on `today`, from its entries (of any day; only today's count). */
export function drillDoneToday(drill: { measure: MeasureKind; perSide: boolean }, entries: readonly LoggedEntry[], today: LocalDate): DrillDoneToday {
  const todays = entries.filter((e) => e.localDate === today);
  const isDone = hasEverySide(drill.perSide, todays);
  const missingSide = isDone || todays.length === 0 || !drill.perSide ? null : todays.some((e) => e.side === "left") ? "right" : "left";
  const order: Side[] = ["left", "right", "both"];
  const lines = order
    .map((side) => ({ side, values: todays.filter((e) => e.side === side) }))
    .filter((g) => g.values.length > 0)
    .map((g) => ({ label: sideLabels[g.side], values: g.values.map((e) => formatLoggedValue(e.value, drill.measure)).join(", ") }));
  return { isDone, missingSide, lines };
}

/** The client's today as a local date: the same day the log stored on its entries. */
export const todayOf = (now: Date, timeZone: string): LocalDate => localDateIn(now, timeZone);

/**
 * The streak Today shows, counting today by the per-side rule. `streak` is the adherence streak
 * (which counts a drill logged at all); today joins it only when the adherence day is complete
 * and every daily drill due today has every side.
 */
export function streakCountingToday(streak: { current: number; isTodayDone: boolean }, everyDueDrillDone: boolean): { current: number; isTodayDone: boolean } {
  const beforeToday = streak.isTodayDone ? streak.current - 1 : streak.current;
  const isTodayDone = streak.isTodayDone && everyDueDrillDone;
  return { current: beforeToday + (isTodayDone ? 1 : 0), isTodayDone };
}
