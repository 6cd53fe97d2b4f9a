import Link from "next/link";
import { Card } from "@/components/ui/card";
import { addDays } from "@/lib/local-date";
import { checkinHistoryPath } from "@/lib/thread-links";
import type { CheckinHistory } from "@/server/checkins/history";
import { PainChart, ValueChart } from "./feel-charts";
import { describePain, describeValues } from "./feel-summary";

const shortDate = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/**
 * How the client feels over the same weeks as their drills and runs: pain per place and side,
 * each scale and number they answer, their choices counted, and how many check-ins they
 * answered of those asked. The same for the client and their trainer.
 */
export function FeelSection({ data, audience }: { data: CheckinHistory; audience: "client" | "trainer" }) {
  const you = audience === "client";
  // Like the drills' and runs' chart, the weeks start at the first with something in them (a check-in asked or answered).
  const firstDay = [data.weeks.find((w) => w.due > 0)?.weekStart, ...data.responses.map((r) => r.localDate)].filter((d): d is string => Boolean(d)).sort()[0];
  const weeks = firstDay ? data.weeks.filter((w) => addDays(w.weekStart, 6) >= firstDay) : data.weeks;
  const axis = { from: weeks[0]?.weekStart ?? data.from, weeks: Math.max(1, weeks.length) };
  const asked = weeks.reduce((n, w) => n + w.due, 0);
  const answered = weeks.reduce((n, w) => n + w.answered, 0);
  const span = `last ${weeks.length} ${weeks.length === 1 ? "week" : "weeks"}`;
  const hasAny = data.responses.length > 0 || asked > 0;
  return (
    <section aria-labelledby="feel-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="feel-heading" className="text-xl font-semibold">
          How {you ? "you feel" : "they feel"}
        </h2>
        {data.responses.length > 0 ? (
          <Link href={checkinHistoryPath(audience, data.client.id)} className="text-sm text-brand-700 underline">
            {you ? "All your check-ins" : "All check-ins"}
          </Link>
        ) : null}
      </div>
      {!hasAny ? (
        <p className="text-stone-600">{you ? "No check-ins yet: when your coach asks how you feel, your answers show here over time." : "No check-ins asked or answered yet."}</p>
      ) : (
        <>
          <Card className="space-y-2">
            <p className="font-medium">
              {asked > 0 ? `${answered} of ${asked} check-ins answered, ${span}.` : `${data.responses.length} ${data.responses.length === 1 ? "answer" : "answers"}, ${span}.`}
            </p>
            {asked > 0 ? (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" aria-label="Check-ins by week">
                  <thead className="text-stone-600">
                    <tr>
                      <th scope="col" className="py-1 pr-2 font-medium">Week of</th>
                      <th scope="col" className="py-1 pr-2 font-medium">Answered</th>
                      <th scope="col" className="py-1 font-medium">Missed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...weeks].reverse().filter((w) => w.due > 0).map((w) => (
                      <tr key={w.weekStart} className="border-t border-stone-200">
                        <th scope="row" className="py-1 pr-2 font-normal">{shortDate(w.weekStart)}</th>
                        <td className="py-1 pr-2">{w.answered} of {w.due}</td>
                        <td className="py-1">{w.missed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </Card>

          {data.painDays.length > 0 ? (
            <Card className="space-y-2">
              <figure aria-labelledby="feel-pain-title" aria-describedby="feel-pain-summary" className="space-y-2">
                <figcaption id="feel-pain-title" className="text-sm font-medium text-stone-800">
                  Pain by place and side (0–10), {span}
                </figcaption>
                <p id="feel-pain-summary" className={data.pain.length === 0 ? "text-sm text-stone-700" : "sr-only"}>
                  {describePain(data.painDays, data.pain)}
                </p>
                {data.pain.length > 0 ? (
                  <>
                    <PainChart axis={axis} painDays={data.painDays} lines={data.pain} />
                    <details className="text-sm">
                      <summary className="cursor-pointer text-brand-700">Show the pain as a table</summary>
                      <div className="max-h-72 overflow-auto" tabIndex={0} role="region" aria-label="Pain by day, scrollable">
                        <table className="mt-2 w-full text-left" aria-label="Pain by day">
                          <thead className="text-stone-600">
                            <tr>
                              <th scope="col" className="pr-2 font-medium">Day</th>
                              {data.pain.map((l) => (
                                <th key={`${l.place}-${l.side}`} scope="col" className="pr-2 font-medium">
                                  {l.label[0]!.toUpperCase() + l.label.slice(1)}
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {[...data.painDays].reverse().map((day) => (
                              <tr key={day} className="border-t border-stone-100">
                                <th scope="row" className="pr-2 font-normal">{shortDate(day)}</th>
                                {data.pain.map((l) => (
                                  <td key={`${l.place}-${l.side}`} className="pr-2">
                                    {l.points.find((p) => p.localDate === day)?.score ?? 0}
                                  </td>
                                ))}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    </details>
                  </>
                ) : null}
              </figure>
            </Card>
          ) : null}

          {data.scales.length > 0 ? (
            <Card className="space-y-4">
              {data.scales.map((s) => (
                <figure key={s.questionId} aria-labelledby={`feel-${s.questionId}-title`} aria-describedby={`feel-${s.questionId}-summary`} className="space-y-1">
                  <figcaption id={`feel-${s.questionId}-title`} className="text-sm font-medium text-stone-800">
                    {s.prompt} <span className="font-normal text-stone-600">({s.formTitle}{s.unit ? `, ${s.unit}` : ", 0–10"})</span>
                  </figcaption>
                  <p id={`feel-${s.questionId}-summary`} className="text-xs text-stone-600">
                    {describeValues(s)}
                  </p>
                  <ValueChart axis={axis} points={s.points} min={s.min} max={s.max} unit={s.unit} />
                </figure>
              ))}
            </Card>
          ) : null}

          {data.choices.length > 0 ? (
            <Card>
              <ul className="space-y-2 text-sm" aria-label="Choices answered">
                {data.choices.map((c) => (
                  <li key={c.questionId}>
                    <span className="font-medium">{c.prompt}</span> <span className="text-stone-600">({c.formTitle})</span>:{" "}
                    {c.counts.map((n) => `${n.label} ${n.count}×`).join(", ")}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      )}
    </section>
  );
}
