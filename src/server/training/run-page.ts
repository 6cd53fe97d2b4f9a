import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients, practiceSessions, runReviews, runs, runTracks, sessionReviews, studioMembers, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { usableZone } from "@/lib/time-zones";
import { notFound } from "@/lib/errors";
import type { RunTrackData } from "@/lib/runs/track-data";
import { entriesOf } from "./service";
import { evaluateSessionEdit } from "./edit-window";

// One run as its page shows it, to the client whose run it is and to their trainers alike: the
// figures (typed, or read from the watch's file), the track drawn from the file, the warm-up
// logged for it and the trainer's answer. Who may read it is the caller's rule: `owner` names
// the client for the client's own page; the trainer's procedure checks the client is theirs
// (namesClientRow) before it gets here.

/** Loads a run of the studio (of `owner` only, when given) with its track, warm-up and answer; not found otherwise. */
export async function loadRunPage(q: Queryable, studioId: string, runId: string, owner?: { clientId: string }) {
  const [row] = await q
    .select({ run: runs, clientName: clients.name, clientTimeZone: users.timeZone, track: runTracks.data })
    .from(runs)
    .innerJoin(clients, eq(clients.id, runs.clientId))
    .leftJoin(users, eq(users.id, clients.userId))
    .leftJoin(runTracks, eq(runTracks.runId, runs.id))
    .where(inStudio(runs, studioId, eq(runs.id, runId), owner ? eq(runs.clientId, owner.clientId) : undefined))
    .limit(1);
  if (!row) throw notFound("run");
  const warmupRows = await q
    .select({ id: practiceSessions.id, performedAt: practiceSessions.performedAt, isReviewed: sql<boolean>`${sessionReviews.id} is not null and ${sessionReviews.sessionEditedAt} is null` })
    .from(practiceSessions)
    .leftJoin(sessionReviews, eq(sessionReviews.sessionId, practiceSessions.id))
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.runId, runId)))
    .orderBy(asc(practiceSessions.performedAt));
  const entries = await entriesOf(q, studioId, warmupRows.map((w) => w.id));
  const [review] = await q
    .select({ feedback: runReviews.feedback, updatedAt: runReviews.updatedAt, reviewerName: users.name })
    .from(runReviews)
    .innerJoin(studioMembers, eq(studioMembers.id, runReviews.reviewedByMemberId))
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(runReviews, studioId, eq(runReviews.runId, runId)))
    .limit(1);
  const { studioId: _studioId, ...run } = row.run;
  return {
    ...run,
    clientName: row.clientName,
    clientTimeZone: usableZone(row.clientTimeZone),
    /** What the page draws; null for a typed run (and a file run whose track was not kept). */
    track: (row.track ?? null) as RunTrackData | null,
    warmups: warmupRows.map((w) => ({ ...w, entries: entries.get(w.id) ?? [] })),
    review: review ?? null,
  };
}

export type RunPage = Awaited<ReturnType<typeof loadRunPage>>;

/** One of the client's own runs for its page, with whether they may still change it (the sessions' 24 hours). */
export async function getOwnRun(q: Queryable, studioId: string, clientId: string, runId: string, now: Date) {
  const run = await loadRunPage(q, studioId, runId, { clientId });
  const window = evaluateSessionEdit({ createdAt: run.createdAt, now, timeZone: run.clientTimeZone, what: "run" });
  return { ...run, canChange: window.isAllowed, changeMessage: window.message };
}
