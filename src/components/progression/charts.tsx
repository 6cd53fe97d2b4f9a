"use client";

import { useId } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { unitWords, type DistanceUnit } from "@/lib/distance-units";
import { describeAsymmetry } from "./chart-summary";

// Charts are pictures for sighted readers; the same numbers are in the table beside each,
// so the drawing itself is hidden from screen readers.

// Every colour here keeps at least 3:1 against the white card (WCAG 1.4.11), and series
// that share a colour differ by their mark (dot, line, dashes) as well.
const LEFT = "#0f5e3f";
const RIGHT = "#b45309";
const GAP = "#7c3aed";
const THRESHOLD = "#78716c";
const DRILL_DAYS = "#3d9970";

type LegendItem = { label: string; color: string; mark: "dot" | "line" | "dashed" | "bar" };

/**
 * The chart's key in the page's own text colour (Recharts draws each label in its series'
 * colour, which left a pale series' label unreadable), with a swatch of each mark.
 */
function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-800">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg width="18" height="10" aria-hidden="true" className="shrink-0">
            {item.mark === "dot" ? <circle cx="9" cy="5" r="3.5" fill={item.color} /> : null}
            {item.mark === "bar" ? <rect x="3" y="0" width="12" height="10" fill={item.color} /> : null}
            {item.mark === "line" || item.mark === "dashed" ? (
              <line x1="0" y1="5" x2="18" y2="5" stroke={item.color} strokeWidth="2.5" strokeDasharray={item.mark === "dashed" ? "5 3" : undefined} />
            ) : null}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export type SidePoint = { localDate: string; left: number | null; right: number | null; left7: number | null; right7: number | null };

/** Each side's daily best as dots and its 7-day average as a line. */
export function SideChart({ points, perSide, unit }: { points: SidePoint[]; perSide: boolean; unit: string }) {
  const legend: LegendItem[] = perSide
    ? [
        { label: "Left (day's best)", color: LEFT, mark: "dot" },
        { label: "Left, 7-day average", color: LEFT, mark: "line" },
        { label: "Right (day's best)", color: RIGHT, mark: "dot" },
        { label: "Right, 7-day average", color: RIGHT, mark: "dashed" },
      ]
    : [
        { label: "Day's best", color: LEFT, mark: "dot" },
        { label: "7-day average", color: LEFT, mark: "line" },
      ];
  return (
    <div aria-hidden="true" className="space-y-1">
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
            <XAxis dataKey="localDate" tickFormatter={shortDate} fontSize={12} minTickGap={24} />
            <YAxis fontSize={12} unit={unit === "s" ? " s" : ""} allowDecimals={false} />
            <Tooltip labelFormatter={(d) => shortDate(String(d))} formatter={(v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)} />
            <Line type="monotone" dataKey="left" name={perSide ? "Left (day's best)" : "Day's best"} stroke={LEFT} strokeWidth={0} dot={{ r: 3, fill: LEFT }} connectNulls isAnimationActive={false} />
            <Line type="monotone" dataKey="left7" name={perSide ? "Left, 7-day average" : "7-day average"} stroke={LEFT} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            {perSide ? <Line type="monotone" dataKey="right" name="Right (day's best)" stroke={RIGHT} strokeWidth={0} dot={{ r: 3, fill: RIGHT }} connectNulls isAnimationActive={false} /> : null}
            {perSide ? <Line type="monotone" dataKey="right7" name="Right, 7-day average" stroke={RIGHT} strokeWidth={2} strokeDasharray="6 3" dot={false} connectNulls isAnimationActive={false} /> : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend items={legend} />
    </div>
  );
}

/**
 * The left/right gap in % per day, with the threshold as a reference: its own figure, with a
 * title, a key and the same figures in words for screen readers (the drawing is hidden).
 */
export function AsymmetryChart({ drillName, points, threshold }: { drillName: string; points: { localDate: string; asymmetry: number | null }[]; threshold: number }) {
  const titleId = useId();
  const summaryId = useId();
  const data = points.map((p) => ({ ...p, threshold }));
  return (
    <figure aria-labelledby={titleId} aria-describedby={summaryId} className="space-y-1 pt-2">
      <figcaption id={titleId} className="text-sm font-medium text-stone-800">
        {drillName}: left/right gap per day (%)
      </figcaption>
      <p id={summaryId} className="sr-only">
        {describeAsymmetry(points, threshold)}
      </p>
      <div aria-hidden="true" className="space-y-1">
        <div className="h-40 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
              <XAxis dataKey="localDate" tickFormatter={shortDate} fontSize={12} minTickGap={24} />
              <YAxis fontSize={12} unit="%" domain={[0, (max: number) => Math.max(threshold * 2, Math.ceil(max / 5) * 5)]} />
              <Tooltip labelFormatter={(d) => shortDate(String(d))} formatter={(v) => (typeof v === "number" ? `${Math.round(v)}%` : v)} />
              <Line dataKey="asymmetry" name="Left/right gap" stroke={GAP} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
              <Line dataKey="threshold" name="Threshold" stroke={THRESHOLD} strokeWidth={2} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ChartLegend
          items={[
            { label: "Left/right gap", color: GAP, mark: "line" },
            { label: `Threshold (${threshold}%)`, color: THRESHOLD, mark: "dashed" },
          ]}
        />
      </div>
    </figure>
  );
}

/** `pace` in seconds per the chart's unit. */
export type RunningPoint = { label: string; daysWithDrills: number; pace: number | null; runsWithPain: number };

/** Days of drills per week as bars, the week's average pace (min/km or min/mi) as a line. */
export function RunningChart({ weeks, unit }: { weeks: RunningPoint[]; unit: DistanceUnit }) {
  const per = `/${unitWords[unit].short}`;
  const data = weeks.map((w) => ({ ...w, paceMin: w.pace === null ? null : Math.round((w.pace / 60) * 100) / 100 }));
  return (
    <div aria-hidden="true" className="space-y-1">
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis yAxisId="days" domain={[0, 7]} fontSize={12} allowDecimals={false} />
            <YAxis yAxisId="pace" orientation="right" reversed fontSize={12} domain={["dataMin - 0.2", "dataMax + 0.2"]} tickFormatter={(v: number) => minutes(v)} />
            <Tooltip formatter={(v, name) => (name === "Average pace" && typeof v === "number" ? `${minutes(v)} ${per}` : v)} />
            <Bar yAxisId="days" dataKey="daysWithDrills" name="Days of drills" fill={DRILL_DAYS} isAnimationActive={false} />
            <Line yAxisId="pace" dataKey="paceMin" name="Average pace" stroke={RIGHT} strokeWidth={2} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend
        items={[
          { label: "Days of drills (left scale)", color: DRILL_DAYS, mark: "bar" },
          { label: `Average pace, min${per} (right scale)`, color: RIGHT, mark: "line" },
        ]}
      />
    </div>
  );
}

function minutes(value: number): string {
  const total = Math.round(value * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
