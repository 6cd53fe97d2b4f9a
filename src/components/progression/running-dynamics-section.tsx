import { Card } from "@/components/ui/card";
import type { RunningDynamics } from "@/server/progression/dynamics-service";

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const num = (v: number | null, decimals = 0) => (v === null ? "–" : (Math.round(v * 10 ** decimals) / 10 ** decimals).toFixed(decimals));

/**
 * What the watch records beside the drills that train it: ground contact time beside Hopping,
 * the left/right ground-contact balance beside the per-side Knee Drive holds. Worded as what went
 * together, never as a cause.
 */
export function RunningDynamicsSection({ data, audience, thresholdPercent }: { data: RunningDynamics; audience: "client" | "trainer"; thresholdPercent: number }) {
  const contactWeeks = data.weeks.filter((w) => w.runsWithGroundContact > 0 || w.hoppingDays > 0);
  const balanceWeeks = data.weeks.filter((w) => w.runsWithBalance > 0 || w.kneeLeft !== null || w.kneeRight !== null);
  return (
    <section aria-labelledby="dynamics-heading" className="space-y-3">
      <h2 id="dynamics-heading" className="text-xl font-semibold">
        Running dynamics beside the drills
      </h2>
      {!data.hasDynamics ? (
        <p className="text-stone-600">
          No runs with running dynamics in the last 12 weeks. {audience === "client" ? "Runs imported" : "Runs the client imports"} from a watch that records ground contact
          time show it here, beside Hopping and the Knee Drive.
        </p>
      ) : (
        <>
          <Card className="space-y-3" role="article" aria-label="Ground contact time beside Hopping">
            <h3 className="text-lg font-semibold">Ground contact time beside Hopping</h3>
            <p className="text-sm">{data.contactMessage}</p>
            <p className="text-xs text-stone-600">Hopping is there to shorten the time each foot stays on the ground. Shorter is quicker.</p>
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Ground contact time and Hopping by week, scrollable">
              <table className="w-full text-left text-sm" aria-label="Ground contact time and Hopping by week">
                <thead className="text-stone-600">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Contact (ms)</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Hopping days</th>
                    <th scope="col" className="py-1 font-medium">Contacts</th>
                  </tr>
                </thead>
                <tbody>
                  {[...contactWeeks].reverse().map((w) => (
                    <tr key={w.weekStart} className="border-t border-stone-200">
                      <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                      <td className="py-1 pr-2">
                        {num(w.groundContactMs)}
                        {w.runsWithGroundContact > 1 ? <span className="text-xs text-stone-500"> ({w.runsWithGroundContact} runs)</span> : null}
                      </td>
                      <td className="py-1 pr-2">{w.hoppingDays}</td>
                      <td className="py-1">{w.hoppingContacts ? num(w.hoppingContacts) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <Card className="space-y-3" role="article" aria-label="Left and right beside the Knee Drive">
            <h3 className="text-lg font-semibold">Left and right: run balance beside the Knee Drive</h3>
            <p className="text-sm">
              {data.sameSide
                ? data.sameSide.message
                : `The run's balance and the Knee Drive do not point to the same side over the last 4 weeks (even is 48.5–51.5% on the left; the Knee Drive gap counts above ${thresholdPercent}%).`}
            </p>
            <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Ground contact balance and Knee Drive by week, scrollable">
              <table className="w-full text-left text-sm" aria-label="Ground contact balance and Knee Drive by week">
                <thead className="text-stone-600">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Left contact (%)</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Knee Drive L / R (s)</th>
                    <th scope="col" className="py-1 font-medium">Gap</th>
                  </tr>
                </thead>
                <tbody>
                  {[...balanceWeeks].reverse().map((w) => (
                    <tr key={w.weekStart} className="border-t border-stone-200">
                      <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                      <td className="py-1 pr-2">{num(w.balanceLeft, 1)}</td>
                      <td className="py-1 pr-2">
                        {num(w.kneeLeft, 1)} / {num(w.kneeRight, 1)}
                      </td>
                      <td className="py-1">{w.kneeAsymmetryPercent === null ? "–" : `${Math.round(w.kneeAsymmetryPercent)}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}
    </section>
  );
}
