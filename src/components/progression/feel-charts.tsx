"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { addDays, daysBetween } from "@/lib/local-date";
import type { PainPlace, PainSide } from "@/lib/checkins/vocabulary";

// The "How you feel" charts, drawn like the drills' and runs' (charts.tsx): pictures for
// sighted readers, hidden from screen readers, with the figures in words and in a table beside.
// The x axis is days, ticked at each week's Monday, over the same weeks as the runs' chart.

// Each place has its own colour (at least 3:1 against the white card); left is a solid line,
// right a dashed one, so the two sides of one place differ by their mark as well.
const PLACE_COLOURS: Record<PainPlace, string> = {
  foot: "#0f5e3f",
  ankle: "#b45309",
  shin: "#7c3aed",
  calf: "#be123c",
  knee: "#1d4ed8",
  thigh: "#0e7490",
  hip: "#a21caf",
  lower_back: "#57534e",
};
const VALUE = "#0f5e3f";

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

type Axis = { from: string; weeks: number };

function dayAxis({ from, weeks }: Axis) {
  return {
    type: "number" as const,
    dataKey: "x",
    domain: [0, weeks * 7 - 1] as [number, number],
    ticks: Array.from({ length: weeks }, (_, i) => i * 7),
    tickFormatter: (x: number) => shortDate(addDays(from, x)),
    fontSize: 12,
    interval: "preserveStartEnd" as const,
    minTickGap: 16,
  };
}

export type PainLine = { place: PainPlace; side: PainSide; label: string; points: { localDate: string; score: number }[] };

function Swatch({ colour, isDashed }: { colour: string; isDashed: boolean }) {
  return (
    <svg width="18" height="10" aria-hidden="true" className="shrink-0">
      <line x1="0" y1="5" x2="18" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={isDashed ? "5 3" : undefined} />
    </svg>
  );
}

/** Pain (0–10) per place and side on each day a body map was answered. */
export function PainChart({ axis, painDays, lines }: { axis: Axis; painDays: string[]; lines: PainLine[] }) {
  const key = (l: PainLine) => `${l.place}_${l.side}`;
  const data = painDays.map((day, i) => ({ x: daysBetween(axis.from, day), day, ...Object.fromEntries(lines.map((l) => [key(l), l.points[i]?.score ?? null])) }));
  return (
    <div aria-hidden="true" className="space-y-1">
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
            <XAxis {...dayAxis(axis)} />
            <YAxis fontSize={12} domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} allowDecimals={false} />
            <Tooltip labelFormatter={(x) => shortDate(addDays(axis.from, Number(x)))} formatter={(v) => (typeof v === "number" ? `${v}/10` : v)} />
            {lines.map((l) => (
              <Line
                key={key(l)}
                dataKey={key(l)}
                name={l.label}
                stroke={PLACE_COLOURS[l.place]}
                strokeWidth={2}
                strokeDasharray={l.side === "right" ? "6 3" : undefined}
                dot={{ r: 2.5, fill: PLACE_COLOURS[l.place] }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-800">
        {lines.map((l) => (
          <li key={key(l)} className="flex items-center gap-1.5">
            <Swatch colour={PLACE_COLOURS[l.place]} isDashed={l.side === "right"} />
            {l.label[0]!.toUpperCase() + l.label.slice(1)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One scale (0–10) or number question's answers by day. */
export function ValueChart({ axis, points, min, max, unit }: { axis: Axis; points: { localDate: string; value: number }[]; min: number; max: number; unit: string | null }) {
  const data = points.map((p) => ({ x: daysBetween(axis.from, p.localDate), value: p.value }));
  const values = points.map((p) => p.value);
  // A number's range can be wide (0–24 h): the chart shows the answers' own range, within it.
  const domain: [number, number] = unit === null ? [0, 10] : [Math.max(min, Math.floor(Math.min(...values) - 1)), Math.min(max, Math.ceil(Math.max(...values) + 1))];
  // A unit's ticks ("7.5 hours") are wider than recharts' default axis: sized to the longest, or
  // a phone's narrow chart clips them at its left edge.
  const tickChars = unit === null ? 2 : Math.max(...domain.map((d) => String(d).length)) + 4 + unit.length;
  const axisWidth = Math.min(112, 12 + 7 * tickChars);
  return (
    <div aria-hidden="true" className="h-36 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: unit === null ? -16 : 0 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 3" />
          <XAxis {...dayAxis(axis)} />
          <YAxis fontSize={12} width={axisWidth} domain={domain} ticks={unit === null ? [0, 5, 10] : undefined} allowDecimals={unit !== null} unit={unit ? ` ${unit}` : ""} />
          <Tooltip labelFormatter={(x) => shortDate(addDays(axis.from, Number(x)))} formatter={(v) => (typeof v === "number" ? (unit === null ? `${v} of 10` : `${v} ${unit}`) : v)} />
          <Line dataKey="value" name="Answer" stroke={VALUE} strokeWidth={2} dot={{ r: 3, fill: VALUE }} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
