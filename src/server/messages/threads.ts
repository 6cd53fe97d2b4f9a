import { eq } from "drizzle-orm";
import type { ThreadPlace } from "@/lib/thread-links";
import { notFound } from "@/lib/errors";
import type { Queryable } from "@/server/db/client";
import { checkinResponses, clients, practiceSessions, runs, threads, type Thread } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";

// A thread exists from its first use: a conversation when either side first opens it, a log's
// comments when the first comment is written. Concurrent first uses make one row (the unique
// indexes), and both get it.

/** The client's conversation with the studio, made on first use. */
export async function conversationOf(q: Queryable, studioId: string, clientId: string): Promise<Thread> {
  const [client] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).limit(1);
  if (!client) throw notFound("client");
  await q.insert(threads).values({ studioId, clientId, kind: "conversation" }).onConflictDoNothing();
  const [thread] = await q.select().from(threads).where(inStudio(threads, studioId, eq(threads.clientId, clientId), eq(threads.kind, "conversation"))).limit(1);
  return thread!;
}

/** What a log's comments are on: a logged session, a run, or an answered check-in. */
export type LogRef = { sessionId: string } | { runId: string } | { checkinResponseId: string };

/** The thread row that names the log (its kind and the one column set). */
function logColumns(log: LogRef) {
  if ("sessionId" in log) return { kind: "session", sessionId: log.sessionId } as const;
  if ("runId" in log) return { kind: "run", runId: log.runId } as const;
  return { kind: "checkin", checkinResponseId: log.checkinResponseId } as const;
}

/** The comments on one logged session, run or answered check-in, made on first use. */
export async function logThreadOf(q: Queryable, studioId: string, log: LogRef): Promise<Thread> {
  const existing = await findLogThread(q, studioId, log);
  if (existing) return existing;
  const clientId = await clientOfLog(q, studioId, log);
  await q
    .insert(threads)
    .values({ studioId, clientId, ...logColumns(log) })
    .onConflictDoNothing();
  return (await findLogThread(q, studioId, log))!;
}

/** The log's comments if any were written, else null (nothing is made). */
export async function findLogThread(q: Queryable, studioId: string, log: LogRef): Promise<Thread | null> {
  const where = "sessionId" in log ? eq(threads.sessionId, log.sessionId) : "runId" in log ? eq(threads.runId, log.runId) : eq(threads.checkinResponseId, log.checkinResponseId);
  const [thread] = await q.select().from(threads).where(inStudio(threads, studioId, where)).limit(1);
  return thread ?? null;
}

async function clientOfLog(q: Queryable, studioId: string, log: LogRef): Promise<string> {
  if ("sessionId" in log) {
    const [row] = await q.select({ clientId: practiceSessions.clientId }).from(practiceSessions).where(inStudio(practiceSessions, studioId, eq(practiceSessions.id, log.sessionId))).limit(1);
    if (!row) throw notFound("session");
    return row.clientId;
  }
  if ("runId" in log) {
    const [row] = await q.select({ clientId: runs.clientId }).from(runs).where(inStudio(runs, studioId, eq(runs.id, log.runId))).limit(1);
    if (!row) throw notFound("run");
    return row.clientId;
  }
  const [row] = await q.select({ clientId: checkinResponses.clientId }).from(checkinResponses).where(inStudio(checkinResponses, studioId, eq(checkinResponses.id, log.checkinResponseId))).limit(1);
  if (!row) throw notFound("check-in");
  return row.clientId;
}

/** Where the thread is read, for links in notifications and the inbox. */
export function placeOf(thread: Pick<Thread, "kind" | "clientId" | "sessionId" | "runId" | "checkinResponseId">): ThreadPlace {
  if (thread.kind === "session") return { kind: "session", clientId: thread.clientId, sessionId: thread.sessionId! };
  if (thread.kind === "run") return { kind: "run", clientId: thread.clientId, runId: thread.runId! };
  if (thread.kind === "checkin") return { kind: "checkin", clientId: thread.clientId, checkinResponseId: thread.checkinResponseId! };
  return { kind: "conversation", clientId: thread.clientId };
}
