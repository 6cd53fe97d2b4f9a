"use client";

import { CheckboxField, Field, TextAreaField } from "@/components/ui/field";
import type { TypedDateBoundsFor } from "@/server/dates/typed-date";
import type { MeasureKind, PrescriptionDefaults } from "@/lib/drills/vocabulary";

/** A prescription as the form holds it: text as typed, turned into numbers on submit. */
export type PrescriptionDraft = {
  sets: string;
  targetPerSide: string;
  repMin: string;
  repMax: string;
  daily: boolean;
  beforeRun: boolean;
  startDate: string;
  endDate: string;
  notes: string;
};

type Dated = PrescriptionDefaults & { startDate?: string; endDate?: string | null };

const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function draftFrom(p: Dated): PrescriptionDraft {
  return {
    sets: text(p.sets),
    targetPerSide: text(p.targetPerSide),
    repMin: text(p.repMin),
    repMax: text(p.repMax),
    daily: p.schedule.daily,
    beforeRun: p.schedule.beforeRun,
    startDate: p.startDate ?? "",
    endDate: p.endDate ?? "",
    notes: p.notes ?? "",
  };
}

// An empty box means "none"; anything else goes to the server as typed, which says what is wrong with it.
const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value));

export function defaultsOf(d: PrescriptionDraft) {
  return {
    sets: d.sets.trim() === "" ? Number.NaN : Number(d.sets),
    targetPerSide: numberOrNull(d.targetPerSide),
    repMin: numberOrNull(d.repMin),
    repMax: numberOrNull(d.repMax),
    schedule: { daily: d.daily, beforeRun: d.beforeRun },
    ...(d.notes.trim() ? { notes: d.notes } : {}),
  };
}

export function prescriptionOf(d: PrescriptionDraft) {
  return { ...defaultsOf(d), startDate: d.startDate, endDate: d.endDate.trim() === "" ? null : d.endDate };
}

const targetLabel: Record<MeasureKind, string> = {
  hold_seconds: "Target seconds",
  reps: "Fixed reps",
  contacts: "Target contacts",
  distance_m: "Target metres",
  free: "Target",
};

/** Sets, target or rep range (as the drill's measure allows), schedule, and dates when dated. */
export function PrescriptionFields({
  value,
  onChange,
  measure,
  perSide,
  errors,
  prefix,
  dated,
  dateBounds,
}: {
  value: PrescriptionDraft;
  onChange: (next: PrescriptionDraft) => void;
  measure: MeasureKind;
  perSide: boolean;
  errors: Record<string, string | undefined>;
  prefix: string;
  dated: boolean;
  /** The dates a trainer may type (dates/typed-date.ts), as the date pickers' min and max. */
  dateBounds?: TypedDateBoundsFor;
}) {
  const set = (patch: Partial<PrescriptionDraft>) => onChange({ ...value, ...patch });
  const err = (name: string) => errors[`${prefix}.${name}`];
  const side = perSide ? " per side" : "";
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field label="Sets" inputMode="numeric" value={value.sets} onChange={(e) => set({ sets: e.target.value })} error={err("sets")} />
        {measure !== "free" ? (
          <Field
            label={`${targetLabel[measure]}${side}`}
            inputMode="numeric"
            value={value.targetPerSide}
            onChange={(e) => set({ targetPerSide: e.target.value })}
            error={err("targetPerSide")}
            hint={measure === "hold_seconds" ? "Empty: as long as balance holds" : "Optional"}
          />
        ) : null}
        {measure === "reps" ? (
          <>
            <Field label="Lowest reps" inputMode="numeric" value={value.repMin} onChange={(e) => set({ repMin: e.target.value })} error={err("repMin")} />
            <Field label="Highest reps" inputMode="numeric" value={value.repMax} onChange={(e) => set({ repMax: e.target.value })} error={err("repMax")} />
          </>
        ) : null}
      </div>
      <fieldset className="space-y-1" aria-describedby={err("schedule") ? `${prefix}-schedule-error` : undefined}>
        <legend className="text-sm font-medium text-stone-800">Schedule</legend>
        <div className="flex flex-wrap gap-x-6">
          <CheckboxField label="Daily" checked={value.daily} onChange={(e) => set({ daily: e.target.checked })} />
          <CheckboxField label="Before each run" checked={value.beforeRun} onChange={(e) => set({ beforeRun: e.target.checked })} />
        </div>
        {err("schedule") ? (
          <p id={`${prefix}-schedule-error`} className="text-sm text-red-700">
            {err("schedule")}
          </p>
        ) : null}
      </fieldset>
      {dated ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Start date" type="date" {...dateBounds?.start} value={value.startDate} onChange={(e) => set({ startDate: e.target.value })} error={err("startDate")} />
          <Field label="End date" type="date" {...dateBounds?.end} value={value.endDate} onChange={(e) => set({ endDate: e.target.value })} error={err("endDate")} hint="Optional: leave empty for no end" />
        </div>
      ) : null}
      <TextAreaField label="Notes for the client" rows={2} value={value.notes} onChange={(e) => set({ notes: e.target.value })} error={err("notes")} className="[&_textarea]:min-h-16" />
    </div>
  );
}
