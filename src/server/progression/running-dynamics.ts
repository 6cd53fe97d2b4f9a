import { addDays, daysBetween, type LocalDate } from "@/lib/local-date";
import { evaluateAsymmetry } from "./asymmetry";
import { LOAD_WEEKS, weekStartOf, weekStartsUpTo } from "./running-load";

/**
 * Running dynamics beside the drills that train them (issue 19, from the brief): Hopping is
 * there to shorten the time the foot stays on the ground; the Knee Drive builds balance on each
 * side. A watch records ground contact time and its left/right balance, so each week's figures
 * sit beside that week's practice. Everything here says what went together, never what caused
 * what: a good week may bring both more Hopping and quicker feet, and the watch cannot say why.
 */

export type Side = "left" | "right";

export type DynamicsRun = {
  localDate: LocalDate;
  avgGroundContactMs: number | null;
  /** Share of ground contact time on the left foot, percent (50 is even). */
  groundContactBalanceLeft: number | null;
};

export type DrillEntryFact = { localDate: LocalDate; side: "left" | "right" | "both"; value: number | null };

export type DynamicsWeek = {
  weekStart: LocalDate;
  /** Mean of the week's runs that record it; null when none does. */
  groundContactMs: number | null;
  runsWithGroundContact: number;
  hoppingDays: number;
  /** Every Hopping contact logged that week (all sets and sides). */
  hoppingContacts: number;
  balanceLeft: number | null;
  runsWithBalance: number;
  /** Mean of each day's best Knee Drive hold per side, seconds; null for a side not logged. */
  kneeLeft: number | null;
  kneeRight: number | null;
  /** |L − R| / max(L, R) × 100 of those means (asymmetry.ts); null when a side is missing. */
  kneeAsymmetryPercent: number | null;
};

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** The mean per side of each day's best (the per-side progression's daily best). */
export function dailyBestMeans(entries: readonly DrillEntryFact[]): { left: number | null; right: number | null } {
  const best = { left: new Map<string, number>(), right: new Map<string, number>() };
  for (const e of entries) {
    if (e.value === null || e.side === "both") continue;
    const days = best[e.side];
    days.set(e.localDate, Math.max(days.get(e.localDate) ?? 0, e.value));
  }
  return { left: mean([...best.left.values()]), right: mean([...best.right.values()]) };
}

// Test oracle for the SQL (dynamics-service.ts): each of the last 12 weeks' ground contact time and balance beside that week's Hopping and Knee Drive.
export function dynamicsWeeks(runs: readonly DynamicsRun[], hopping: readonly DrillEntryFact[], knee: readonly DrillEntryFact[], today: LocalDate, weeks = LOAD_WEEKS): DynamicsWeek[] {
  const starts = weekStartsUpTo(today, weeks);
  const inWeek = (weekStart: LocalDate) => (d: { localDate: LocalDate }) => d.localDate <= today && weekStartOf(d.localDate) === weekStart;
  return starts.map((weekStart) => {
    const r = runs.filter(inWeek(weekStart));
    const contact = r.flatMap((x) => (x.avgGroundContactMs === null ? [] : [x.avgGroundContactMs]));
    const balance = r.flatMap((x) => (x.groundContactBalanceLeft === null ? [] : [x.groundContactBalanceLeft]));
    const hop = hopping.filter(inWeek(weekStart));
    const kneeMeans = dailyBestMeans(knee.filter(inWeek(weekStart)));
    return {
      weekStart,
      groundContactMs: mean(contact),
      runsWithGroundContact: contact.length,
      hoppingDays: new Set(hop.map((e) => e.localDate)).size,
      hoppingContacts: hop.reduce((a, e) => a + (e.value ?? 0), 0),
      balanceLeft: mean(balance),
      runsWithBalance: balance.length,
      kneeLeft: kneeMeans.left,
      kneeRight: kneeMeans.right,
      kneeAsymmetryPercent: evaluateAsymmetry(kneeMeans.left, kneeMeans.right).percent,
    };
  });
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

// "Ground contact time fell 12 ms over 6 weeks while Hopping went from 1 to 4 days a week — they went together; the watch cannot say why."
// From the first to the last complete week with ground contact time (this week's days of Hopping are not all in yet);
// "went together" only when contact time fell as Hopping grew (or rose as it dropped).
export function describeContactAndHopping(weeks: readonly DynamicsWeek[], today: LocalDate): string {
  const measured = weeks.filter((w) => w.groundContactMs !== null && addDays(w.weekStart, 6) <= today);
  if (measured.length < 2) {
    return "Ground contact time is set beside Hopping practice here once two complete weeks have runs from a watch that records it.";
  }
  const first = measured[0]!;
  const last = measured.at(-1)!;
  const change = Math.round(last.groundContactMs!) - Math.round(first.groundContactMs!);
  const span = daysBetween(first.weekStart, last.weekStart) / 7;
  const over = `over ${span} ${span === 1 ? "week" : "weeks"}`;
  const contact = change === 0 ? `Ground contact time stayed at ${Math.round(last.groundContactMs!)} ms ${over}` : `Ground contact time ${change < 0 ? "fell" : "rose"} ${Math.abs(change)} ms ${over}`;
  const hopChange = last.hoppingDays - first.hoppingDays;
  const hopping = hopChange === 0 ? `Hopping stayed at ${days(last.hoppingDays)} a week` : `Hopping went from ${first.hoppingDays} to ${days(last.hoppingDays)} a week`;
  const together = (change < 0 && hopChange > 0) || (change > 0 && hopChange < 0);
  return together ? `${contact} while ${hopping} — they went together; the watch cannot say why.` : `${contact} while ${hopping}: they did not move together.`;
}

/** 48.5–51.5% on the left is even: watches and pods read a point or so either way. */
export const EVEN_BALANCE_BAND = { low: 48.5, high: 51.5 } as const;

// The foot that stays longer on the ground: beyond 51.5% on the left it is the left, below 48.5% the right; in between (51.5 and 48.5 included) neither.
export function longerContactSide(balanceLeft: number | null): Side | null {
  if (balanceLeft === null) return null;
  if (balanceLeft > EVEN_BALANCE_BAND.high) return "left";
  if (balanceLeft < EVEN_BALANCE_BAND.low) return "right";
  return null;
}

/** The overview compares the last 28 days of both (the client's calendar)… */
export const SAME_SIDE_DAYS = 28;
/** …and needs at least two runs with a balance in them: one run is one day's legs. */
export const MIN_BALANCE_RUNS = 2;

export type SameSide = { side: Side; balanceLeft: number; kneeAsymmetryPercent: number; message: string };

/**
 * Whether the run and the drill point to the same side: the foot that stays longer on the ground
 * (balance beyond 51.5/48.5) is the side whose Knee Drive hold is weaker, by more than the
 * studio's asymmetry threshold (strictly, as the asymmetry flag). Both are read over the same
 * days. A longer contact on a side is how a weaker side often shows in a stride, so the two
 * agreeing is worth the trainer's eye; it is not a diagnosis, and nothing here says it is one.
 */
export function sameSideSignal(input: { balanceLeft: number | null; runsWithBalance: number; kneeLeft: number | null; kneeRight: number | null; thresholdPercent: number }): SameSide | null {
  if (input.runsWithBalance < MIN_BALANCE_RUNS) return null;
  const runSide = longerContactSide(input.balanceLeft);
  const drill = evaluateAsymmetry(input.kneeLeft, input.kneeRight, input.thresholdPercent);
  if (runSide === null || !drill.isFlagged || drill.weakerSide !== runSide || drill.percent === null) return null;
  const share = runSide === "left" ? input.balanceLeft! : 100 - input.balanceLeft!;
  return {
    side: runSide,
    balanceLeft: input.balanceLeft!,
    kneeAsymmetryPercent: drill.percent,
    message:
      `More ground contact time on the ${runSide} (${share.toFixed(1)}% of it) while the ${runSide} Knee Drive hold is ${Math.round(drill.percent)}% weaker: ` +
      "they went together; the watch cannot say why.",
  };
}
