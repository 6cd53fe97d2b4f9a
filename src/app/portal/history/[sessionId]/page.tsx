import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { valuesFromEntries } from "@/components/logging/logger-values";
import { toLoggerDrill } from "@/components/logging/logger-drill";
import { SessionForm } from "@/components/logging/session-form";
import { FilmSession } from "@/components/form-check/capture/film-session";
import { SessionVideos } from "@/components/form-check/player/session-videos";
import { LogComments } from "@/components/messages/log-comments";
import { Alert } from "@/components/ui/card";
import { formatDistance } from "@/lib/distance-units";
import { localDateIn } from "@/lib/local-date";
import { formatWhen } from "@/lib/time-wording";
import { viewerDistanceUnit } from "@/app/require-viewer";
import { api, orForbidden } from "@/trpc/server";

export const metadata: Metadata = { title: "Edit session" };

export default async function EditSessionPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ video?: string; t?: string }> }) {
  const { sessionId } = await params;
  const { video, t } = await searchParams;
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) notFound();
  const trpc = await api();
  const [session, recent, unit] = await Promise.all([orForbidden(trpc.session.mine({ sessionId })), orForbidden(trpc.session.recentRuns()), viewerDistanceUnit()]);
  const now = new Date();
  const runs = recent.map((r) => ({ id: r.id, label: `${formatDistance(r.distanceM, unit)} run at ${formatWhen(r.startedAt, session.timeZone, now)}` }));
  const logged = new Set(session.entries.map((e) => e.drillId));
  // The prescriptions in force when the session was done (not today's), as the server files the edit.
  const drills = session.drills.filter((d) => logged.has(d.drill.id) || (!d.isLocked && (session.context === "warmup_before_run" ? d.isBeforeRun : true))).map(toLoggerDrill);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">{session.canChange ? "Edit session" : "Session"}</h1>
      {session.canChange ? (
        <>
          <p className="text-stone-600">{session.changeMessage}</p>
          <SessionForm
            drills={drills}
            timeZone={session.timeZone}
            runs={runs}
            initial={{
              id: session.id,
              performedAt: session.performedAt,
              effort: session.effort,
              hasPain: session.hasPain,
              painWhere: session.painWhere,
              note: session.note,
              values: valuesFromEntries(session.entries),
              context: session.context,
              runId: session.runId,
            }}
          />
        </>
      ) : (
        <Alert>{session.changeMessage}</Alert>
      )}
      {/* The trainer's comments pinned to moments of the videos of each drill (form checks). */}
      {session.drills
        .filter((d) => logged.has(d.drill.id))
        .map((d) => (
          <SessionVideos key={d.drill.id} sessionId={session.id} drill={{ id: d.drill.id, name: d.drill.name }} canComment={false} localDate={localDateIn(session.performedAt, session.timeZone)} focus={{ videoId: video, t }} />
        ))}
      <FilmSession sessionId={session.id} entries={session.entries} drillNames={new Map(session.drills.map((d) => [d.drill.id, d.drill.name]))} />
      <LogComments log={{ sessionId: session.id }} canQueueOffline />
    </div>
  );
}
