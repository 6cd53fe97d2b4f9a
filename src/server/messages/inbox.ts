import { sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { threads } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { readableBy, type ThreadReader } from "./access";
import { messagePreview } from "./rules";

// The trainer's inbox: one row per client conversation they may read (the one access rule,
// access.ts), the ones waiting for an answer first.

export type InboxFilter = "waiting" | "all";

export type InboxRow = {
  threadId: string;
  clientId: string;
  clientName: string;
  preview: string;
  lastMessageAt: Date;
  lastAuthorKind: "client" | "trainer";
  /** The client wrote last and no trainer has answered since. */
  isWaiting: boolean;
  /** The client's first message since the last answer; null when nothing waits. */
  waitingSince: Date | null;
  /** This trainer has not read the client's latest message. */
  isUnread: boolean;
  lastLog: { kind: "session" | "run"; id: string; at: Date; localDate: string } | null;
  nextBooking: { id: string; startsAt: Date; sessionTypeName: string } | null;
};

/** The most rows the inbox shows at once; older conversations are reached from the client's page. */
export const INBOX_LIMIT = 100;

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/** Waiting conversations first (a client is waiting for an answer), then the most recent first. */
export async function listInbox(q: Queryable, reader: Extract<ThreadReader, { kind: "trainer" }>, now: Date, options: { filter?: InboxFilter; limit?: number } = {}): Promise<{ rows: InboxRow[]; hasMore: boolean }> {
  const limit = Math.min(options.limit ?? INBOX_LIMIT, INBOX_LIMIT);
  const waitingOnly = options.filter === "waiting" ? sql`and threads.last_author_kind = 'client'` : sql``;
  // One statement: the thread row carries its newest message (denormalised on send), and each
  // lateral part reads one short index range per row (messages by thread, logs and bookings by client).
  const found = await rowsOf<Record<string, unknown>>(
    q,
    sql`select threads.id as thread_id, threads.client_id, clients.name as client_name,
          threads.last_message_at, threads.last_author_kind, left(m.body, 400) as body,
          threads.last_author_kind = 'client' and threads.last_message_at > coalesce(tr.last_read_at, '-infinity'::timestamptz) as is_unread,
          case when threads.last_author_kind = 'client' then (
            select min(cm.created_at) from messages cm
            where cm.studio_id = threads.studio_id and cm.thread_id = threads.id and cm.author_kind = 'client'
              and cm.created_at > coalesce((select max(tm.created_at) from messages tm
                where tm.studio_id = threads.studio_id and tm.thread_id = threads.id and tm.author_kind = 'trainer'), '-infinity'::timestamptz)
          ) end as waiting_since,
          last_log.kind as log_kind, last_log.id as log_id, last_log.at as log_at, last_log.local_date::text as log_local_date,
          next_booking.id as booking_id, next_booking.starts_at as booking_starts_at, next_booking.type_name as booking_type_name
        from threads
        join clients on clients.id = threads.client_id and clients.studio_id = threads.studio_id
        left join messages m on m.studio_id = threads.studio_id and m.id = threads.last_message_id
        left join thread_reads tr on tr.thread_id = threads.id and tr.user_id = ${reader.userId}::uuid
        left join lateral (
          select * from (
            (select 'session' as kind, s.id, s.performed_at as at, s.local_date from practice_sessions s
              where s.studio_id = threads.studio_id and s.client_id = threads.client_id order by s.performed_at desc limit 1)
            union all
            (select 'run' as kind, r.id, r.started_at as at, r.local_date from runs r
              where r.studio_id = threads.studio_id and r.client_id = threads.client_id order by r.started_at desc limit 1)
          ) logs order by at desc limit 1
        ) last_log on true
        left join lateral (
          select b.id, b.starts_at, st.name as type_name from bookings b join session_types st on st.id = b.session_type_id
          where b.studio_id = threads.studio_id and b.client_id = threads.client_id and b.status = 'confirmed'
            and b.starts_at > ${now.toISOString()}::timestamptz
          order by b.starts_at limit 1
        ) next_booking on true
        where ${inStudio(threads, reader.studioId, sql`threads.kind = 'conversation'`, sql`threads.last_message_at is not null`, readableBy(reader))} ${waitingOnly}
        order by (threads.last_author_kind = 'client') desc, threads.last_message_at desc, threads.id
        limit ${limit + 1}`,
  );
  const rows = found.slice(0, limit).map((r): InboxRow => {
    const isWaiting = r.last_author_kind === "client";
    return {
      threadId: String(r.thread_id),
      clientId: String(r.client_id),
      clientName: String(r.client_name),
      preview: messagePreview(String(r.body ?? "")) || "Sent a photo.",
      lastMessageAt: asDate(r.last_message_at),
      lastAuthorKind: isWaiting ? "client" : "trainer",
      isWaiting,
      waitingSince: isWaiting && r.waiting_since != null ? asDate(r.waiting_since) : null,
      isUnread: r.is_unread === true,
      lastLog: r.log_id == null ? null : { kind: r.log_kind === "run" ? "run" : "session", id: String(r.log_id), at: asDate(r.log_at), localDate: String(r.log_local_date) },
      nextBooking: r.booking_id == null ? null : { id: String(r.booking_id), startsAt: asDate(r.booking_starts_at), sessionTypeName: String(r.booking_type_name) },
    };
  });
  return { rows, hasMore: found.length > limit };
}
