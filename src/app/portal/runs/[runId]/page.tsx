import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LogComments } from "@/components/messages/log-comments";
import { RunEditForm } from "@/components/runs/run-edit-form";
import { RunView } from "@/components/runs/run-view";
import { Alert, Badge } from "@/components/ui/card";
import { unitWords } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
import { viewerDistanceUnit } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Run" };

// One of the client's runs: what they (or their watch) recorded, the chart, splits and route
// from the file, the warm-up before it, their coach's answer, the edit for 24 hours, and the comments.
export default async function ClientRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(runId)) notFound();
  const trpc = await api();
  const [run, unit] = await Promise.all([orForbidden(trpc.run.mine({ runId })), viewerDistanceUnit()]);
  const now = new Date();
  const when = (d: Date) => formatWhen(d, run.clientTimeZone, now);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/portal/history" className="text-brand-700 underline">
            History
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Run at {when(run.startedAt)}</h1>
        {run.hasPain ? (
          <p>
            <Badge className="bg-red-100 text-red-800">Pain: {run.painWhere}</Badge>
          </p>
        ) : null}
        <p className="text-stone-700">
          Times in {run.clientTimeZone.replace(/_/g, " ")}, distances in {unitWords[unit].plural} (
          <Link href="/portal/account" className="text-brand-700 underline">
            change
          </Link>
          ).
        </p>
      </div>
      <RunView run={run} unit={unit} when={when} warmupHref={(id) => `/portal/history/${id}`} noteLabel="Your note" />
      {run.review ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" role="note" aria-label="Answer from your coach">
          <p className="font-medium">{run.review.reviewerName ?? "Your coach"} has seen this run</p>
          {run.review.feedback ? <p className="whitespace-pre-line">{run.review.feedback}</p> : null}
        </div>
      ) : null}
      {run.canChange ? (
        <div className="space-y-2">
          <p className="text-sm text-stone-600">{run.changeMessage}</p>
          {/* Only the fields it edits cross to the browser, not the track. */}
          <RunEditForm
            run={{ id: run.id, source: run.source, startedAt: run.startedAt, distanceM: run.distanceM, durationS: run.durationS, effort: run.effort, hasPain: run.hasPain, painWhere: run.painWhere, note: run.note }}
            timeZone={run.clientTimeZone} unit={unit} />
        </div>
      ) : (
        <Alert tone="info">{run.changeMessage}</Alert>
      )}
      <LogComments log={{ runId: run.id }} canQueueOffline />
    </div>
  );
}
