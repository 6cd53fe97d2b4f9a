import { measureUnits, type MeasureKind } from "@/lib/drills/vocabulary";

type Entry = { drillId: string; drillName: string; measure: MeasureKind; setNumber: number; side: "left" | "right" | "both"; value: number | null; contactFeel: string | null };

/** "Knee Drive: left 32.5 s, right 28 s" per drill, sets in order, the contact feel beside the count. */
export function summarizeEntries(entries: Entry[]): { drillId: string; name: string; text: string }[] {
  const byDrill = new Map<string, { name: string; parts: string[] }>();
  const sets = new Map<string, number>();
  for (const e of entries) sets.set(e.drillId, Math.max(sets.get(e.drillId) ?? 1, e.setNumber));
  for (const e of entries) {
    const group = byDrill.get(e.drillId) ?? { name: e.drillName, parts: [] };
    const unit = measureUnits[e.measure].short;
    const value = e.value === null ? "done" : `${e.value}${unit === "s" || unit === "m" ? ` ${unit}` : ` ${unit}`}`;
    const set = (sets.get(e.drillId) ?? 1) > 1 ? `set ${e.setNumber} ` : "";
    const side = e.side === "both" ? "" : `${e.side} `;
    group.parts.push(`${set}${side}${value}${e.contactFeel ? ` (${e.contactFeel} contacts)` : ""}`.trim());
    byDrill.set(e.drillId, group);
  }
  return [...byDrill.entries()].map(([drillId, g]) => ({ drillId, name: g.name, text: g.parts.join(", ") }));
}

// A run reads in the viewer's unit: lib/distance-units.ts is the one place that writes it.
export { describeRun } from "@/lib/distance-units";
