import { sql } from "drizzle-orm";
import type { AttentionSource } from "@/lib/attention";
import { threadPathFor } from "@/lib/thread-links";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { messagePreview } from "./rules";

/** A client's message with no answer for longer than this joins the attention queue. */
export const UNANSWERED_AFTER_MS = 86_400_000;
/** The most unanswered conversations the queue shows; the longest waiting stay. */
const UNANSWERED_LIMIT = 100;

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

/**
 * Clients who wrote and have waited more than a day for an answer: the conversation's last
 * message is theirs, and their first one since the last answer is over a day old.
 */
export function unansweredSource(q: Queryable): AttentionSource {
  return async ({ studioId, now, coachId }) => {
    const before = new Date(now.getTime() - UNANSWERED_AFTER_MS).toISOString();
    const found = await rowsOf<Record<string, unknown>>(
      q,
      sql`select w.client_id, w.client_name, w.waiting_since, left(m.body, 400) as body from (
            select t.client_id, t.studio_id, t.last_message_id, c.name as client_name,
              (select min(cm.created_at) from messages cm
                where cm.studio_id = t.studio_id and cm.thread_id = t.id and cm.author_kind = 'client'
                  and cm.created_at > coalesce((select max(tm.created_at) from messages tm
                    where tm.studio_id = t.studio_id and tm.thread_id = t.id and tm.author_kind = 'trainer'), '-infinity'::timestamptz)
              ) as waiting_since
            from threads t join clients c on c.id = t.client_id and c.studio_id = t.studio_id
            where ${inStudioSql("t", studioId)} and t.kind = 'conversation' and t.last_author_kind = 'client'
              and t.last_message_at is not null and c.deleted_at is null
              ${coachId ? sql`and c.coach_id = ${coachId}::uuid` : sql``}
          ) w
          left join messages m on m.studio_id = w.studio_id and m.id = w.last_message_id
          where w.waiting_since < ${before}::timestamptz
          order by w.waiting_since
          limit ${UNANSWERED_LIMIT}`,
    );
    return found.map((r) => {
      const clientId = String(r.client_id);
      const preview = messagePreview(String(r.body ?? ""), 80);
      return {
        kind: "unanswered" as const,
        key: `unanswered:${clientId}`,
        clientId,
        clientName: String(r.client_name),
        at: asDate(r.waiting_since),
        summary: preview ? `Waiting for your answer for more than a day: “${preview}”` : "Sent a photo and has waited more than a day for your answer.",
        href: threadPathFor("trainer", { kind: "conversation", clientId }),
      };
    });
  };
}
