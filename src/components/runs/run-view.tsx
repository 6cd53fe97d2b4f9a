import Link from "next/link";
import { summarizeEntries } from "@/components/logging/entry-summary";
import { Badge, Card } from "@/components/ui/card";
import { describeRun, unitWords, type DistanceUnit } from "@/lib/distance-units";
import type { RunPage } from "@/server/training/run-page";
import { LazyRunChart } from "./run-chart-lazy";
import { chartPoints, describeChart, hasChart, runFigures, splitRows, splitsIn } from "./run-figures";
import { RouteDrawing } from "./route-drawing";

// One run as both its pages show it (the client's /portal/runs/[runId], the trainer's
// /dashboard/runs/[runId]): the summary in the viewer's unit, pain and note, the chart, splits
// and route when the run came from a file with a track, and the warm-up logged before it. Each
// page adds what only its reader does (the trainer's answer, the client's edit) and the comments.

export type RunViewProps = {
  run: Pick<RunPage, "id" | "source" | "distanceM" | "durationS" | "elapsedS" | "elevationGainM" | "avgHeartRate" | "maxHeartRate" | "avgCadenceSpm" | "avgGroundContactMs" | "groundContactBalanceLeft" | "avgVerticalOscillationMm" | "avgStrideLengthMm" | "device" | "effort" | "hasPain" | "painWhere" | "note" | "track" | "warmups">;
  unit: DistanceUnit;
  /** A time in the viewer's zone ("07:12 on Tue 1 December"). */
  when: (instant: Date) => string;
  /** Where a warm-up session opens for this reader. */
  warmupHref: (sessionId: string) => string;
  /** Whose note it is, in the reader's words ("Your note", "Client's note"). */
  noteLabel: string;
};

export function RunView({ run, unit, when, warmupHref, noteLabel }: RunViewProps) {
  const track = run.track;
  const figures = runFigures(run, unit);
  const rows = track ? splitRows(splitsIn(track, unit), unit) : [];
  const words = unitWords[unit];
  return (
    <div className="space-y-5">
      <Card className="space-y-4 p-4">
        <h2 className="sr-only">Summary</h2>
        <p className="font-medium">{describeRun(run.distanceM, run.durationS, unit)}</p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3" aria-label="Summary">
          {figures.map((f) => (
            <div key={f.label}>
              <dt className="text-xs font-medium text-stone-600">{f.label}</dt>
              <dd className="font-semibold text-stone-900">{f.value}</dd>
            </div>
          ))}
        </dl>
        <div className="space-y-2 border-t border-stone-200 pt-3">
          {run.effort ? <p className="text-sm">Effort {run.effort}/10</p> : null}
          {run.hasPain ? <p className="text-sm">It hurt: {run.painWhere}.</p> : <p className="text-sm text-stone-700">No pain reported.</p>}
          {run.note ? (
            <div>
              <p className="text-sm font-medium">{noteLabel}</p>
              <p className="text-sm whitespace-pre-line">{run.note}</p>
            </div>
          ) : null}
        </div>
      </Card>

      {hasChart(track) ? (
        <Card className="p-4">
          <figure className="space-y-2" aria-labelledby={`chart-${run.id}-title`}>
            <h2 id={`chart-${run.id}-title`} className="text-lg font-semibold">
              Pace and heart rate
            </h2>
            <LazyRunChart points={chartPoints(track.series, unit)} unit={unit} />
            <figcaption className="text-sm text-stone-700">{describeChart(track, unit)}</figcaption>
          </figure>
        </Card>
      ) : null}

      {track && rows.length > 0 ? (
        <Card className="space-y-2 p-4">
          <h2 className="text-lg font-semibold">Splits</h2>
          <SplitsTable rows={rows} unitName={words.singular} />
        </Card>
      ) : null}

      {track?.route && track.route.length > 1 ? (
        <Card className="space-y-2 p-4">
          <h2 className="text-lg font-semibold">Route</h2>
          <RouteDrawing route={track.route} unit={unit} />
        </Card>
      ) : null}

      <section aria-labelledby={`warmup-${run.id}`} className="space-y-2">
        <h2 id={`warmup-${run.id}`} className="text-lg font-semibold">
          Warm-up
        </h2>
        {run.warmups.length === 0 ? <p className="text-sm text-stone-700">No warm-up was logged for this run.</p> : null}
        {run.warmups.map((w) => (
          <Card key={w.id} className="space-y-1 p-4">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={warmupHref(w.id)} className="font-medium text-brand-800 underline">
                Warm-up at {when(w.performedAt)}
              </Link>
              {w.isReviewed ? <Badge className="bg-emerald-100 text-emerald-900">Reviewed</Badge> : <Badge className="bg-sky-100 text-sky-900">To review</Badge>}
            </div>
            <ul className="text-sm">
              {summarizeEntries(w.entries).map((d) => (
                <li key={d.drillId}>
                  <span className="font-medium">{d.name}:</span> {d.text}
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </section>
    </div>
  );
}

function SplitsTable({ rows, unitName }: { rows: ReturnType<typeof splitRows>; unitName: string }) {
  // Columns the watch did not measure are left out rather than shown empty.
  const has = {
    elevation: rows.some((r) => r.elevation !== null),
    heartRate: rows.some((r) => r.heartRate !== null),
    cadence: rows.some((r) => r.cadence !== null),
    groundContact: rows.some((r) => r.groundContact !== null),
  };
  const cell = "px-2 py-1.5 text-right tabular-nums whitespace-nowrap";
  return (
    // The scroll box is the containing block of the caption's sr-only text (see DESIGN pitfalls),
    // and it takes focus so a keyboard can scroll it on a narrow screen.
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Splits">
      <table className="w-full text-sm">
        <caption className="sr-only">Splits per {unitName}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-xs text-stone-600">
            <th scope="col" className="px-2 py-1.5 text-left font-medium capitalize">
              {unitName}
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Time
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              Pace
            </th>
            {has.elevation ? (
              <th scope="col" className={`${cell} font-medium`}>
                Climb / descent
              </th>
            ) : null}
            {has.heartRate ? (
              <th scope="col" className={`${cell} font-medium`}>
                Heart rate
              </th>
            ) : null}
            {has.cadence ? (
              <th scope="col" className={`${cell} font-medium`}>
                Cadence
              </th>
            ) : null}
            {has.groundContact ? (
              <th scope="col" className={`${cell} font-medium`}>
                Ground contact
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.split} className="border-b border-stone-100 last:border-0">
              <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">
                {r.split}
              </th>
              <td className={cell}>{r.time}</td>
              <td className={cell}>{r.pace}</td>
              {has.elevation ? <td className={cell}>{r.elevation ?? "–"}</td> : null}
              {has.heartRate ? <td className={cell}>{r.heartRate ?? "–"}</td> : null}
              {has.cadence ? <td className={cell}>{r.cadence ?? "–"}</td> : null}
              {has.groundContact ? <td className={cell}>{r.groundContact ?? "–"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
