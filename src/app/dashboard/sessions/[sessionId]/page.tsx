import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { describeRun } from "@/components/logging/entry-summary";
import { SessionVideos } from "@/components/form-check/player/session-videos";
import { ReviewForm } from "@/components/review/review-form";
import { LogComments } from "@/components/messages/log-comments";
import { Badge, Card } from "@/components/ui/card";
import { shownIn } from "@/lib/distance-units";
import { localDateIn } from "@/lib/local-date";
import { formatWhen } from "@/lib/time-wording";
import { describeDose } from "@/lib/drills/describe";
import { measureUnits } from "@/lib/drills/vocabulary";
import { requireViewer } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Review session" };

export default async function ReviewSessionPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ tz?: string; video?: string; t?: string }> }) {
  const { sessionId } = await params;
  const { tz, video, t } = await searchParams;
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) notFound();
  const trpc = await api();
  const [session, me] = await Promise.all([orForbidden(trpc.review.session({ sessionId })), requireViewer("trainer")]);
  const myZone = me.timeZone;
  const showClientZone = tz === "client";
  const zone = showClientZone ? session.clientTimeZone : myZone;
  const now = new Date();
  const when = (d: Date) => formatWhen(d, zone, now);
  const sameZone = session.clientTimeZone === myZone;
  const editedAt = session.review?.editedAfterReviewAt ?? null;

  // One row per drill and set, left and right side by side, against the prescription in force.
  type Row = { key: string; drillName: string; set: number; left: string; right: string; prescribed: string; feel: string };
  const rows = new Map<string, Row>();
  for (const e of session.entries) {
    const key = `${e.drillId}:${e.setNumber}`;
    const row = rows.get(key) ?? {
      key,
      drillName: e.drillName,
      set: e.setNumber,
      left: "",
      right: "",
      prescribed: e.prescribed ? `${describeDose(e.prescribed.prescription, e.measure, e.perSide)} (version ${e.prescribed.version})` : "",
      feel: "",
    };
    const value = e.value === null ? "done" : `${e.value} ${measureUnits[e.measure].short}`.trim();
    if (e.side === "right") row.right = value;
    else row.left = value;
    if (e.side === "both") row.right = "";
    if (e.contactFeel) row.feel = [row.feel, `${e.side === "both" ? "" : `${e.side}: `}${e.contactFeel}`].filter(Boolean).join(", ");
    rows.set(key, row);
  }
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/dashboard/attention" className="text-brand-700 underline">
            Needs attention
          </Link>{" "}
          ·{" "}
          <Link href={`/dashboard/clients/${session.clientId}`} className="text-brand-700 underline">
            {session.clientName}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {session.clientName}: {session.context === "warmup_before_run" ? "warm-up before a run" : "drills"}
        </h1>
        <p className="text-stone-700">
          {when(session.performedAt)} ({zone.replace(/_/g, " ")}
          {showClientZone ? ", the client's time" : ", your time"})
          {sameZone ? null : (
            <>
              {" · "}
              <Link href={showClientZone ? `?tz=mine` : `?tz=client`} className="font-medium text-brand-700 underline">
                {showClientZone ? "Show in my time zone" : "Show in the client's time zone"}
              </Link>
            </>
          )}
        </p>
        <div className="flex flex-wrap gap-2">
          {editedAt ? (
            <Badge className="bg-amber-100 text-amber-900">Edited after review</Badge>
          ) : session.review ? (
            <Badge className="bg-emerald-100 text-emerald-900">Reviewed by {session.review.reviewerName}</Badge>
          ) : (
            <Badge className="bg-sky-100 text-sky-900">Not reviewed yet</Badge>
          )}
          {session.hasPain ? <Badge className="bg-red-100 text-red-800">Pain: {session.painWhere}</Badge> : null}
          {session.effort ? <Badge>Effort {session.effort}/10</Badge> : null}
        </div>
      </div>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Logged values per side against the prescription</caption>
          <thead className="bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">Drill</th>
              <th scope="col" className="px-3 py-2">Left</th>
              <th scope="col" className="px-3 py-2">Right</th>
              <th scope="col" className="px-3 py-2">Prescribed then</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {[...rows.values()].map((r) => (
              <tr key={r.key}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {r.drillName}
                  {r.set > 1 ? ` · set ${r.set}` : ""}
                  {r.feel ? <span className="block text-xs font-normal text-stone-600">Contacts felt {r.feel}</span> : null}
                </th>
                <td className="px-3 py-2 tabular-nums">{r.left || "–"}</td>
                <td className="px-3 py-2 tabular-nums">{r.right || "–"}</td>
                <td className="px-3 py-2 text-stone-700">{r.prescribed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {session.note ? (
        <Card className="p-4">
          <p className="text-sm font-medium">Client&apos;s note</p>
          <p className="text-sm whitespace-pre-line">{session.note}</p>
        </Card>
      ) : null}
      {session.run ? (
        <p className="text-sm text-stone-700">
          Warm-up for the{" "}
          <Link href={`/dashboard/runs/${session.run.id}`} className="font-medium text-brand-700 underline">
            run at {when(session.run.startedAt)}
          </Link>
          : {describeRun(session.run.distanceM, session.run.durationS, me.distanceUnit)}. <span className="text-stone-500">{shownIn(me.distanceUnit)}</span>
        </p>
      ) : null}
      {session.review && editedAt ? (
        <Card className="space-y-1 border-amber-200 bg-amber-50 p-4" role="note" aria-label="Earlier feedback">
          <p className="text-sm font-medium">
            {session.clientName} changed this session at {when(editedAt)}, after {session.review.reviewerName}&apos;s review. The feedback they had:
          </p>
          <p className="text-sm whitespace-pre-line">{session.review.feedback || "Reviewed, no comment."}</p>
        </Card>
      ) : null}
      {[...new Map(session.entries.map((e) => [e.drillId, e.drillName])).entries()].map(([drillId, drillName]) => (
        <SessionVideos key={drillId} sessionId={session.id} drill={{ id: drillId, name: drillName }} canComment localDate={localDateIn(session.performedAt, session.clientTimeZone)} focus={{ videoId: video, t }} />
      ))}
      <Card className="p-4">
        <ReviewForm subject={{ kind: "session", sessionId: session.id }} feedback={session.review?.feedback ?? ""} isReviewed={Boolean(session.review) && !editedAt} />
      </Card>
      <LogComments log={{ sessionId: session.id }} />
    </div>
  );
}
