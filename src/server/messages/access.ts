import { and, eq, type SQL } from "drizzle-orm";
import type { ClientScope } from "@/lib/client-visibility";
import { notFound } from "@/lib/errors";
import type { Queryable } from "@/server/db/client";
import { checkinResponses, clients, practiceSessions, runs, studioMembers, threads, users, type Thread } from "@/server/db/schema";
import { clientDataReadableBy, inStudio } from "@/server/db/tenancy";
import type { Viewer } from "@/server/auth/viewer";
import { conversationOf, logThreadOf, type LogRef } from "./threads";

/**
 * Who is reading or writing a thread. A client reads their own threads only; a trainer reads
 * the threads of the clients they may see (the studio's visibility rule, tenancy.ts), never a
 * deleted client's.
 */
export type ThreadReader =
  | { kind: "client"; studioId: string; userId: string; name: string; clientId: string }
  | { kind: "trainer"; studioId: string; userId: string; name: string; clientScope: ClientScope };

/**
 * The one access rule, over a query joined to the thread's (or log's) `clients` row: the client
 * themselves, or a trainer who may see the client; never a deleted client.
 */
export const readableBy = (reader: ThreadReader): SQL => clientDataReadableBy(reader);

/** The thread, if the reader may read it; another client's, or another studio's, is "missing". */
export async function threadFor(q: Queryable, reader: ThreadReader, threadId: string): Promise<Thread> {
  const [row] = await q
    .select({ thread: threads })
    .from(threads)
    .innerJoin(clients, eq(clients.id, threads.clientId))
    .where(inStudio(threads, reader.studioId, eq(threads.id, threadId), readableBy(reader)))
    .limit(1);
  if (!row) throw notFound("conversation");
  return row.thread;
}

/**
 * A studio member as the author of a message the app writes on their behalf (their feedback as a
 * log comment, the "cleared to train" message); null if they are not a member of the studio.
 * Posting needs only who writes: the caller's procedure has already checked the member may see
 * the client, so the scope is left open.
 */
export async function trainerAuthorOf(q: Queryable, studioId: string, memberId: string): Promise<ThreadReader | null> {
  const [member] = await q
    .select({ userId: users.id, name: users.name })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId, eq(studioMembers.id, memberId)))
    .limit(1);
  return member ? { kind: "trainer", studioId, userId: member.userId, name: member.name, clientScope: null } : null;
}

/** The viewer as a thread reader; null for a signed-in person who is neither client nor trainer. */
export function readerOf(viewer: Viewer): ThreadReader | null {
  if (viewer.kind === "client") return { kind: "client", studioId: viewer.studioId, userId: viewer.userId, name: viewer.name, clientId: viewer.clientId };
  if (viewer.kind === "trainer") return { kind: "trainer", studioId: viewer.studioId, userId: viewer.userId, name: viewer.name, clientScope: viewer.clientScope };
  return null;
}

/** The client's conversation, if the reader may read it: a client their own only, a trainer a client they may see. */
export async function conversationFor(q: Queryable, reader: ThreadReader, clientId: string): Promise<Thread> {
  // Checked before anything is made: another client's is a missing conversation to a client, and
  // a client out of a trainer's sight a missing client (as every trainer procedure answers it).
  const [readable] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, reader.studioId, eq(clients.id, clientId), readableBy(reader))).limit(1);
  if (!readable) throw notFound(reader.kind === "client" ? "conversation" : "client");
  return conversationOf(q, reader.studioId, clientId);
}

/**
 * The comments on a logged session, run or answered check-in, if the reader may read the log:
 * the client their own logs, a trainer the logs of clients they may see. Made on first use, like
 * a conversation.
 */
export async function logThreadFor(q: Queryable, reader: ThreadReader, log: LogRef): Promise<Thread> {
  const [table, id, word] =
    "sessionId" in log ? [practiceSessions, log.sessionId, "session"] as const : "runId" in log ? [runs, log.runId, "run"] as const : [checkinResponses, log.checkinResponseId, "check-in"] as const;
  const [row] = await q
    .select({ id: table.id })
    .from(table)
    .innerJoin(clients, eq(clients.id, table.clientId))
    .where(inStudio(table, reader.studioId, eq(table.id, id), readableBy(reader)))
    .limit(1);
  if (!row) throw notFound(word);
  return logThreadOf(q, reader.studioId, log);
}
