import { measureUnits, type MeasureKind, type Prescription, type PrescriptionDefaults, type Schedule } from "./vocabulary";

/** The words for each measure, as shown in the library and on the client's Today. */
export const measureLabels: Record<MeasureKind, string> = {
  hold_seconds: "Seconds held",
  reps: "Repetitions",
  contacts: "Ground contacts",
  distance_m: "Distance (metres)",
  free: "Done or not (not counted)",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// How a prescription reads to a runner: "1 set of 15–20 reps each side", "1 hold each side, as long as you can".
export function describeDose(p: Pick<PrescriptionDefaults, "sets" | "targetPerSide" | "repMin" | "repMax">, measure: MeasureKind, perSide: boolean): string {
  const side = perSide ? " each side" : "";
  const unit = measureUnits[measure];
  if (measure === "hold_seconds") {
    const holds = plural(p.sets, "hold", "holds");
    return p.targetPerSide === null ? `${holds}${side}, as long as you can` : `${holds} of ${p.targetPerSide} s${side}`;
  }
  const sets = plural(p.sets, "set", "sets");
  if (measure === "free") return sets;
  if (p.repMin !== null && p.repMax !== null) {
    const range = p.repMin === p.repMax ? `${p.repMin}` : `${p.repMin}–${p.repMax}`;
    return `${sets} of ${range} ${unit.plural}${side}`;
  }
  if (p.targetPerSide !== null) {
    const amount = measure === "distance_m" ? `${p.targetPerSide} m` : plural(p.targetPerSide, unit.singular, unit.plural);
    return `${sets} of ${amount}${side}`;
  }
  return `${sets}${side}`;
}

/** "Daily", "Before each run", "Daily and before each run". */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.daily && schedule.beforeRun) return "Daily and before each run";
  if (schedule.daily) return "Daily";
  if (schedule.beforeRun) return "Before each run";
  return "Not scheduled";
}

/** "From 2 Mar 2026", "2 Mar – 30 Apr 2026". */
export function describeDates(p: Pick<Prescription, "startDate" | "endDate">): string {
  const fmt = (d: string, withYear = true) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
  if (!p.endDate) return `From ${fmt(p.startDate)}`;
  return `${fmt(p.startDate, p.startDate.slice(0, 4) !== p.endDate.slice(0, 4))} – ${fmt(p.endDate)}`;
}
