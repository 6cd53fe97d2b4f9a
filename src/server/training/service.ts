import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import {
  assignments,
  assignmentVersions,
  clients,
  drills,
  practiceEntries,
  practiceSessions,
  runReviews,
  runs,
  sessionReviews,
  studioMembers,
  users,
} from "@/server/db/schema";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudio, inStudioSql } from "@/server/db/tenancy";
import { prescriptionOf } from "@/server/drills/assignments";
import { listDueDrills } from "@/server/drills/due";
import { localDateIn } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { zoneOf } from "@/server/dates/zones";
import { lockStatesFor, recordUnlocksFor } from "@/server/drills/locks";
import type { MeasureKind } from "@/lib/drills/vocabulary";
import { DomainError, notFound } from "@/lib/errors";
import { postPainComment } from "@/server/messages/log-comments";
import { refuseWhileHeld } from "@/server/checkins/intake-service";
import { evaluateSessionEdit, SESSION_EDIT_WINDOW_HOURS, type SessionChange } from "./edit-window";
import { fromZod, logSessionInput, parseRun, sessionMessages, validateLoggedAt, validateSession, type FieldIssue, type LoggableDrill, type LogSession, type LogSessionInput, type LogRunInput } from "@/lib/session-input";

/** A drill the client may log, with the prescription version in force (kept on each entry). */
export type LoggableAssignment = LoggableDrill & { drillId: string; assignmentVersionId: string; isLocked: boolean };

/**
 * The version of an assignment in force at `at`: the last one made at or before it, or the
 * first when `at` comes before the assignment (a session backdated past it). A session is
 * filed, and edited, under what was prescribed when it was done; a later change never moves it.
 */
function versionInForceAt(studioId: string, at: Date) {
  const instant = at.toISOString();
  return sql`coalesce(
    (select v.id from assignment_versions v where ${inStudioSql("v", studioId)} and v.assignment_id = ${assignments.id} and v.created_at <= ${instant}::timestamptz order by v.version desc limit 1),
    (select v.id from assignment_versions v where ${inStudioSql("v", studioId)} and v.assignment_id = ${assignments.id} order by v.version limit 1))`;
}

/**
 * The drills this client has assigned (not ended), each with the version in force when the
 * session was performed. Locked ones are returned marked, so a logged entry for one is refused
 * with a message, not dropped.
 */
export async function loadLoggableDrills(q: Queryable, studioId: string, clientId: string, drillIds: string[], today: string, performedAt: Date) {
  const found = new Map<string, LoggableAssignment>();
  if (drillIds.length === 0) return found;
  const rows = await q
    .select({
      drillId: drills.id,
      name: drills.name,
      measure: drills.measure,
      perSide: drills.perSide,
      recordsContactFeel: drills.recordsContactFeel,
      assignmentVersionId: assignmentVersions.id,
      // A drill without a prerequisite is open: its lock needs no reading of rules and history.
      hasPrerequisite: sql<boolean>`exists (select 1 from drill_prerequisites p where ${inStudioSql("p", studioId)} and p.drill_id = ${drills.id})`,
    })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .innerJoin(assignmentVersions, eq(assignmentVersions.id, versionInForceAt(studioId, performedAt)))
    .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId), ne(assignments.status, "ended"), inArray(assignments.drillId, drillIds)));
  const gated = rows.filter((r) => r.hasPrerequisite).map((r) => r.drillId);
  const locks = gated.length > 0 ? await lockStatesFor(q, studioId, clientId, gated, today) : new Map<string, { isUnlocked: boolean }>();
  for (const { hasPrerequisite: _gated, ...row } of rows) found.set(row.drillId, { ...row, isLocked: !(locks.get(row.drillId)?.isUnlocked ?? true) });
  return found;
}

function refuse(issues: FieldIssue[]): never {
  const [first] = issues;
  // A drill that is not on this client's list (another client's, another studio's) answers like a missing row.
  const code = first?.message === sessionMessages.notAssigned ? "NOT_FOUND" : "BAD_REQUEST";
  throw new DomainError(code, first?.message ?? "Check the highlighted fields.", first?.field);
}

/** The client's zone when the caller already knows it (the signed-in client's viewer): one round trip fewer. */
export type KnownClient = { timeZone?: string };

/** Validates a session against the client's own drills and the clock; returns it with what the write needs. */
async function prepareSession(q: Queryable, studioId: string, clientId: string, raw: LogSessionInput | LogSession, now: Date, known: KnownClient) {
  const timeZone = known.timeZone !== undefined ? usableZone(known.timeZone) : await zoneOf(q, studioId, { clientId });
  const drillIds = [...new Set((raw.entries ?? []).map((e) => e.drillId).filter((id): id is string => typeof id === "string"))];
  // The shape and the time first: the prescriptions to check against are those in force when it
  // was performed, and only a plausible time is looked up (year 275760 has no timestamptz).
  const shape = logSessionInput.safeParse(raw);
  if (!shape.success) refuse(fromZod(shape.error));
  const when = validateLoggedAt(shape.data.performedAt, now, "performedAt");
  if (when.length > 0) refuse(when);
  const loggable = await loadLoggableDrills(q, studioId, clientId, drillIds, localDateIn(now, timeZone), shape.data.performedAt);
  const issues = validateSession(shape.data, { now, drills: loggable });
  if (issues.length > 0) refuse(issues);
  const session = shape.data;
  const locked = session.entries.findIndex((e) => loggable.get(e.drillId)?.isLocked);
  if (locked >= 0) {
    const name = loggable.get(session.entries[locked]!.drillId)!.name;
    throw new DomainError("BAD_REQUEST", `${name} is still locked; log it once your coach or your progress unlocks it.`, `entries.${locked}.drillId`);
  }
  if (session.runId) {
    const [run] = await q.select({ id: runs.id }).from(runs).where(inStudio(runs, studioId, eq(runs.id, session.runId), eq(runs.clientId, clientId))).limit(1);
    if (!run) throw new DomainError("BAD_REQUEST", "Pick one of your own runs for this warm-up, or log it as a session on its own.", "runId");
  }
  return { session, timeZone, loggable, localDate: localDateIn(session.performedAt, timeZone) };
}

function entryRows(studioId: string, clientId: string, sessionId: string, localDate: string, session: LogSession, loggable: Map<string, LoggableAssignment>) {
  return session.entries.map((e) => ({
    studioId,
    sessionId,
    clientId,
    drillId: e.drillId,
    assignmentVersionId: loggable.get(e.drillId)!.assignmentVersionId,
    localDate,
    setNumber: e.setNumber,
    side: e.side,
    value: e.value,
    contactFeel: e.contactFeel,
    note: e.note,
  }));
}

/** What to write for one session: the session row and its entries, inserted in one transaction. */
export type SessionWrite = {
  session: typeof practiceSessions.$inferInsert & { id: string };
  entries: (typeof practiceEntries.$inferInsert)[];
};

/**
 * Writes a session and its entries in one transaction; a session id already stored writes
 * nothing (the device's retry, a double tap, an offline sync) and `created_at` never moves.
 * Any entry the database refuses rolls back the whole session.
 */
export async function writeSession(q: Queryable, write: SessionWrite) {
  return q.transaction((tx) => insertSession(tx, write));
}

/**
 * The session row and its entries as one statement (one round trip, and no savepoint inside
 * the caller's transaction): the entries are inserted from the session's own insert, so a
 * session id already stored inserts no entries either, and every entry takes its studio and
 * client from the session row it belongs to. Entries travel as one JSON parameter,
 * typed by jsonb_to_recordset, whatever their number.
 */
async function insertSession(q: Queryable, write: SessionWrite) {
  // No conflict target: two submits of one id racing can trip the (studio_id, id) index before
  // the id one, and a targeted ON CONFLICT would then raise instead of doing nothing.
  const session = q.insert(practiceSessions).values(write.session).onConflictDoNothing().returning({ id: practiceSessions.id, studioId: practiceSessions.studioId, clientId: practiceSessions.clientId, createdAt: practiceSessions.createdAt });
  const entries = JSON.stringify(
    write.entries.map((e) => ({
      drill_id: e.drillId,
      assignment_version_id: e.assignmentVersionId,
      local_date: e.localDate,
      set_number: e.setNumber,
      side: e.side,
      value: e.value ?? null,
      contact_feel: e.contactFeel ?? null,
      note: e.note ?? null,
    })),
  );
  const [inserted] = await rowsOf<{ created_at: string | Date }>(
    q,
    sql`with s as (${session.getSQL()}),
      e as (
        insert into ${practiceEntries} (studio_id, session_id, client_id, drill_id, assignment_version_id, local_date, set_number, side, value, contact_feel, note)
        select s.studio_id, s.id, s.client_id, x.drill_id, x.assignment_version_id, x.local_date, x.set_number, x.side, x.value, x.contact_feel, x.note
        from s cross join jsonb_to_recordset(${entries}::text::jsonb) as x(
          drill_id uuid, assignment_version_id uuid, local_date date, set_number smallint, side text, value numeric, contact_feel text, note text)
      )
      select s.created_at from s`,
  );
  if (!inserted) return { isNew: false as const };
  return { isNew: true as const, createdAt: new Date(inserted.created_at) };
}

/** The columns a client's log sets, on the first write and on an edit alike. */
function sessionColumns(session: LogSession, localDate: string) {
  return {
    performedAt: session.performedAt,
    localDate,
    context: session.context,
    runId: session.runId,
    effort: session.effort,
    hasPain: session.hasPain,
    painWhere: session.painWhere,
    note: session.note,
  };
}

// A session is stored once whatever the number of submits of its device-made id; the first one wins.
export async function logSession(q: Queryable, studioId: string, clientId: string, raw: LogSessionInput | LogSession, now: Date, known: KnownClient = {}) {
  const { session, timeZone, localDate, loggable } = await prepareSession(q, studioId, clientId, raw, now, known);
  const write: SessionWrite = {
    session: { id: session.id, studioId, clientId, ...sessionColumns(session, localDate) },
    entries: entryRows(studioId, clientId, session.id, localDate, session, loggable),
  };
  // Health answers waiting for the trainer hold the programme (runs stay open). Without pain the
  // write is one statement, a transaction of its own: the check, then the insert, with no
  // BEGIN and COMMIT around them (the check takes no lock, inside a transaction or not).
  const result = !session.hasPain
    ? await refuseWhileHeld(q, studioId, clientId).then(() => insertSession(q, write))
    : // The session and a pain report's comment to the trainer are one write. The check and the
      // insert are sent together (postgres.js pipelines them on the transaction's connection):
      // a held programme throws, and the rollback takes the rows just inserted with it.
      await q.transaction(async (tx) => {
        const [, written] = await Promise.all([refuseWhileHeld(tx, studioId, clientId), insertSession(tx, write)]);
        if (written.isNew) await postPainComment(tx, studioId, clientId, { sessionId: session.id }, session, now);
        return written;
      });
  if (!result.isNew) {
    // The id is taken: by this client's earlier submit (fine), or, astronomically unlikely, by someone else's.
    const [existing] = await q.select({ id: practiceSessions.id }).from(practiceSessions).where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, session.id), eq(practiceSessions.clientId, clientId))).limit(1);
    if (!existing) throw new DomainError("CONFLICT", "This session could not be saved; reload the page and log it again.");
  } else {
    // A drill whose mastery rule this session completes unlocks now (recording is idempotent).
    await recordUnlocksFor(q, studioId, clientId, localDateIn(now, timeZone), { requiring: [...new Set(session.entries.map((e) => e.drillId))] });
  }
  return { id: session.id, isDuplicate: !result.isNew };
}

async function refuseOutsideWindow(q: Queryable, studioId: string, clientId: string, sessionId: string, now: Date, action: SessionChange): Promise<never> {
  const [row] = await q
    .select({ createdAt: practiceSessions.createdAt })
    .from(practiceSessions)
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, sessionId), eq(practiceSessions.clientId, clientId)))
    .limit(1);
  if (!row) throw notFound("session");
  const timeZone = await zoneOf(q, studioId, { clientId });
  throw new DomainError("PRECONDITION_FAILED", evaluateSessionEdit({ createdAt: row.createdAt, now, timeZone, action }).message);
}

const windowStart = (now: Date) => new Date(now.getTime() - SESSION_EDIT_WINDOW_HOURS * 3_600_000);

// A client changes their own session within 24 hours of saving it: its fields and entries are replaced, its id and created_at stay.
export async function updateSession(q: Queryable, studioId: string, clientId: string, raw: LogSessionInput | LogSession, now: Date, known: KnownClient = {}) {
  const { session, timeZone, localDate, loggable } = await prepareSession(q, studioId, clientId, raw, now, known);
  return q.transaction(async (tx) => {
    const [updated] = await tx
      .update(practiceSessions)
      .set({
        ...sessionColumns(session, localDate),
        updatedAt: now,
      })
      .where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, session.id), eq(practiceSessions.clientId, clientId), gte(practiceSessions.createdAt, windowStart(now))))
      .returning({ id: practiceSessions.id });
    if (!updated) await refuseOutsideWindow(tx, studioId, clientId, session.id, now, "edit");
    await tx.delete(practiceEntries).where(inStudio(practiceEntries, studioId, eq(practiceEntries.sessionId, session.id)));
    await tx.insert(practiceEntries).values(entryRows(studioId, clientId, session.id, localDate, session, loggable));
    // A review no longer covers what is logged: the session goes back to the trainer's queue,
    // with the earlier feedback kept for both of them to see.
    await tx.update(sessionReviews).set({ sessionEditedAt: now }).where(inStudio(sessionReviews, studioId, eq(sessionReviews.sessionId, session.id)));
    // Pain added by the edit opens the comments as a first report does (once per session).
    if (session.hasPain) await postPainComment(tx, studioId, clientId, { sessionId: session.id }, session, now);
    // A corrected value can complete a mastery rule as a new session can.
    await recordUnlocksFor(tx, studioId, clientId, localDateIn(now, timeZone), { requiring: [...new Set(session.entries.map((e) => e.drillId))] });
    return { id: session.id };
  });
}

// A client deletes their own session within 24 hours of saving it; its entries and any review go with it.
export async function deleteSession(q: Queryable, studioId: string, clientId: string, sessionId: string, now: Date) {
  const [deleted] = await q
    .delete(practiceSessions)
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, sessionId), eq(practiceSessions.clientId, clientId), gte(practiceSessions.createdAt, windowStart(now))))
    .returning({ id: practiceSessions.id });
  if (!deleted) await refuseOutsideWindow(q, studioId, clientId, sessionId, now, "delete");
  return { id: sessionId };
}

// A run is stored once per device-made id, like a session.
export async function logRun(q: Queryable, studioId: string, clientId: string, raw: LogRunInput, now: Date) {
  const parsed = parseRun(raw, { now });
  if (!parsed.success) refuse(parsed.issues);
  const run = parsed.data;
  const timeZone = await zoneOf(q, studioId, { clientId });
  // The run, and a pain report's comment to the trainer, are one write.
  const inserted = await q.transaction(async (tx) => {
    const [row] = await tx
      .insert(runs)
      .values({
        id: run.id,
        studioId,
        clientId,
        startedAt: run.startedAt,
        localDate: localDateIn(run.startedAt, timeZone),
        distanceM: Math.round(run.distanceM),
        durationS: run.durationSeconds,
        effort: run.effort,
        hasPain: run.hasPain,
        painWhere: run.painWhere,
        note: run.note,
      })
      .onConflictDoNothing() // any unique index, as for sessions: see writeSession
      .returning({ id: runs.id });
    if (row && run.hasPain) await postPainComment(tx, studioId, clientId, { runId: run.id }, run, now);
    return row;
  });
  if (!inserted) {
    const [existing] = await q.select({ id: runs.id }).from(runs).where(inStudio(runs, studioId, eq(runs.id, run.id), eq(runs.clientId, clientId))).limit(1);
    if (!existing) throw new DomainError("CONFLICT", "This run could not be saved; reload the page and log it again.");
  }
  return { id: run.id, isDuplicate: !inserted };
}

// A run can be deleted within 24 hours of saving it, like a session; its warm-up stays, unlinked.
export async function deleteRun(q: Queryable, studioId: string, clientId: string, runId: string, now: Date) {
  return q.transaction(async (tx) => {
    const [run] = await tx.select({ createdAt: runs.createdAt }).from(runs).where(inStudio(runs, studioId, eq(runs.id, runId), eq(runs.clientId, clientId))).limit(1);
    if (!run) throw notFound("run");
    if (run.createdAt < windowStart(now)) {
      const timeZone = await zoneOf(tx, studioId, { clientId });
      const message = evaluateSessionEdit({ createdAt: run.createdAt, now, timeZone, action: "delete", what: "run" }).message;
      throw new DomainError("PRECONDITION_FAILED", message);
    }
    await tx
      .update(practiceSessions)
      .set({ runId: null, updatedAt: now })
      .where(inStudio(practiceSessions, studioId, eq(practiceSessions.runId, runId)));
    await tx.delete(runs).where(inStudio(runs, studioId, eq(runs.id, runId), eq(runs.clientId, clientId)));
    return { id: runId };
  });
}

export type SessionEntryView = {
  drillId: string;
  drillName: string;
  measure: MeasureKind;
  perSide: boolean;
  setNumber: number;
  side: "left" | "right" | "both";
  value: number | null;
  contactFeel: "short" | "medium" | "long" | null;
  note: string | null;
  assignmentVersionId: string;
};

/** The entries of these sessions, by session, with each drill's name and measure (one query). */
export async function entriesOf(q: Queryable, studioId: string, sessionIds: string[]) {
  const bySession = new Map<string, SessionEntryView[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await q
    .select({
      sessionId: practiceEntries.sessionId,
      drillId: practiceEntries.drillId,
      drillName: drills.name,
      measure: drills.measure,
      perSide: drills.perSide,
      setNumber: practiceEntries.setNumber,
      side: practiceEntries.side,
      value: practiceEntries.value,
      contactFeel: practiceEntries.contactFeel,
      note: practiceEntries.note,
      assignmentVersionId: practiceEntries.assignmentVersionId,
      sortOrder: drills.sortOrder,
    })
    .from(practiceEntries)
    .innerJoin(drills, eq(drills.id, practiceEntries.drillId))
    .where(inStudio(practiceEntries, studioId, inArray(practiceEntries.sessionId, sessionIds)))
    .orderBy(asc(drills.sortOrder), asc(drills.name), asc(practiceEntries.setNumber), asc(practiceEntries.side));
  for (const { sessionId, sortOrder: _sortOrder, ...entry } of rows) {
    const list = bySession.get(sessionId) ?? [];
    list.push(entry);
    bySession.set(sessionId, list);
  }
  return bySession;
}

export const HISTORY_LIMIT = 50;

/**
 * The client's own history: their latest sessions (with entries and the trainer's feedback)
 * and runs, newest first, with whether each can still be changed. Times are instants; the
 * page shows them in `timeZone`, the client's.
 */
export async function listHistory(q: Queryable, studioId: string, clientId: string, now: Date) {
  const timeZone = await zoneOf(q, studioId, { clientId });
  const sessionRows = await q
    .select({
      session: practiceSessions,
      feedback: sessionReviews.feedback,
      reviewedAt: sessionReviews.updatedAt,
      editedAfterReviewAt: sessionReviews.sessionEditedAt,
      reviewerName: users.name,
    })
    .from(practiceSessions)
    .leftJoin(sessionReviews, eq(sessionReviews.sessionId, practiceSessions.id))
    .leftJoin(studioMembers, eq(studioMembers.id, sessionReviews.reviewedByMemberId))
    .leftJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.clientId, clientId)))
    .orderBy(desc(practiceSessions.performedAt))
    .limit(HISTORY_LIMIT);
  const entries = await entriesOf(q, studioId, sessionRows.map((r) => r.session.id));
  const runRows = await q
    .select({ run: runs, feedback: runReviews.feedback, reviewedAt: runReviews.updatedAt, reviewerName: users.name })
    .from(runs)
    .leftJoin(runReviews, eq(runReviews.runId, runs.id))
    .leftJoin(studioMembers, eq(studioMembers.id, runReviews.reviewedByMemberId))
    .leftJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(runs, studioId, eq(runs.clientId, clientId)))
    .orderBy(desc(runs.startedAt))
    .limit(HISTORY_LIMIT);
  const editWindow = (createdAt: Date) => evaluateSessionEdit({ createdAt, now, timeZone });
  return {
    timeZone,
    sessions: sessionRows.map(({ session, feedback, reviewedAt, editedAfterReviewAt, reviewerName }) => {
      const window = editWindow(session.createdAt);
      const { studioId: _s, clientId: _c, ...rest } = session;
      return {
        ...rest,
        entries: entries.get(session.id) ?? [],
        review: reviewedAt ? { feedback: feedback ?? "", reviewedAt, reviewerName, editedAfterReviewAt } : null,
        canChange: window.isAllowed,
        changeMessage: window.message,
      };
    }),
    runs: runRows.map(({ run: { studioId: _s, clientId: _c, ...run }, feedback, reviewedAt, reviewerName }) => {
      const window = editWindow(run.createdAt);
      return { ...run, review: reviewedAt ? { feedback: feedback ?? "", reviewedAt, reviewerName } : null, canChange: window.isAllowed };
    }),
  };
}

/**
 * The drills a session could hold, each with the prescription in force when it was performed:
 * those due on its day, and every drill it already holds. The edit form's loggers show these,
 * so correcting Monday's session shows Monday's sets and targets, not today's.
 */
async function drillsInForceAt(q: Queryable, studioId: string, clientId: string, session: { performedAt: Date; localDate: string }, logged: ReadonlySet<string>, today: string) {
  const rows = await q
    .select({
      drill: { id: drills.id, name: drills.name, measure: drills.measure, perSide: drills.perSide, recordsContactFeel: drills.recordsContactFeel },
      version: assignmentVersions,
    })
    .from(assignments)
    .innerJoin(drills, eq(drills.id, assignments.drillId))
    .innerJoin(assignmentVersions, eq(assignmentVersions.id, versionInForceAt(studioId, session.performedAt)))
    .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId), ne(assignments.status, "ended")))
    .orderBy(asc(drills.sortOrder), asc(drills.name));
  const candidates = rows.map((r) => ({ id: r.version.id, status: r.version.status, prescription: prescriptionOf(r.version), row: r }));
  const dueThen = new Set(listDueDrills(candidates, session.localDate).map((d) => d.assignment.id));
  const kept = candidates.filter((c) => dueThen.has(c.id) || logged.has(c.row.drill.id));
  const locks = await lockStatesFor(q, studioId, clientId, kept.map((c) => c.row.drill.id), today);
  return kept.map(({ row, prescription }) => ({
    drill: row.drill,
    version: row.version.version,
    prescription,
    isBeforeRun: prescription.schedule.beforeRun,
    isLocked: !(locks.get(row.drill.id)?.isUnlocked ?? true),
  }));
}

/** One of the client's own sessions, for editing it, with the drills it could hold as prescribed then. */
export async function getOwnSession(q: Queryable, studioId: string, clientId: string, sessionId: string, now: Date) {
  const [session] = await q
    .select()
    .from(practiceSessions)
    .where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, sessionId), eq(practiceSessions.clientId, clientId)))
    .limit(1);
  if (!session) throw notFound("session");
  const timeZone = await zoneOf(q, studioId, { clientId });
  const window = evaluateSessionEdit({ createdAt: session.createdAt, now, timeZone });
  const { studioId: _s, clientId: _c, ...rest } = session;
  const entries = (await entriesOf(q, studioId, [session.id])).get(session.id) ?? [];
  const loggable = await drillsInForceAt(q, studioId, clientId, session, new Set(entries.map((e) => e.drillId)), localDateIn(now, timeZone));
  return { ...rest, timeZone, entries, drills: loggable, canChange: window.isAllowed, changeMessage: window.message };
}

/** The client's runs of the last few days, to link a warm-up to. */
export async function recentRuns(q: Queryable, studioId: string, clientId: string, now: Date) {
  return q
    .select({ id: runs.id, startedAt: runs.startedAt, distanceM: runs.distanceM, durationS: runs.durationS })
    .from(runs)
    .where(inStudio(runs, studioId, eq(runs.clientId, clientId), gte(runs.startedAt, new Date(now.getTime() - 3 * 86_400_000)), lt(runs.startedAt, new Date(now.getTime() + 86_400_000))))
    .orderBy(desc(runs.startedAt))
    .limit(10);
}
