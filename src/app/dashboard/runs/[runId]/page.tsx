import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewForm } from "@/components/review/review-form";
import { LogComments } from "@/components/messages/log-comments";
import { RunView } from "@/components/runs/run-view";
import { Badge, Card } from "@/components/ui/card";
import { shownIn } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Run" };

// A run as the trainer opens it from the queue or the client's page: the same view the client
// has (summary, chart, splits, route, warm-up, pain and note), and the acknowledgement (with an
// optional answer) that takes its pain off the queue.
export default async function RunPage({ params, searchParams }: { params: Promise<{ runId: string }>; searchParams: Promise<{ tz?: string }> }) {
  const { runId } = await params;
  const { tz } = await searchParams;
  if (!/^[0-9a-f-]{36}$/i.test(runId)) notFound();
  const trpc = await api();
  const [run, me] = await Promise.all([orForbidden(trpc.review.run({ runId })), requireViewer("trainer")]);
  const myZone = me.timeZone;
  const showClientZone = tz === "client";
  const zone = showClientZone ? run.clientTimeZone : myZone;
  const now = new Date();
  const when = (d: Date) => formatWhen(d, zone, now);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/dashboard/attention" className="text-brand-700 underline">
            Needs attention
          </Link>{" "}
          ·{" "}
          <Link href={`/dashboard/clients/${run.clientId}`} className="text-brand-700 underline">
            {run.clientName}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{run.clientName}: run</h1>
        <p className="text-stone-700">
          {when(run.startedAt)} ({zone.replace(/_/g, " ")}
          {showClientZone ? ", the client's time" : ", your time"})
          {run.clientTimeZone === myZone ? null : (
            <>
              {" · "}
              <Link href={showClientZone ? `?tz=mine` : `?tz=client`} className="font-medium text-brand-700 underline">
                {showClientZone ? "Show in my time zone" : "Show in the client's time zone"}
              </Link>
            </>
          )}
        </p>
        <div className="flex flex-wrap gap-2">
          {run.review ? <Badge className="bg-emerald-100 text-emerald-900">Acknowledged by {run.review.reviewerName}</Badge> : <Badge className="bg-sky-100 text-sky-900">Not acknowledged yet</Badge>}
          {run.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {run.painWhere}</Badge> : null}
          {run.effort ? <Badge>Effort {run.effort}/10</Badge> : null}
        </div>
      </div>
      <p className="text-xs text-stone-500">{shownIn(me.distanceUnit)}</p>
      <RunView run={run} unit={me.distanceUnit} when={when} warmupHref={(id) => `/dashboard/sessions/${id}`} noteLabel="Client's note" />
      <Card className="space-y-2 p-4">
        <p className="text-sm text-stone-700">
          {run.hasPain ? "Acknowledging takes this run's pain off your queue." : "Acknowledge the run, with an answer if you have one."} The client sees your answer beside the run in their history.
        </p>
        <ReviewForm subject={{ kind: "run", runId: run.id }} feedback={run.review?.feedback ?? ""} isReviewed={Boolean(run.review)} />
      </Card>
      <LogComments log={{ runId: run.id }} />
    </div>
  );
}
