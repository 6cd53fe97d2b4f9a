import { eq, inArray, not, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { ClientScope } from "@/lib/client-visibility";
import type { Queryable } from "@/server/db/client";
import { assignments, bookings, checkinSchedules, clients, practiceSessions, runs, studios, threads } from "@/server/db/schema";
import { clientVisibleTo, inStudio } from "@/server/db/tenancy";

/** The client's rows a procedure's input names: the client, or one row of theirs. */
export type ClientRowRef =
  | { clientId: string }
  | { clientIds: readonly string[] }
  | { sessionId: string }
  | { runId: string }
  | { assignmentId: string }
  | { bookingId: string }
  | { threadId: string }
  | { checkinScheduleId: string };

type Owned = { table: typeof practiceSessions | typeof runs | typeof assignments | typeof bookings | typeof threads | typeof checkinSchedules; id: string };

function ownedRow(ref: ClientRowRef): Owned | null {
  if ("sessionId" in ref) return { table: practiceSessions, id: ref.sessionId };
  if ("runId" in ref) return { table: runs, id: ref.runId };
  if ("assignmentId" in ref) return { table: assignments, id: ref.assignmentId };
  if ("bookingId" in ref) return { table: bookings, id: ref.bookingId };
  if ("threadId" in ref) return { table: threads, id: ref.threadId };
  // A programme's schedule names no client: it is the studio's, like the programme.
  if ("checkinScheduleId" in ref) return { table: checkinSchedules, id: ref.checkinScheduleId };
  return null;
}

/**
 * Whether the row is the studio's but out of the member's sight (a client they do not coach,
 * or a row of one). A row that does not exist is not "hidden": the procedure's own lookup
 * answers it, so a hidden row and a missing one get the same answer. A booking on the member's
 * own calendar stays theirs to see, whoever coaches its client.
 */
export async function isHiddenFrom(q: Queryable, studioId: string, scope: ClientScope, ref: ClientRowRef): Promise<boolean> {
  const visible = clientVisibleTo(scope);
  if (!visible) return false;
  if ("clientId" in ref || "clientIds" in ref) {
    const ids = "clientId" in ref ? [ref.clientId] : [...ref.clientIds];
    if (ids.length === 0) return false;
    const [row] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId, inArray(clients.id, ids), not(visible))).limit(1);
    return Boolean(row);
  }
  const owned = ownedRow(ref)!;
  const table = owned.table;
  const ownCalendar: SQL | undefined = table === bookings ? eq(bookings.memberId, scope!) : undefined;
  const [row] = await q
    .select({ id: table.id })
    .from(table)
    .innerJoin(clients, eq(clients.id, table.clientId as PgColumn))
    .where(inStudio(table, studioId, eq(table.id, owned.id), not(ownCalendar ? or(visible, ownCalendar)! : visible)))
    .limit(1);
  return Boolean(row);
}

/** The studio's setting, for its owner's settings page. */
export async function clientVisibilityOf(q: Queryable, studioId: string) {
  const [row] = await q.select({ clientVisibility: studios.clientVisibility }).from(studios).where(eq(studios.id, studioId)).limit(1);
  return row?.clientVisibility ?? "all";
}

/**
 * The owner chooses whether trainers see every client or only those they coach. It holds from
 * each trainer's next request: the viewer reads it with the session.
 */
export async function setClientVisibility(q: Queryable, studioId: string, visibility: "all" | "own") {
  await q.update(studios).set({ clientVisibility: visibility }).where(eq(studios.id, studioId));
  return { clientVisibility: visibility };
}
