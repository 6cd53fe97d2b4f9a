import { Card } from "@/components/ui/card";
import { distanceNumber, unitWords, type DistanceUnit } from "@/lib/distance-units";
import { formatDuration } from "@/lib/wording";
import type { RunningLoad } from "@/server/progression/load-service";

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** Weekly running load and the last 7 days against a usual week, for the client or their trainer. */
export function RunningLoadSection({ data, unit, audience }: { data: RunningLoad; unit: DistanceUnit; audience: "client" | "trainer" }) {
  const { weeks, spikeRatio, isSpike } = data;
  const short = unitWords[unit].short;
  return (
    <section aria-labelledby="load-heading" className="space-y-3">
      <h2 id="load-heading" className="text-xl font-semibold">
        Running load
      </h2>
      <Card className={isSpike ? "space-y-1 border-amber-300 bg-amber-50" : "space-y-1"}>
        <p className={isSpike ? "font-medium text-amber-900" : "font-medium"}>{data.message}</p>
        <p className="text-sm text-stone-600">
          The last 7 days against a usual week (the last 28 days ÷ 4).{" "}
          {audience === "trainer" ? `Above ${spikeRatio}× it is flagged in your attention queue.` : "Build up by small steps: a sudden jump is what injures runners."}
        </p>
      </Card>
      {/* Five columns at 390 px: the box scrolls, never the page (and holds the sr-only text). */}
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Running load by week, scrollable">
        <table className="w-full text-left text-sm" aria-label="Running load by week">
          <thead className="text-stone-600">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
              <th scope="col" className="py-1 pr-2 font-medium">Runs</th>
              <th scope="col" className="py-1 pr-2 font-medium">Distance ({short})</th>
              <th scope="col" className="py-1 pr-2 font-medium">Time</th>
              <th scope="col" className="py-1 font-medium">Longest ({short})</th>
            </tr>
          </thead>
          <tbody>
            {[...weeks].reverse().map((w) => (
              <tr key={w.weekStart} className="border-t border-stone-200">
                <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                <td className="py-1 pr-2">{w.runs}</td>
                <td className="py-1 pr-2">{w.runs ? distanceNumber(w.distanceM, unit, 1) : "–"}</td>
                <td className="py-1 pr-2">{w.runs ? formatDuration(w.movingS) : "–"}</td>
                <td className="py-1">{w.runs ? distanceNumber(w.longestM, unit, 1) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-stone-500">Weeks run Monday to Sunday in {audience === "client" ? "your" : "the client's"} own calendar; time is moving time for runs from a watch.</p>
    </section>
  );
}
