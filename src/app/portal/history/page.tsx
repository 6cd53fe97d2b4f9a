import type { Metadata } from "next";
import Link from "next/link";
import { DeleteLogButton } from "@/components/logging/delete-log-button";
import { describeRun, summarizeEntries } from "@/components/logging/entry-summary";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { formatWhen } from "@/server/booking/format";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage() {
  const trpc = await api();
  const history = await orForbidden(trpc.session.history());
  const now = new Date();
  const when = (d: Date) => formatWhen(d, history.timeZone, now);
  const items = [
    ...history.sessions.map((s) => ({ kind: "session" as const, at: s.performedAt, session: s })),
    ...history.runs.map((r) => ({ kind: "run" as const, at: r.startedAt, run: r })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">History</h1>
        <p className="text-stone-600">Your sessions and runs, and your coach&apos;s feedback. Times are in {history.timeZone.replace(/_/g, " ")}. You can change a log for 24 hours after saving it.</p>
      </div>
      {items.length === 0 ? (
        <Card>
          <p>
            Nothing logged yet. <Link href="/portal/log" className="font-medium text-brand-700 underline">Log your drills</Link> after your next session.
          </p>
        </Card>
      ) : null}
      <ul className="space-y-3" aria-label="Sessions and runs">
        {items.map((item) =>
          item.kind === "session" ? (
            <li key={item.session.id}>
              <Card role="article" aria-label={`Session at ${when(item.at)}`} className="space-y-2 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="font-semibold">{item.session.context === "warmup_before_run" ? "Warm-up before a run" : "Drills"}</h2>
                  <span className="text-sm text-stone-600">{when(item.at)}</span>
                  {item.session.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {item.session.painWhere}</Badge> : null}
                  {item.session.review ? <Badge className="bg-emerald-100 text-emerald-900">Reviewed</Badge> : <Badge>Not reviewed yet</Badge>}
                </div>
                <ul className="text-sm">
                  {summarizeEntries(item.session.entries).map((d) => (
                    <li key={d.drillId}>
                      <span className="font-medium">{d.name}:</span> {d.text}
                    </li>
                  ))}
                </ul>
                {item.session.effort ? <p className="text-sm">Effort {item.session.effort}/10</p> : null}
                {item.session.note ? <p className="text-sm text-stone-700">“{item.session.note}”</p> : null}
                {item.session.review ? (
                  <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" role="note" aria-label="Feedback from your coach">
                    <p className="font-medium">Feedback from {item.session.review.reviewerName ?? "your coach"}</p>
                    <p className="whitespace-pre-line">{item.session.review.feedback || "Reviewed, no comment."}</p>
                  </div>
                ) : null}
                {item.session.canChange ? (
                  <div className="flex flex-wrap items-start gap-2 pt-1">
                    <Button asChild variant="secondary" size="sm">
                      <Link href={`/portal/history/${item.session.id}`}>Edit session</Link>
                    </Button>
                    <DeleteLogButton kind="session" id={item.session.id} />
                    <p className="w-full text-xs text-stone-600">{item.session.changeMessage}</p>
                  </div>
                ) : null}
              </Card>
            </li>
          ) : (
            <li key={item.run.id}>
              <Card role="article" aria-label={`Run at ${when(item.at)}`} className="space-y-2 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="font-semibold">Run</h2>
                  <span className="text-sm text-stone-600">{when(item.at)}</span>
                  {item.run.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {item.run.painWhere}</Badge> : null}
                </div>
                <p className="text-sm">
                  {describeRun(item.run.distanceM, item.run.durationS)}
                  {item.run.effort ? ` · effort ${item.run.effort}/10` : ""}
                </p>
                {item.run.note ? <p className="text-sm text-stone-700">“{item.run.note}”</p> : null}
                {item.run.canChange ? <DeleteLogButton kind="run" id={item.run.id} /> : null}
              </Card>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
