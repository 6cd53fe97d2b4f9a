import { DateTime } from "luxon";
import type { Slot } from "./types";

// Shaping instants for a reader in their own zone (pure: the zone is an argument).

const LOCALE = "en-GB";

/** Slots grouped by the reader's local date, each with its local start time. */
export function groupSlotsByLocalDate(slots: Slot[], timeZone: string) {
  const days: { date: string; label: string; slots: { start: Date; end: Date; label: string }[] }[] = [];
  for (const slot of slots) {
    const local = DateTime.fromJSDate(slot.start, { zone: timeZone }).setLocale(LOCALE);
    const date = local.toISODate()!;
    let day = days[days.length - 1];
    if (!day || day.date !== date) {
      day = { date, label: local.toFormat("cccc d MMMM"), slots: [] };
      days.push(day);
    }
    day.slots.push({ start: slot.start, end: slot.end, label: local.toFormat("HH:mm") });
  }
  return days;
}

/** The instants a range of local dates covers in a zone: [start of `date`, start of `date + days`). */
export function localDateRange(date: string, days: number, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  return { from: start.toJSDate(), to: start.plus({ days }).toJSDate() };
}
