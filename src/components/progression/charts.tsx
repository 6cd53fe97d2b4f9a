"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Charts are pictures for sighted readers; the same numbers are in the table beside each
// (ChartTable), so the figure itself is hidden from screen readers.

const LEFT = "#0f5e3f";
const RIGHT = "#b45309";
const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export type SidePoint = { localDate: string; left: number | null; right: number | null; left7: number | null; right7: number | null };

/** Each side's daily best as dots and its 7-day average as a line. */
export function SideChart({ points, perSide, unit }: { points: SidePoint[]; perSide: boolean; unit: string }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis dataKey="localDate" tickFormatter={shortDate} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} unit={unit === "s" ? " s" : ""} allowDecimals={false} />
          <Tooltip labelFormatter={(d) => shortDate(String(d))} formatter={(v) => (typeof v === "number" ? Math.round(v * 10) / 10 : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="left" name={perSide ? "Left (day's best)" : "Day's best"} stroke={LEFT} strokeWidth={0} dot={{ r: 3, fill: LEFT }} connectNulls isAnimationActive={false} />
          <Line type="monotone" dataKey="left7" name={perSide ? "Left, 7-day average" : "7-day average"} stroke={LEFT} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          {perSide ? <Line type="monotone" dataKey="right" name="Right (day's best)" stroke={RIGHT} strokeWidth={0} dot={{ r: 3, fill: RIGHT }} connectNulls isAnimationActive={false} /> : null}
          {perSide ? <Line type="monotone" dataKey="right7" name="Right, 7-day average" stroke={RIGHT} strokeWidth={2} strokeDasharray="6 3" dot={false} connectNulls isAnimationActive={false} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The left/right gap in % per day, with the threshold as a reference. */
export function AsymmetryChart({ points, threshold }: { points: { localDate: string; asymmetry: number | null }[]; threshold: number }) {
  const data = points.map((p) => ({ ...p, threshold }));
  return (
    <div aria-hidden="true" className="h-40 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis dataKey="localDate" tickFormatter={shortDate} fontSize={12} minTickGap={24} />
          <YAxis fontSize={12} unit="%" domain={[0, (max: number) => Math.max(threshold * 2, Math.ceil(max / 5) * 5)]} />
          <Tooltip labelFormatter={(d) => shortDate(String(d))} formatter={(v) => (typeof v === "number" ? `${Math.round(v)}%` : v)} />
          <Line dataKey="asymmetry" name="Left/right gap" stroke="#7c3aed" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="threshold" name="Threshold" stroke="#a8a29e" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export type RunningPoint = { label: string; daysWithDrills: number; pace: number | null; runsWithPain: number };

/** Days of drills per week as bars, the week's average pace (min/km) as a line. */
export function RunningChart({ weeks }: { weeks: RunningPoint[] }) {
  const data = weeks.map((w) => ({ ...w, paceMin: w.pace === null ? null : Math.round((w.pace / 60) * 100) / 100 }));
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis yAxisId="days" domain={[0, 7]} fontSize={12} allowDecimals={false} />
          <YAxis yAxisId="pace" orientation="right" reversed fontSize={12} domain={["dataMin - 0.2", "dataMax + 0.2"]} tickFormatter={(v: number) => minutes(v)} />
          <Tooltip formatter={(v, name) => (name === "Average pace" && typeof v === "number" ? `${minutes(v)}/km` : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="days" dataKey="daysWithDrills" name="Days of drills" fill="#d5ece2" stroke={LEFT} isAnimationActive={false} />
          <Line yAxisId="pace" dataKey="paceMin" name="Average pace" stroke={RIGHT} strokeWidth={2} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function minutes(value: number): string {
  const total = Math.round(value * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
