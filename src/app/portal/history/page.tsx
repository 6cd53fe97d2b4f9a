import type { Metadata } from "next";
import Link from "next/link";
import { DeleteLogButton } from "@/components/logging/delete-log-button";
import { describeRun, summarizeEntries } from "@/components/logging/entry-summary";
import { historyItems } from "@/components/logging/history-items";
import { LogComments } from "@/components/messages/log-comments";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { unitWords } from "@/lib/distance-units";
import { formatWhen } from "@/lib/time-wording";
import { viewerDistanceUnit } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "History" };

type History = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["session"]["history"]>>;
type HistorySession = History["sessions"][number];

/** A session's drills, note, the coach's feedback and, for 24 hours, edit and delete. */
function SessionDetails({ session }: { session: HistorySession }) {
  const review = session.review;
  const isEdited = Boolean(review?.editedAfterReviewAt);
  return (
    <>
      <ul className="text-sm">
        {summarizeEntries(session.entries).map((d) => (
          <li key={d.drillId}>
            <span className="font-medium">{d.name}:</span> {d.text}
          </li>
        ))}
      </ul>
      {session.effort ? <p className="text-sm">Effort {session.effort}/10</p> : null}
      {session.note ? <p className="text-sm text-stone-700">“{session.note}”</p> : null}
      {review ? (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" role="note" aria-label="Feedback from your coach">
          <p className="font-medium">
            {isEdited ? "Earlier feedback from" : "Feedback from"} {review.reviewerName ?? "your coach"}
            {isEdited ? ", before your edit" : ""}
          </p>
          <p className="whitespace-pre-line">{review.feedback || "Reviewed, no comment."}</p>
        </div>
      ) : null}
      <p className="text-sm">
        <Link href={`/portal/history/${session.id}#comments-${session.id}`} className="font-medium text-brand-700 underline">
          Comments
        </Link>
      </p>
      {session.canChange ? (
        <div className="flex flex-wrap items-start gap-2 pt-1">
          <Button asChild variant="secondary" size="sm">
            <Link href={`/portal/history/${session.id}`}>Edit {session.context === "warmup_before_run" ? "warm-up" : "session"}</Link>
          </Button>
          <DeleteLogButton kind="session" id={session.id} />
          <p className="w-full text-xs text-stone-600">{session.changeMessage}</p>
        </div>
      ) : null}
    </>
  );
}

function ReviewBadge({ session }: { session: HistorySession }) {
  if (!session.review) return <Badge>Not reviewed yet</Badge>;
  if (session.review.editedAfterReviewAt) return <Badge className="bg-amber-100 text-amber-900">Edited after review</Badge>;
  return <Badge className="bg-emerald-100 text-emerald-900">Reviewed</Badge>;
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  // A run's comments open here under that run (?run=…): the link notifications carried before runs had their own page.
  const { run: openRun } = await searchParams;
  const trpc = await api();
  const [history, unit] = await Promise.all([orForbidden(trpc.session.history()), viewerDistanceUnit()]);
  const now = new Date();
  const when = (d: Date) => formatWhen(d, history.timeZone, now);
  const items = historyItems(history.sessions, history.runs);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <h1 className="text-2xl font-bold">History</h1>
        <p className="text-stone-600">Your sessions and runs, and your coach&apos;s feedback. Times are in {history.timeZone.replace(/_/g, " ")}, distances in {unitWords[unit].plural} (<Link href="/portal/account" className="text-brand-700 underline">change</Link>). You can change a log for 24 hours after saving it.</p>
        <p className="mt-1 text-sm">
          <Link href="/portal/run/import" className="font-medium text-brand-700 underline">
            Import runs from your watch
          </Link>
        </p>
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
                  <ReviewBadge session={item.session} />
                </div>
                <SessionDetails session={item.session} />
              </Card>
            </li>
          ) : (
            <li key={item.run.id}>
              <Card role="article" aria-label={`Run at ${when(item.at)}`} className="space-y-2 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="font-semibold">{item.warmups.length > 0 ? "Run with its warm-up" : "Run"}</h2>
                  <span className="text-sm text-stone-600">{when(item.at)}</span>
                  {item.run.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {item.run.painWhere}</Badge> : null}
                </div>
                <p className="text-sm">
                  {describeRun(item.run.distanceM, item.run.durationS, unit)}
                  {item.run.effort ? ` · effort ${item.run.effort}/10` : ""}
                </p>
                {item.run.note ? <p className="text-sm text-stone-700">“{item.run.note}”</p> : null}
                {item.run.review ? (
                  <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" role="note" aria-label="Answer from your coach">
                    <p className="font-medium">{item.run.review.reviewerName ?? "Your coach"} has seen this run</p>
                    {item.run.review.feedback ? <p className="whitespace-pre-line">{item.run.review.feedback}</p> : null}
                  </div>
                ) : null}
                <div className="flex flex-wrap items-start gap-2 pt-1">
                  <Button asChild variant="secondary" size="sm">
                    <Link href={`/portal/runs/${item.run.id}`}>{item.run.canChange ? "Open or edit the run" : "Open the run"}</Link>
                  </Button>
                  {item.run.canChange ? <DeleteLogButton kind="run" id={item.run.id} /> : null}
                </div>
                {openRun === item.run.id ? (
                  <LogComments log={{ runId: item.run.id }} canQueueOffline />
                ) : (
                  <p className="text-sm">
                    <Link href={`/portal/runs/${item.run.id}#comments-${item.run.id}`} className="font-medium text-brand-700 underline">
                      Comments
                    </Link>
                  </p>
                )}
                {item.warmups.map((warmup) => (
                  <section key={warmup.id} aria-label={`Warm-up at ${when(warmup.performedAt)}`} className="space-y-2 border-t border-stone-200 pt-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="text-sm font-semibold">Warm-up before this run</h3>
                      <span className="text-sm text-stone-600">{when(warmup.performedAt)}</span>
                      {warmup.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {warmup.painWhere}</Badge> : null}
                      <ReviewBadge session={warmup} />
                    </div>
                    <SessionDetails session={warmup} />
                  </section>
                ))}
              </Card>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
