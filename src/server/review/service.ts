import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { assignmentVersions, clients, drills, practiceEntries, practiceSessions, runReviews, runs, sessionReviews, studioMembers, users } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { prescriptionOf } from "@/server/drills/assignments";
import { usableZone } from "@/lib/time-zones";
import { notFound } from "@/lib/errors";
import { entriesOf } from "@/server/training/service";
import { loadRunPage } from "@/server/training/run-page";
import { postFeedbackComment } from "@/server/messages/log-comments";

// The trainer's side of logging: a session beside its prescription, feedback, a client's recent logs.

/**
 * A session as the trainer reviews it: the client, each entry beside the prescription that
 * was in force when it was logged, the linked run, and the review so far.
 */
export async function getSessionForReview(q: Queryable, studioId: string, sessionId: string) {
  const [row] = await q
    .select({
      session: practiceSessions,
      clientName: clients.name,
      clientTimeZone: users.timeZone,
      run: { id: runs.id, startedAt: runs.startedAt, distanceM: runs.distanceM, durationS: runs.durationS },
    })
    .from(practiceSessions)
    .innerJoin(clients, eq(clients.id, practiceSessions.clientId))
    .innerJoin(users, eq(users.id, clients.userId))
    .leftJoin(runs, eq(runs.id, practiceSessions.runId))
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, sessionId)))
    .limit(1);
  if (!row) throw notFound("session");
  const entries = (await entriesOf(q, studioId, [sessionId])).get(sessionId) ?? [];
  const versionIds = [...new Set(entries.map((e) => e.assignmentVersionId))];
  const versions = versionIds.length
    ? await q.select().from(assignmentVersions).where(inStudio(assignmentVersions, studioId, inArray(assignmentVersions.id, versionIds)))
    : [];
  const prescriptions = new Map(versions.map((v) => [v.id, { version: v.version, prescription: prescriptionOf(v) }]));
  const [review] = await q
    .select({ feedback: sessionReviews.feedback, updatedAt: sessionReviews.updatedAt, editedAfterReviewAt: sessionReviews.sessionEditedAt, reviewerName: users.name })
    .from(sessionReviews)
    .innerJoin(studioMembers, eq(studioMembers.id, sessionReviews.reviewedByMemberId))
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(sessionReviews, studioId, eq(sessionReviews.sessionId, sessionId)))
    .limit(1);
  const { session } = row;
  return {
    id: session.id,
    clientId: session.clientId,
    clientName: row.clientName,
    clientTimeZone: usableZone(row.clientTimeZone),
    performedAt: session.performedAt,
    localDate: session.localDate,
    createdAt: session.createdAt,
    context: session.context,
    effort: session.effort,
    hasPain: session.hasPain,
    painWhere: session.painWhere,
    note: session.note,
    run: row.run?.id ? row.run : null,
    entries: entries.map((e) => ({ ...e, prescribed: prescriptions.get(e.assignmentVersionId) ?? null })),
    review: review ?? null,
  };
}

// The trainer's feedback on a session; saving it marks the session reviewed (saving again updates it, and covers any edit since).
// Feedback that says something new is posted as the trainer's comment on the session, in the same transaction (the client is told).
export async function reviewSession(q: Queryable, studioId: string, memberId: string, input: { sessionId: string; feedback: string }, now: Date) {
  const [session] = await q.select({ id: practiceSessions.id }).from(practiceSessions).where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, input.sessionId))).limit(1);
  if (!session) throw notFound("session");
  const feedback = input.feedback.trim();
  return q.transaction(async (tx) => {
    // The review row first, then locked: two saves at once post the feedback once (the second
    // waits for the first and finds its words already said).
    await tx.insert(sessionReviews).values({ studioId, sessionId: session.id, reviewedByMemberId: memberId, feedback: "" }).onConflictDoNothing();
    const [previous] = await tx.select({ feedback: sessionReviews.feedback }).from(sessionReviews).where(inStudio(sessionReviews, studioId, eq(sessionReviews.sessionId, session.id))).for("update").limit(1);
    const [row] = await tx
      .update(sessionReviews)
      .set({ feedback, reviewedByMemberId: memberId, updatedAt: now, sessionEditedAt: null })
      .where(inStudio(sessionReviews, studioId, eq(sessionReviews.sessionId, session.id)))
      .returning({ sessionId: sessionReviews.sessionId, updatedAt: sessionReviews.updatedAt });
    await postFeedbackComment(tx, studioId, memberId, { sessionId: session.id }, { previous: previous?.feedback ?? null, saved: feedback }, now);
    return row!;
  });
}

/**
 * A run as the trainer opens it from the queue or the client's page: the client, the run with
 * its figures, track, pain and note, the warm-up logged for it, and the trainer's answer so far
 * (the same page the client sees, training/run-page.ts).
 */
export async function getRunForReview(q: Queryable, studioId: string, runId: string) {
  return loadRunPage(q, studioId, runId);
}

// The trainer acknowledges a run (a painful one leaves the queue), with an answer the client reads beside it; saving again updates it.
// An answer that says something new is posted as the trainer's comment on the run, as session feedback is.
export async function reviewRun(q: Queryable, studioId: string, memberId: string, input: { runId: string; feedback: string }, now: Date) {
  const [run] = await q.select({ id: runs.id }).from(runs).where(inStudio(runs, studioId, eq(runs.id, input.runId))).limit(1);
  if (!run) throw notFound("run");
  const feedback = input.feedback.trim();
  return q.transaction(async (tx) => {
    // Inserted, then locked, as in reviewSession.
    await tx.insert(runReviews).values({ studioId, runId: run.id, reviewedByMemberId: memberId, feedback: "" }).onConflictDoNothing();
    const [previous] = await tx.select({ feedback: runReviews.feedback }).from(runReviews).where(inStudio(runReviews, studioId, eq(runReviews.runId, run.id))).for("update").limit(1);
    const [row] = await tx
      .update(runReviews)
      .set({ feedback, reviewedByMemberId: memberId, updatedAt: now })
      .where(inStudio(runReviews, studioId, eq(runReviews.runId, run.id)))
      .returning({ runId: runReviews.runId, updatedAt: runReviews.updatedAt });
    await postFeedbackComment(tx, studioId, memberId, { runId: run.id }, { previous: previous?.feedback ?? null, saved: feedback }, now);
    return row!;
  });
}

/** A client's latest sessions for the trainer (with whether each is reviewed), newest first. */
export async function listClientSessions(q: Queryable, studioId: string, clientId: string) {
  const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
  if (!client) throw notFound("client");
  const sessionRows = await q
    .select({
      id: practiceSessions.id,
      performedAt: practiceSessions.performedAt,
      context: practiceSessions.context,
      effort: practiceSessions.effort,
      hasPain: practiceSessions.hasPain,
      painWhere: practiceSessions.painWhere,
      runId: practiceSessions.runId,
      isReviewed: sql<boolean>`${sessionReviews.id} is not null and ${sessionReviews.sessionEditedAt} is null`,
      isEditedAfterReview: sql<boolean>`${sessionReviews.sessionEditedAt} is not null`,
      drillNames: sql<string[]>`coalesce((select array_agg(distinct ${drills.name}) from ${practiceEntries} join ${drills} on ${drills.id} = ${practiceEntries.drillId} where ${practiceEntries.sessionId} = ${practiceSessions.id} and ${practiceEntries.studioId} = ${studioId}), '{}')`,
    })
    .from(practiceSessions)
    .leftJoin(sessionReviews, eq(sessionReviews.sessionId, practiceSessions.id))
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.clientId, clientId)))
    .orderBy(desc(practiceSessions.performedAt))
    .limit(20);
  const runRows = await q
    .select({
      id: runs.id,
      startedAt: runs.startedAt,
      distanceM: runs.distanceM,
      durationS: runs.durationS,
      effort: runs.effort,
      hasPain: runs.hasPain,
      painWhere: runs.painWhere,
      note: runs.note,
      isReviewed: sql<boolean>`${runReviews.id} is not null`,
    })
    .from(runs)
    .leftJoin(runReviews, eq(runReviews.runId, runs.id))
    .where(inStudio(runs, studioId, eq(runs.clientId, clientId)))
    .orderBy(desc(runs.startedAt))
    .limit(20);
  return { sessions: sessionRows, runs: runRows };
}
