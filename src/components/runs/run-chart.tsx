"use client";

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { unitWords, type DistanceUnit } from "@/lib/distance-units";
import { formatDuration } from "@/lib/wording";
import { niceAxis, type ChartPoint } from "./run-figures";

// Pace and heart rate over the run's distance. A picture for sighted readers: the page says the
// same in words (the figure's caption) and in the splits table, so the drawing is hidden from
// screen readers. Both colours keep 3:1 against the white card (WCAG 1.4.11) and differ by
// their mark too (a solid and a dashed line).
const PACE = "#0f5e3f";
const HEART = "#b91c1c";

/** The chart itself; loaded only on a run's page with a track (see run-chart-lazy.tsx). */
export function RunChart({ points, unit }: { points: ChartPoint[]; unit: DistanceUnit }) {
  const hasPace = points.some((p) => p.pace !== null);
  const hasHeart = points.some((p) => p.heartRate !== null);
  const short = unitWords[unit].short;
  // Paces on whole 15 s (or 30 s, a minute) and heart rate on whole 10 (or 20) beats.
  const paceAxis = niceAxis(points.map((p) => p.pace), [15, 30, 60, 120, 300]);
  const heartAxis = niceAxis(points.map((p) => p.heartRate), [10, 20, 40]);
  return (
    <div aria-hidden="true" className="space-y-2">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-800">
        {hasPace ? (
          <li className="flex items-center gap-1.5">
            <svg width="18" height="10" className="shrink-0">
              <line x1="0" y1="5" x2="18" y2="5" stroke={PACE} strokeWidth="2.5" />
            </svg>
            Pace (min /{short}, faster is higher)
          </li>
        ) : null}
        {hasHeart ? (
          <li className="flex items-center gap-1.5">
            <svg width="18" height="10" className="shrink-0">
              <line x1="0" y1="5" x2="18" y2="5" stroke={HEART} strokeWidth="2" strokeDasharray="4 3" />
            </svg>
            Heart rate (bpm)
          </li>
        ) : null}
      </ul>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 4, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            <XAxis dataKey="distance" type="number" domain={[0, "dataMax"]} tickFormatter={(d: number) => `${Math.round(d * 10) / 10}`} unit={` ${short}`} tick={{ fontSize: 12, fill: "#44403c" }} />
            {hasPace && paceAxis ? (
              <YAxis yAxisId="pace" reversed domain={paceAxis?.domain} ticks={paceAxis?.ticks} interval={0} tickFormatter={(s: number) => formatDuration(s)} width={44} tick={{ fontSize: 12, fill: "#44403c" }} />
            ) : null}
            {hasHeart && heartAxis ? <YAxis yAxisId="heart" orientation="right" domain={heartAxis?.domain} ticks={heartAxis?.ticks} interval={0} width={36} tick={{ fontSize: 12, fill: "#44403c" }} /> : null}
            <Tooltip
              labelFormatter={(d) => `${Number(d).toFixed(2)} ${short}`}
              formatter={(value, name) => (name === "pace" ? [`${formatDuration(Number(value))} /${short}`, "Pace"] : [`${String(value)} bpm`, "Heart rate"])}
            />
            {hasPace ? <Line yAxisId="pace" dataKey="pace" name="pace" stroke={PACE} strokeWidth={2.5} dot={false} connectNulls={false} isAnimationActive={false} /> : null}
            {hasHeart ? <Line yAxisId="heart" dataKey="heartRate" name="heartRate" stroke={HEART} strokeWidth={2} strokeDasharray="4 3" dot={false} isAnimationActive={false} /> : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
