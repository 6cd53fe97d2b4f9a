"use client";

import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { ContactFeel } from "@/lib/drills/vocabulary";
import { LOGGED_VALUE_LIMITS } from "@/lib/logged-value-limits";
import { keyOf, sideLabel, unitLabel, type LoggerDrill, type LoggerValues, type Side } from "./logger-values";

export { clearChanged, emptyValues, entriesOf, fromLocalInput, toLocalInput, valuesFromEntries, type LoggerDrill, type LoggerValues } from "./logger-values";
import {
  displaySeconds,
  hasReachedLimit,
  startStopwatch,
  tapStopwatch,
  type StopwatchSide,
  type StopwatchState,
} from "@/lib/stopwatch";

type LoggersProps = {
  drills: LoggerDrill[];
  state: LoggerValues;
  onChange: (next: LoggerValues) => void;
  /** Error message by value key. */
  errors: Record<string, string | undefined>;
};

/** One card per drill, each with the logger its measure calls for. */
export function DrillLoggers({ drills, state, onChange, errors }: LoggersProps) {
  const setValue = (key: string, value: string) => onChange({ ...state, values: { ...state.values, [key]: value } });
  const setFeel = (key: string, feel: ContactFeel) => onChange({ ...state, feels: { ...state.feels, [key]: feel } });
  return (
    <div className="space-y-4">
      {drills.map((drill) => (
        <Card key={drill.drillId} role="group" aria-label={drill.name} className="space-y-4 p-4">
          <div>
            <h3 className="text-lg font-semibold">{drill.name}</h3>
            <p className="text-sm text-stone-600">{drill.dose}</p>
          </div>
          {Array.from({ length: drill.sets }, (_, i) => i + 1).map((set) => (
            <div key={set} className="space-y-3">
              {drill.sets > 1 ? <p className="text-sm font-semibold text-stone-700">Set {set}</p> : null}
              {drill.measure === "hold_seconds" && drill.perSide ? (
                <HoldStopwatch drill={drill} set={set} onRecord={(side, seconds) => setValue(keyOf(drill.drillId, set, side), String(seconds))} />
              ) : null}
              {drill.measure === "free" ? (
                <label className="flex min-h-12 items-center gap-3 text-base font-medium">
                  <input
                    type="checkbox"
                    className="size-6"
                    checked={state.done[keyOf(drill.drillId, set, "both")] ?? false}
                    onChange={(e) => onChange({ ...state, done: { ...state.done, [keyOf(drill.drillId, set, "both")]: e.target.checked } })}
                  />
                  Done{drill.sets > 1 ? ` (set ${set})` : ""}
                </label>
              ) : (
                <div className="grid gap-3 sm:grid-cols-2">
                  {(drill.perSide ? (["left", "right"] as const) : (["both"] as const)).map((side) => {
                    const key = keyOf(drill.drillId, set, side);
                    return (
                      <SideValue
                        key={side}
                        drill={drill}
                        side={side}
                        set={set}
                        value={state.values[key] ?? ""}
                        feel={state.feels[key]}
                        error={errors[key]}
                        onValue={(v) => setValue(key, v)}
                        onFeel={(f) => setFeel(key, f)}
                      />
                    );
                  })}
                </div>
              )}
              {drill.measure === "free" && errors[keyOf(drill.drillId, set, "both")] ? (
                <p className="text-sm text-red-700">{errors[keyOf(drill.drillId, set, "both")]}</p>
              ) : null}
            </div>
          ))}
        </Card>
      ))}
    </div>
  );
}

function SideValue(props: {
  drill: LoggerDrill;
  side: Side;
  set: number;
  value: string;
  feel: ContactFeel | undefined;
  error: string | undefined;
  onValue: (v: string) => void;
  onFeel: (f: ContactFeel) => void;
}) {
  const { drill, side, set, value, feel, error, onValue, onFeel } = props;
  const id = useId();
  const setSuffix = drill.sets > 1 ? `, set ${set}` : "";
  const label = `${sideLabel(side)} ${unitLabel[drill.measure]}${setSuffix}`;
  const limits = LOGGED_VALUE_LIMITS[drill.measure];
  const isCount = drill.measure === "reps" || drill.measure === "contacts";
  const current = Number(value) || 0;
  const step = (delta: number) => onValue(String(Math.max(0, current + delta)));
  const target =
    drill.repMin !== null && drill.repMax !== null
      ? drill.repMin === drill.repMax
        ? `target ${drill.repMin}`
        : `target ${drill.repMin}–${drill.repMax}`
      : drill.targetPerSide !== null
        ? `target ${drill.targetPerSide}`
        : null;
  const inRange = drill.repMin !== null && drill.repMax !== null && current >= drill.repMin && current <= drill.repMax;
  const sideWord = side === "both" ? "" : `, ${side} side`;
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {target ? <span className="font-normal text-stone-600"> ({target})</span> : null}
      </label>
      <div className="flex items-center gap-2">
        {isCount ? (
          <Button type="button" variant="secondary" size="lg" className="w-14 text-2xl" aria-label={`One fewer${sideWord}${setSuffix}`} onClick={() => step(-1)}>
            −
          </Button>
        ) : null}
        <input
          id={id}
          className={cn(inputClass, "h-14 text-center text-2xl font-semibold tabular-nums sm:text-2xl")}
          inputMode={limits?.step === 1 ? "numeric" : "decimal"}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onValue(e.target.value)}
        />
        {isCount ? (
          <Button type="button" size="lg" className="w-14 text-2xl" aria-label={`One more${sideWord}${setSuffix}`} onClick={() => step(1)}>
            +
          </Button>
        ) : null}
      </div>
      {inRange ? <p className="text-sm text-emerald-800">In your target range.</p> : null}
      {drill.recordsContactFeel ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-stone-800">How short did the contacts feel{side === "both" ? "" : ` (${side})`}?</legend>
          <div className="grid grid-cols-3 gap-2">
            {(["short", "medium", "long"] as const).map((f) => (
              <label
                key={f}
                className={cn(
                  "flex h-12 cursor-pointer items-center justify-center rounded-lg border text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700",
                  feel === f ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-stone-900",
                )}
              >
                <input type="radio" className="sr-only" name={`${id}-feel`} value={f} checked={feel === f} onChange={() => onFeel(f)} />
                {f[0]!.toUpperCase() + f.slice(1)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The Knee Drive stopwatch: one big button, tapped to start a side and tapped again when
 * balance goes; then the other side. The held seconds land in the inputs below it, where the
 * client can correct a late tap before saving.
 */
function HoldStopwatch({ drill, set, onRecord }: { drill: LoggerDrill; set: number; onRecord: (side: StopwatchSide, seconds: number) => void }) {
  const [state, setState] = useState<StopwatchState>(startStopwatch);
  const [nowMs, setNowMs] = useState(0);
  const tap = () => {
    const at = performance.now();
    const next = tapStopwatch(state, at);
    if (state.phase === "running") {
      const seconds = next.holds[state.side];
      if (seconds !== null) onRecord(state.side, seconds);
    }
    setState(next);
    setNowMs(at);
  };
  useEffect(() => {
    if (state.phase !== "running") return;
    const timer = window.setInterval(() => {
      const at = performance.now();
      setNowMs(at);
      if (hasReachedLimit(state, at)) {
        const next = tapStopwatch(state, at);
        const seconds = next.holds[state.side];
        if (seconds !== null) onRecord(state.side, seconds);
        setState(next);
      }
    }, 100);
    return () => window.clearInterval(timer);
  }, [state, onRecord]);
  const shown = state.phase === "running" ? displaySeconds(state, nowMs) : null;
  const sideName = state.phase === "done" ? null : state.side;
  const label = state.phase === "running" ? `Lost balance: stop the ${state.side} side` : state.phase === "ready" ? `Start ${state.side} side` : "Both sides timed";
  return (
    <div className="space-y-2 rounded-lg bg-stone-50 p-3">
      <p className="text-sm font-medium text-amber-900">Move in slow motion: lift the knee as slowly as you can and hold until balance goes.</p>
      <p className="text-center text-5xl font-bold tabular-nums" aria-hidden={state.phase === "running"}>
        {shown !== null ? `${shown.toFixed(1)} s` : sideName ? `${sideName[0]!.toUpperCase()}${sideName.slice(1)} side` : "Done"}
      </p>
      <Button
        type="button"
        size="lg"
        className={cn("h-20 w-full text-lg", state.phase === "running" && "bg-amber-600 hover:bg-amber-700")}
        disabled={state.phase === "done"}
        onClick={tap}
        aria-label={`${label}${drill.sets > 1 ? `, set ${set}` : ""}`}
      >
        {label}
      </Button>
      {state.phase !== "running" && (state.holds.left !== null || state.holds.right !== null) ? (
        <div className="flex gap-2">
          {(["left", "right"] as const).map((side) =>
            state.holds[side] !== null ? (
              <Button key={side} type="button" variant="ghost" size="sm" onClick={() => setState({ phase: "ready", side, holds: { ...state.holds, [side]: null } })}>
                Time the {side} side again
              </Button>
            ) : null,
          )}
        </div>
      ) : null}
    </div>
  );
}

/** Effort 1–10, pain and where, and a note: asked once per session and per run. */
export function SessionExtras(props: {
  effort: number | null;
  hasPain: boolean;
  painWhere: string;
  note: string;
  errors: Record<string, string | undefined>;
  onChange: (next: { effort?: number | null; hasPain?: boolean; painWhere?: string; note?: string }) => void;
  noteLabel?: string;
}) {
  const { effort, hasPain, painWhere, note, errors, onChange } = props;
  const id = useId();
  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">Effort (1 very easy, 10 all-out)</legend>
        <div className="grid grid-cols-5 gap-2">
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <label
              key={n}
              className={cn(
                "flex h-12 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700",
                effort === n ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white",
              )}
            >
              <input type="radio" className="sr-only" name={`${id}-effort`} value={n} checked={effort === n} onChange={() => onChange({ effort: n })} aria-label={`Effort ${n}`} />
              {n}
            </label>
          ))}
        </div>
        {errors.effort ? <p className="text-sm text-red-700">{errors.effort}</p> : null}
      </fieldset>
      <label className="flex min-h-12 items-center gap-3 text-base font-medium">
        <input type="checkbox" className="size-6" checked={hasPain} onChange={(e) => onChange({ hasPain: e.target.checked })} />
        Something hurt
      </label>
      {hasPain ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-where`} className="block text-sm font-medium text-stone-800">
            Where does it hurt?
          </label>
          <input
            id={`${id}-where`}
            className={inputClass}
            value={painWhere}
            placeholder="e.g. left knee"
            aria-invalid={errors.painWhere ? true : undefined}
            aria-describedby={errors.painWhere ? `${id}-where-error` : undefined}
            onChange={(e) => onChange({ painWhere: e.target.value })}
          />
          {errors.painWhere ? (
            <p id={`${id}-where-error`} className="text-sm text-red-700">
              {errors.painWhere}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-stone-800">
          {props.noteLabel ?? "Note for your coach"}
        </label>
        <textarea id={`${id}-note`} className={cn(inputClass, "h-24 py-2")} value={note} onChange={(e) => onChange({ note: e.target.value })} />
        {errors.note ? <p className="text-sm text-red-700">{errors.note}</p> : null}
      </div>
    </div>
  );
}
