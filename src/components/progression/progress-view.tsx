import { Alert, Badge, Card } from "@/components/ui/card";
import { measureUnits, type MeasureKind } from "@/lib/drills/vocabulary";
import { distanceNumber, perKmPaceIn, shownIn, unitWords } from "@/lib/distance-units";
import { formatDuration } from "@/lib/wording";
import { describeCheckinWeek } from "@/lib/checkins/checkin-week";
import type { ClientProgression } from "@/server/progression/service";
import { AsymmetryChart, RunningChart, SideChart } from "./charts";
import { RunningLoadSection } from "./running-load-section";
import { RunningDynamicsSection } from "./running-dynamics-section";

type Audience = "client" | "trainer";

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const longDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" });
const trendWords = { improving: "Improving", steady: "Steady", declining: "Declining", not_enough_data: "Not enough data yet" } as const;
const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);

function amount(value: number | null, measure: MeasureKind): string {
  if (value === null) return "–";
  const rounded = Math.round(value * 10) / 10;
  return measure === "hold_seconds" ? `${rounded} s` : `${rounded} ${measureUnits[measure].short}`;
}

/** Progress as the client or their trainer reads it: streaks, adherence, unlocks, each drill per side, running, and (`feel`) how the client feels beside them. */
export function ProgressView({ data, audience, exportBase, feel }: { data: ClientProgression; audience: Audience; exportBase: string; feel?: React.ReactNode }) {
  const you = audience === "client";
  const { streaks, weeks, days, checkins } = data.adherence;
  const thisWeek = weeks.at(-1);
  const logged = data.drills.filter((d) => d.progress.left.best !== null || d.progress.right.best !== null);
  const notYet = data.drills.filter((d) => !logged.includes(d));
  const unit = data.distanceUnit;
  return (
    <div className="space-y-8">
      <section aria-labelledby="adherence-heading" className="space-y-3">
        <h2 id="adherence-heading" className="text-xl font-semibold">
          Adherence and streaks
        </h2>
        <div className={checkins ? "grid gap-3 sm:grid-cols-2 lg:grid-cols-4" : "grid gap-3 sm:grid-cols-3"}>
          <Card className="space-y-1">
            <p className="text-sm text-stone-600">Current streak</p>
            <p className="text-2xl font-bold">
              {streaks.current} {streaks.current === 1 ? "day" : "days"}
            </p>
            <p className="text-xs text-stone-600">
              {streaks.isTodayDone ? "Today is done." : "Today still counts once its daily drills are done."}
            </p>
          </Card>
          <Card className="space-y-1">
            <p className="text-sm text-stone-600">Longest streak</p>
            <p className="text-2xl font-bold">
              {streaks.longest} {streaks.longest === 1 ? "day" : "days"}
            </p>
            {streaks.longestStartedOn ? <p className="text-xs text-stone-600">from {longDate(streaks.longestStartedOn)}</p> : null}
          </Card>
          <Card className="space-y-1">
            <p className="text-sm text-stone-600">This week</p>
            <p className="text-2xl font-bold">{thisWeek ? `${thisWeek.done} of ${thisWeek.prescribed}` : "–"}</p>
            <p className="text-xs text-stone-600">prescribed drills done (daily and before runs)</p>
          </Card>
          {checkins ? (
            <Card className="space-y-1">
              <p className="text-sm text-stone-600">Check-ins this week</p>
              <p className="text-2xl font-bold">{checkins.due === 0 ? "–" : `${checkins.answered} of ${checkins.due}`}</p>
              <p className="text-xs text-stone-600">{describeCheckinWeek(checkins)}</p>
            </Card>
          ) : null}
        </div>
        {weeks.length > 0 ? (
          <table className="w-full text-left text-sm" aria-label="Adherence by week">
            <thead className="text-stone-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
                <th scope="col" className="py-1 pr-2 font-medium">Daily</th>
                <th scope="col" className="py-1 pr-2 font-medium">Before runs</th>
                <th scope="col" className="py-1 pr-2 font-medium">All</th>
                <th scope="col" className="py-1 font-medium">Full days</th>
              </tr>
            </thead>
            <tbody>
              {[...weeks].reverse().map((w) => (
                <tr key={w.isoWeek} className="border-t border-stone-200">
                  <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                  <td className="py-1 pr-2">{w.dailyDone}/{w.dailyPrescribed}</td>
                  <td className="py-1 pr-2">{w.beforeRunPrescribed === 0 ? "–" : `${w.beforeRunDone}/${w.beforeRunPrescribed}`}</td>
                  <td className="py-1 pr-2">{percent(w.rate)}</td>
                  <td className="py-1">{w.completeDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-stone-600">No drills prescribed yet.</p>
        )}
        {days.length > 0 ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-brand-700">Day by day, last {days.length} days</summary>
            <ul className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4" aria-label="Adherence by day">
              {[...days].reverse().map((d) => (
                <li key={d.localDate} className="rounded bg-stone-50 px-2 py-1">
                  {shortDate(d.localDate)}: {d.prescribed === 0 ? "rest" : `${d.done} of ${d.prescribed}`}
                  {d.status === "complete" ? " ✓" : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {data.mastery.length > 0 ? (
        <section aria-labelledby="mastery-heading" className="space-y-3">
          <h2 id="mastery-heading" className="text-xl font-semibold">
            Mastery and unlocks
          </h2>
          <ul className="space-y-3">
            {data.mastery.map((m) => (
              <li key={m.drillId}>
                <Card className="space-y-2" role="article" aria-label={`${m.name} unlock`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="text-lg font-semibold">{m.name}</h3>
                    {m.lock.reason === "mastered" ? (
                      <Badge className="bg-emerald-100 text-emerald-900">Unlocked{m.unlockedOn ? ` on ${shortDate(m.unlockedOn)}` : ""}</Badge>
                    ) : m.lock.reason === "override" ? (
                      <Badge className="bg-brand-100 text-brand-800">Unlocked early by {you ? "your coach" : "a trainer"}</Badge>
                    ) : (
                      <Badge className="bg-stone-700 text-white">Locked</Badge>
                    )}
                  </div>
                  <ul className="space-y-1 text-sm">
                    {m.lock.progress.map((p) => (
                      <li key={p.requiresDrillId}>
                        <span className="font-medium">{p.requirement}.</span> {p.evaluation.summary}.
                        {!p.evaluation.isMet && p.everMet && p.isSatisfied ? " Met before, so it stays unlocked." : ""}
                        {p.pain ? ` ${p.pain.summary}.` : ""}
                        {!p.everMet && p.evaluation.earliestMetDate ? ` With a qualifying day every day it opens on ${longDate(p.evaluation.earliestMetDate)}.` : ""}
                        <span className="mt-1 block h-2 w-full max-w-xs overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
                          <span
                            className="block h-full rounded-full bg-brand-600"
                            style={{ width: `${(100 * Math.min(p.evaluation.qualifyingDays, p.evaluation.requiredDays)) / p.evaluation.requiredDays}%` }}
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="drills-progress-heading" className="space-y-3">
        <h2 id="drills-progress-heading" className="text-xl font-semibold">
          Each drill, side by side
        </h2>
        {logged.length === 0 ? <p className="text-stone-600">Nothing logged yet: progress shows here from the first session.</p> : null}
        {notYet.length > 0 && logged.length > 0 ? (
          <p className="text-sm text-stone-600">Not logged yet: {notYet.map((d) => d.name).join(", ")}.</p>
        ) : null}
        <ul className="space-y-4">
          {logged.map((d) => (
            <li key={d.drillId}>
              <Card className="space-y-3" role="article" aria-label={`${d.name} progress`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-lg font-semibold">{d.name}</h3>
                  {d.asymmetry?.isFlagged ? <Badge className="bg-amber-100 text-amber-900">Asymmetry {Math.round(d.asymmetry.percent ?? 0)}%</Badge> : null}
                </div>
                {/* "26 contacts" in six columns is wider than a phone: the box scrolls, not the page. */}
                <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={`${d.name}: figures per side, scrollable`}>
                  <table className="w-full text-left text-sm" aria-label={`${d.name}: figures per side`}>
                    <thead className="text-stone-600">
                      <tr>
                        <th scope="col" className="py-1 pr-2 font-medium">{d.perSide ? "Side" : ""}</th>
                        <th scope="col" className="py-1 pr-2 font-medium">Best</th>
                        <th scope="col" className="py-1 pr-2 font-medium">Last</th>
                        <th scope="col" className="py-1 pr-2 font-medium">7-day avg</th>
                        <th scope="col" className="py-1 pr-2 font-medium">28-day avg</th>
                        <th scope="col" className="py-1 font-medium">Trend</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(d.perSide ? (["left", "right"] as const) : (["left"] as const)).map((side) => {
                        const p = d.progress[side];
                        return (
                          <tr key={side} className="border-t border-stone-200">
                            <th scope="row" className="py-1 pr-2 font-normal">{d.perSide ? (side === "left" ? "Left" : "Right") : "All"}</th>
                            <td className="py-1 pr-2">{amount(p.best, d.measure)}</td>
                            <td className="py-1 pr-2">{amount(p.last, d.measure)}</td>
                            <td className="py-1 pr-2">{amount(p.rolling7.average, d.measure)}</td>
                            <td className="py-1 pr-2">{amount(p.rolling28.average, d.measure)}</td>
                            <td className="py-1">
                              {trendWords[p.trend.label]}
                              {p.trend.changePercent !== null && Number.isFinite(p.trend.changePercent) ? ` (${p.trend.changePercent > 0 ? "+" : ""}${Math.round(p.trend.changePercent)}%)` : ""}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                {d.asymmetry ? (
                  <p className={d.asymmetry.isFlagged ? "text-sm font-medium text-amber-900" : "text-sm text-stone-700"}>
                    {you ? d.asymmetry.message : trainerAsymmetry(d.asymmetry)}
                  </p>
                ) : null}
                {d.series.length > 0 ? (
                  <figure className="space-y-2">
                    <figcaption className="text-sm text-stone-600">{d.name}: each day&apos;s best and the 7-day average, last 90 days</figcaption>
                    <SideChart points={d.series} perSide={d.perSide} unit={measureUnits[d.measure].short} />
                    {d.perSide && d.series.some((p) => p.asymmetry !== null) ? (
                      <AsymmetryChart drillName={d.name} points={d.series} threshold={data.asymmetryThresholdPercent} />
                    ) : null}
                    <details className="text-sm">
                      <summary className="cursor-pointer text-brand-700">Show the chart as a table</summary>
                      <div className="max-h-72 overflow-auto" tabIndex={0} role="region" aria-label={`${d.name} by day, scrollable`}>
                        <table className="mt-2 w-full text-left" aria-label={`${d.name} by day`}>
                          <thead className="text-stone-600">
                            <tr>
                              <th scope="col" className="pr-2 font-medium">Day</th>
                              <th scope="col" className="pr-2 font-medium">{d.perSide ? "Left" : "Best"}</th>
                              <th scope="col" className="pr-2 font-medium">{d.perSide ? "Left 7-day" : "7-day"}</th>
                              {d.perSide ? (
                                <>
                                  <th scope="col" className="pr-2 font-medium">Right</th>
                                  <th scope="col" className="pr-2 font-medium">Right 7-day</th>
                                  <th scope="col" className="font-medium">Gap</th>
                                </>
                              ) : null}
                            </tr>
                          </thead>
                          <tbody>
                            {[...d.series].reverse().map((p) => (
                              <tr key={p.localDate} className="border-t border-stone-100">
                                <th scope="row" className="pr-2 font-normal">{shortDate(p.localDate)}</th>
                                <td className="pr-2">{amount(p.left, d.measure)}</td>
                                <td className="pr-2">{amount(p.left7, d.measure)}</td>
                                {d.perSide ? (
                                  <>
                                    <td className="pr-2">{amount(p.right, d.measure)}</td>
                                    <td className="pr-2">{amount(p.right7, d.measure)}</td>
                                    <td>{p.asymmetry === null ? "–" : `${Math.round(p.asymmetry)}%`}</td>
                                  </>
                                ) : null}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    </details>
                  </figure>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="running-heading" className="space-y-3">
        <h2 id="running-heading" className="text-xl font-semibold">
          Drills and running
        </h2>
        <Card className="space-y-2">
          <p className="font-medium">{data.running.summary.message}</p>
          <p className="text-sm text-stone-600">{data.running.summary.caveat}</p>
          {you ? null : <p className="text-xs text-stone-500">{shownIn(unit)}</p>}
        </Card>
        {data.running.weeks.length > 0 ? (
          <figure className="space-y-2">
            <figcaption className="text-sm text-stone-600">
              Days of drills and average pace per {unitWords[unit].singular} per week, last {data.running.weeks.length} {data.running.weeks.length === 1 ? "week" : "weeks"}
            </figcaption>
            <RunningChart
              unit={unit}
              weeks={data.running.weeks.map((w) => ({ label: shortDate(w.weekStart), daysWithDrills: w.daysWithDrills, pace: w.paceSecondsPerKm === null ? null : perKmPaceIn(w.paceSecondsPerKm, unit), runsWithPain: w.runsWithPain }))}
            />
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Drills and runs by week">
                <thead className="text-stone-600">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Days of drills</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Runs</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Distance ({unitWords[unit].short})</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Pace (min/{unitWords[unit].short})</th>
                    <th scope="col" className="py-1 pr-2 font-medium">Effort</th>
                    <th scope="col" className="py-1 font-medium">Pain</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.running.weeks].reverse().map((w) => (
                    <tr key={w.isoWeek} className="border-t border-stone-200">
                      <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                      <td className="py-1 pr-2">{w.daysWithDrills}</td>
                      <td className="py-1 pr-2">{w.runs}</td>
                      <td className="py-1 pr-2">{w.runs ? distanceNumber(w.distanceM, unit, 1) : "–"}</td>
                      <td className="py-1 pr-2">{w.paceSecondsPerKm === null ? "–" : formatDuration(perKmPaceIn(w.paceSecondsPerKm, unit))}</td>
                      <td className="py-1 pr-2">{w.averageEffort === null ? "–" : (Math.round(w.averageEffort * 10) / 10).toString()}</td>
                      <td className="py-1">{w.runs ? `${w.runsWithPain} of ${w.runs}` : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </figure>
        ) : null}
      </section>

      {feel}

      <RunningLoadSection data={data.runningLoad} unit={unit} audience={audience} />

      <RunningDynamicsSection data={data.runningDynamics} audience={audience} thresholdPercent={data.asymmetryThresholdPercent} />

      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-xl font-semibold">
          Export
        </h2>
        <p className="text-sm text-stone-600">{you ? "Your" : `${data.client.name}'s`} history as CSV files, for a spreadsheet.</p>
        <ul className="flex flex-wrap gap-3 text-sm">
          {(["sessions", "entries", "runs"] as const).map((kind) => (
            <li key={kind}>
              <a className="text-brand-700 underline" href={`${exportBase}${exportBase.includes("?") ? "&" : "?"}kind=${kind}`} download>
                {kind === "sessions" ? "Sessions" : kind === "entries" ? "Entries (every set and side)" : "Runs"} (CSV)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function trainerAsymmetry(a: NonNullable<ClientProgression["drills"][number]["asymmetry"]>): string {
  if (a.percent === null) return "Not both sides logged in the last 7 days.";
  if (a.weakerSide === null) return "Left and right are even (7-day averages).";
  const gap = `${Math.round(a.percent)}% gap, ${a.weakerSide} weaker (7-day averages)`;
  return a.isFlagged ? `${gap}: above the studio's ${a.thresholdPercent}% threshold.` : `${gap}: within the ${a.thresholdPercent}% threshold.`;
}
