"use client";

import dynamic from "next/dynamic";
import type { DistanceUnit } from "@/lib/distance-units";
import type { ChartPoint } from "./run-figures";

// The chart's code (recharts) is fetched only by a run's page that has a track to draw: a
// typed run's page, and every other page, never load it.
const RunChart = dynamic(() => import("./run-chart").then((m) => m.RunChart), {
  ssr: false,
  loading: () => <div className="h-64 w-full rounded-lg bg-stone-100" aria-hidden="true" />,
});

export function LazyRunChart(props: { points: ChartPoint[]; unit: DistanceUnit }) {
  return <RunChart {...props} />;
}
