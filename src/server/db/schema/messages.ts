import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { clients, studios, users } from "./studios";
import { checkinResponses } from "./checkins";
import { practiceSessions, runs } from "./training";

// Trainer and client talk in threads. Every thread belongs to one client: their conversation
// with the studio (one per client), or the comments on one logged session or run (one per log).
// Who may read a thread follows from its client (the client, and the trainers who may see that
// client), so a thread needs no member list; who is *told* of a new message is the client,
// their coach and the studio's owners (messages/audience.ts).

export const threads = pgTable(
  "threads",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    kind: text("kind", { enum: ["conversation", "session", "run", "checkin"] }).notNull(),
    sessionId: uuid("session_id"),
    runId: uuid("run_id"),
    checkinResponseId: uuid("checkin_response_id"),
    createdAt: createdAt(),
    // Denormalised from the thread's newest message, so the inbox sorts and reads one row per
    // thread instead of aggregating every message (written in the message's transaction).
    lastMessageAt: instant("last_message_at"),
    lastMessageId: uuid("last_message_id"),
    lastAuthorKind: text("last_author_kind", { enum: ["client", "trainer"] }),
  },
  (t) => [
    unique("threads_studio_id_unique").on(t.studioId, t.id),
    uniqueIndex("threads_one_conversation_per_client").on(t.studioId, t.clientId).where(sql`${t.kind} = 'conversation'`),
    uniqueIndex("threads_one_per_session").on(t.sessionId).where(sql`${t.sessionId} is not null`),
    uniqueIndex("threads_one_per_run").on(t.runId).where(sql`${t.runId} is not null`),
    uniqueIndex("threads_one_per_checkin").on(t.checkinResponseId).where(sql`${t.checkinResponseId} is not null`),
    index("threads_studio_last_message_idx").on(t.studioId, t.lastMessageAt),
    // A log's comments go with the log when the client deletes it.
    foreignKey({ columns: [t.studioId, t.sessionId], foreignColumns: [practiceSessions.studioId, practiceSessions.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.studioId, t.runId], foreignColumns: [runs.studioId, runs.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.studioId, t.checkinResponseId], foreignColumns: [checkinResponses.studioId, checkinResponses.id] }).onDelete("cascade"),
    check(
      "threads_kind_names_its_log",
      sql`num_nonnulls(${t.sessionId}, ${t.runId}, ${t.checkinResponseId}) = case ${t.kind} when 'conversation' then 0 else 1 end and (${t.kind} <> 'session' or ${t.sessionId} is not null) and (${t.kind} <> 'run' or ${t.runId} is not null) and (${t.kind} <> 'checkin' or ${t.checkinResponseId} is not null)`,
    ),
  ],
);

// One message or comment. The id is made on the sender's device, so a retry or an offline
// sync stores it exactly once.
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey(),
    studioId: uuid("studio_id").notNull(),
    threadId: uuid("thread_id").notNull(),
    authorUserId: uuid("author_user_id").notNull().references(() => users.id),
    authorKind: text("author_kind", { enum: ["client", "trainer"] }).notNull(),
    body: text("body").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    unique("messages_studio_id_unique").on(t.studioId, t.id),
    index("messages_thread_created_idx").on(t.studioId, t.threadId, t.createdAt),
    // The sender's rate limit counts their recent messages from here.
    index("messages_author_created_idx").on(t.authorUserId, t.createdAt),
    foreignKey({ columns: [t.studioId, t.threadId], foreignColumns: [threads.studioId, threads.id] }).onDelete("cascade"),
    check("messages_body_length", sql`char_length(${t.body}) <= 4000`),
  ],
);

// How far each person has read a thread: "seen" for the other side, and unread counts.
export const threadReads = pgTable(
  "thread_reads",
  {
    studioId: uuid("studio_id").notNull(),
    threadId: uuid("thread_id").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id),
    lastReadAt: instant("last_read_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    index("thread_reads_user_idx").on(t.userId),
    foreignKey({ columns: [t.studioId, t.threadId], foreignColumns: [threads.studioId, threads.id] }).onDelete("cascade"),
  ],
);

export type Thread = typeof threads.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type ThreadRead = typeof threadReads.$inferSelect;
