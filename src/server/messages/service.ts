import { and, count, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { DomainError } from "@/lib/errors";
import { messageTextProblem, normalisedMessageText } from "@/lib/message-text";
import { threadPathFor } from "@/lib/thread-links";
import type { Queryable } from "@/server/db/client";
import { clients, messagePhotos, messages, studioMembers, threadReads, threads, users, type Message, type Thread } from "@/server/db/schema";
import { clientNotDeleted, inStudio, memberActive } from "@/server/db/tenancy";
import { publishToUsers } from "@/server/live/publish";
import { markNotificationsSeen, notify } from "@/server/notifications/notify";
import type { ThreadReader } from "./access";
import { othersIn, threadAudience } from "./audience";
import { attachPhoto } from "./photos";
import { messagePreview, SENDING_LIMITS, sendingLimitProblem } from "./rules";
import { placeOf } from "./threads";

// Posting, reading and "seen" for every kind of thread: a conversation and a log's comments
// are the same thing with a different place.

/** What a log's comment is on, in a notification's title ("Dana commented on a check-in"). */
const LOG_WORDS: Record<Exclude<Thread["kind"], "conversation">, string> = { session: "a session", run: "a run", checkin: "a check-in" };

export type NewMessage = {
  /** Made on the sender's device: a retry or an offline sync stores the message once. */
  id: string;
  body: string;
};

/**
 * Posts a message as the reader (who may read the thread: check with `threadFor` first), marks
 * the thread read for them, tells the others' open pages, and notifies them. A retry of a stored
 * message returns it unchanged and tells no one again.
 */
export async function postMessage(
  q: Queryable,
  author: ThreadReader,
  thread: Thread,
  input: NewMessage,
  now: Date,
  // isLogComment: a comment the app writes for a log (its pain report, the trainer's saved
  // feedback). One per log write, so the logs bound it, not the sender's pace: logging or
  // reviewing never fails for messages written before.
  // clientUrl: where the client's notification opens, when the message is about a place of its
  // own (a comment pinned to a moment of a video) rather than the thread.
  options: { photoId?: string; isLogComment?: boolean; clientUrl?: string } = {},
): Promise<{ message: Message; isNew: boolean }> {
  const body = normalisedMessageText(input.body);
  // A photo may go without words; words alone must be there.
  const problem = messageTextProblem(body, { hasAttachment: !!options.photoId });
  if (problem) throw new DomainError("BAD_REQUEST", problem, "body");
  return q.transaction(async (tx) => {
    const [stored] = await tx.select().from(messages).where(eq(messages.id, input.id)).limit(1);
    if (stored) return { message: sameMessageOrRefuse(stored, author, thread), isNew: false };

    if (!options.isLogComment) {
      const sent = await tx
        .select({
          lastMinute: count(sql`case when ${messages.createdAt} > ${new Date(now.getTime() - SENDING_LIMITS[0].windowMs).toISOString()}::timestamptz then 1 end`),
          lastHour: count(),
        })
        .from(messages)
        .where(and(eq(messages.authorUserId, author.userId), gt(messages.createdAt, sql`${new Date(now.getTime() - SENDING_LIMITS[1].windowMs).toISOString()}::timestamptz`)));
      const tooMany = sendingLimitProblem([sent[0]?.lastMinute ?? 0, sent[0]?.lastHour ?? 0]);
      if (tooMany) throw new DomainError("TOO_MANY_REQUESTS", tooMany);
    }

    const [message] = await tx
      .insert(messages)
      .values({ id: input.id, studioId: thread.studioId, threadId: thread.id, authorUserId: author.userId, authorKind: author.kind, body, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!message) {
      // The same id arrived twice at once (a double-tap racing itself): the first one stands.
      const [raced] = await tx.select().from(messages).where(eq(messages.id, input.id)).limit(1);
      return { message: sameMessageOrRefuse(raced!, author, thread), isNew: false };
    }
    if (options.photoId) await attachPhoto(tx, author, thread, options.photoId, message.id);
    await tx
      .update(threads)
      .set({ lastMessageAt: now, lastMessageId: message.id, lastAuthorKind: author.kind })
      .where(inStudio(threads, thread.studioId, eq(threads.id, thread.id), or(isNull(threads.lastMessageAt), lt(threads.lastMessageAt, now))));
    await markRead(tx, thread, author.userId, now);

    const audience = await threadAudience(tx, thread.studioId, thread.clientId);
    const others = othersIn(audience, author.userId);
    // The author's own other devices show it too.
    await publishToUsers(tx, [author.userId, ...others], { type: "thread.message", threadId: thread.id, messageId: message.id });
    const place = placeOf(thread);
    const preview = messagePreview(body) || "Sent a photo.";
    for (const userId of others) {
      const reader = userId === audience.clientUserId ? "client" : "trainer";
      await notify(tx, {
        studioId: thread.studioId,
        userId,
        kind: thread.kind === "conversation" ? "message" : "log_comment",
        title: thread.kind === "conversation" ? `Message from ${author.name}` : `${author.name} commented on ${LOG_WORDS[thread.kind]}`,
        body: preview,
        url: reader === "client" && options.clientUrl ? options.clientUrl : threadPathFor(reader, place),
      });
    }
    return { message, isNew: true };
  });
}

function sameMessageOrRefuse(stored: Message, author: ThreadReader, thread: Thread): Message {
  if (stored.authorUserId === author.userId && stored.threadId === thread.id && stored.studioId === thread.studioId) return stored;
  throw new DomainError("CONFLICT", "This message could not be sent as it is. Write it again and send.");
}

/** Marks the thread read up to `at` for the person; never moves backwards. */
async function markRead(q: Queryable, thread: Pick<Thread, "id" | "studioId">, userId: string, at: Date) {
  await q
    .insert(threadReads)
    .values({ studioId: thread.studioId, threadId: thread.id, userId, lastReadAt: at })
    .onConflictDoUpdate({ target: [threadReads.threadId, threadReads.userId], set: { lastReadAt: sql`greatest(${threadReads.lastReadAt}, excluded.last_read_at)` } });
}

/**
 * The reader has seen the thread up to now: the other side's "Seen" appears, and the reader's
 * unread counts (on every device) drop.
 */
export async function markThreadRead(q: Queryable, reader: ThreadReader, thread: Thread, now: Date): Promise<void> {
  await q.transaction(async (tx) => {
    // Reading the thread is seeing what it notified: those leave the email digest.
    await markNotificationsSeen(tx, reader.userId, threadPathFor(reader.kind, placeOf(thread)), now);
    const [before] = await tx.select({ at: threadReads.lastReadAt }).from(threadReads).where(and(eq(threadReads.threadId, thread.id), eq(threadReads.userId, reader.userId))).limit(1);
    // Nothing new since the last read: no write and nobody told.
    if (before && thread.lastMessageAt && before.at >= thread.lastMessageAt) return;
    await markRead(tx, thread, reader.userId, now);
    const audience = await threadAudience(tx, thread.studioId, thread.clientId);
    const others = othersIn(audience, reader.userId);
    if (thread.lastMessageId) await publishToUsers(tx, others, { type: "thread.seen", threadId: thread.id, messageId: thread.lastMessageId });
    await publishToUsers(tx, [reader.userId], { type: "unread.changed" });
  });
}

export type ThreadMessage = {
  id: string;
  body: string;
  createdAt: Date;
  authorKind: "client" | "trainer";
  authorName: string;
  isMine: boolean;
  /** The message's photo (served at messagePhotoUrl, lib/photo-upload.ts), or null. */
  photoId: string | null;
  /** The stored photo's size, for MessagePhoto's width and height. */
  photoSize: { width: number; height: number } | null;
};

/**
 * A page of the thread, oldest first (newest at the bottom, as a chat reads), with when the
 * other side last read it, for "Seen" under the reader's own messages.
 */
export async function threadMessages(q: Queryable, reader: ThreadReader, thread: Thread, page: { before?: Date; limit?: number } = {}) {
  const limit = Math.min(page.limit ?? 50, 100);
  const rows = await q
    .select({ id: messages.id, body: messages.body, createdAt: messages.createdAt, authorKind: messages.authorKind, authorUserId: messages.authorUserId, authorName: users.name, photoId: messagePhotos.id, photoWidth: messagePhotos.width, photoHeight: messagePhotos.height })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorUserId))
    .leftJoin(messagePhotos, and(eq(messagePhotos.studioId, messages.studioId), eq(messagePhotos.messageId, messages.id)))
    .where(inStudio(messages, thread.studioId, eq(messages.threadId, thread.id), page.before ? lt(messages.createdAt, sql`${page.before.toISOString()}::timestamptz`) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit + 1);
  const hasOlder = rows.length > limit;
  const list: ThreadMessage[] = rows
    .slice(0, limit)
    .reverse()
    .map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, authorKind: r.authorKind, authorName: r.authorName, isMine: r.authorUserId === reader.userId, photoId: r.photoId, photoSize: r.photoWidth && r.photoHeight ? { width: r.photoWidth, height: r.photoHeight } : null }));
  // "Seen" is the other side's reading: the client's, for a trainer; any trainer's, for the client.
  const otherSide = await q
    .select({ lastReadAt: sql<Date | null>`max(${threadReads.lastReadAt})`.mapWith((v) => (v === null ? null : new Date(v))) })
    .from(threadReads)
    .innerJoin(threads, eq(threads.id, threadReads.threadId))
    .leftJoin(clients, eq(clients.id, threads.clientId))
    .where(
      and(
        eq(threadReads.threadId, thread.id),
        ne(threadReads.userId, reader.userId),
        reader.kind === "client" ? sql`${threadReads.userId} is distinct from ${clients.userId}` : sql`${threadReads.userId} = ${clients.userId}`,
      ),
    );
  return { threadId: thread.id, kind: thread.kind, messages: list, hasOlder, otherSideReadAt: otherSide[0]?.lastReadAt ?? null };
}

/**
 * How many threads wait for the person: the other side wrote last, after they last read it. A
 * client counts their own threads; a trainer the threads of the clients they coach, and an
 * owner every client's (the audience rule, audience.ts).
 */
export async function unreadThreadCount(q: Queryable, reader: ThreadReader): Promise<number> {
  const unread = and(
    eq(threads.lastAuthorKind, reader.kind === "client" ? "trainer" : "client"),
    sql`${threads.lastMessageAt} > coalesce((select ${threadReads.lastReadAt} from ${threadReads} where ${threadReads.threadId} = ${threads.id} and ${threadReads.userId} = ${reader.userId}), '-infinity'::timestamptz)`,
  );
  if (reader.kind === "client") {
    const [row] = await q.select({ n: count() }).from(threads).where(inStudio(threads, reader.studioId, eq(threads.clientId, reader.clientId), unread));
    return row?.n ?? 0;
  }
  const [row] = await q
    .select({ n: count() })
    .from(threads)
    .innerJoin(clients, eq(clients.id, threads.clientId))
    .innerJoin(studioMembers, and(eq(studioMembers.studioId, reader.studioId), eq(studioMembers.userId, reader.userId), memberActive))
    .where(inStudio(threads, reader.studioId, unread, clientNotDeleted, or(eq(studioMembers.role, "owner"), eq(clients.coachId, studioMembers.id))));
  return row?.n ?? 0;
}

