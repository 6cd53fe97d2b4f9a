import type { ContactFeel, MeasureKind } from "@/lib/drills/vocabulary";
import type { SessionEntryInput } from "@/lib/session-input";
import { hourMinuteOf, isoDateOf, wallClock } from "@/lib/wall-clock";

// Plain data and functions for the loggers, usable from server pages and client forms alike.

/** A drill as the logger needs it: how it is measured and what is prescribed. */
export type LoggerDrill = {
  drillId: string;
  name: string;
  measure: MeasureKind;
  perSide: boolean;
  recordsContactFeel: boolean;
  sets: number;
  repMin: number | null;
  repMax: number | null;
  targetPerSide: number | null;
  /** e.g. "15–20 reps each side, 1 set". */
  dose: string;
};

export type Side = "left" | "right" | "both";
export type LoggerValues = { values: Record<string, string>; feels: Record<string, ContactFeel | undefined>; done: Record<string, boolean> };
export const emptyValues = (): LoggerValues => ({ values: {}, feels: {}, done: {} });

export const keyOf = (drillId: string, set: number, side: Side) => `${drillId}|${set}|${side}`;
export const sideLabel = (side: Side) => (side === "left" ? "Left side" : side === "right" ? "Right side" : "Both sides");
export const unitLabel: Record<MeasureKind, string> = { hold_seconds: "seconds", reps: "reps", contacts: "contacts", distance_m: "metres", free: "" };

/** Logged values as session entries, with the value key of each so errors land beside their input. */
export function entriesOf(drills: LoggerDrill[], state: LoggerValues): { entries: SessionEntryInput[]; keys: string[] } {
  const entries: SessionEntryInput[] = [];
  const keys: string[] = [];
  for (const drill of drills) {
    const sides: Side[] = drill.perSide ? ["left", "right"] : ["both"];
    for (let set = 1; set <= drill.sets; set++) {
      if (drill.measure === "free") {
        // Done, not counted: one entry per side with no value.
        const key = keyOf(drill.drillId, set, "both");
        if (!state.done[key]) continue;
        for (const side of sides) {
          entries.push({ drillId: drill.drillId, setNumber: set, side, value: null, contactFeel: null });
          keys.push(key);
        }
        continue;
      }
      for (const side of sides) {
        const key = keyOf(drill.drillId, set, side);
        const raw = state.values[key]?.trim();
        const feel = state.feels[key];
        if (!raw && !feel) continue;
        entries.push({ drillId: drill.drillId, setNumber: set, side, value: raw ? Number(raw.replace(",", ".")) : null, contactFeel: drill.recordsContactFeel ? (feel ?? null) : null });
        keys.push(key);
      }
    }
  }
  return { entries, keys };
}

/** Errors minus those of the inputs that changed: a fixed value loses its message at once. */
export function clearChanged(errors: Record<string, string | undefined>, before: LoggerValues, after: LoggerValues) {
  const next = { ...errors };
  for (const part of ["values", "feels", "done"] as const) {
    const keys = new Set([...Object.keys(before[part]), ...Object.keys(after[part])]);
    for (const key of keys) if (before[part][key] !== after[part][key]) delete next[key];
  }
  return next;
}

/** Values of stored entries, to edit a session. */
export function valuesFromEntries(entries: { drillId: string; setNumber: number; side: Side; value: number | null; contactFeel: ContactFeel | null }[]): LoggerValues {
  const state = emptyValues();
  for (const e of entries) {
    const key = keyOf(e.drillId, e.setNumber, e.side);
    if (e.value === null && !e.contactFeel) state.done[keyOf(e.drillId, e.setNumber, "both")] = true;
    else state.values[key] = String(e.value);
    if (e.contactFeel) state.feels[key] = e.contactFeel;
  }
  return state;
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const c = wallClock(ms, timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** `<input type="datetime-local">` value for an instant, on the client's own clock (their profile's zone). */
export function toLocalInput(date: Date, timeZone: string): string {
  const c = wallClock(date.getTime(), timeZone);
  return `${isoDateOf(c)}T${hourMinuteOf(c)}`;
}

/**
 * The instant a datetime-local value names on the client's own clock; undefined when empty or
 * invalid. A time the clocks skip (spring forward) is read with the offset before the change,
 * so 01:30 in London's gap is 02:30 summer time, as luxon read it.
 */
export function fromLocalInput(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const millis = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second, millis);
  const check = new Date(asUtc);
  if (hour! > 23 || minute! > 59 || second > 59 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day) return undefined;
  try {
    const guess = asUtc - offsetAt(asUtc, timeZone);
    return new Date(asUtc - offsetAt(guess, timeZone));
  } catch {
    return undefined; // an unknown zone
  }
}
