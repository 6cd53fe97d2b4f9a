import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { trainerAuthorOf, type ThreadReader } from "./access";
import { isFeedbackNews, painCommentId, painCommentText } from "./log-comment-rules";
import { postMessage } from "./service";
import { logThreadOf, type LogRef } from "./threads";

// The comments the app writes on a log on behalf of its people: the client's pain report opens
// the log's comments, and the trainer's saved feedback is a comment. Both are written in the
// caller's transaction (the log, or the review), so the two never disagree.

/**
 * A client's pain report as their comment on the log, so the trainer can answer it. Once per log
 * (its id is the log's): a retry or an edit that reports pain again writes nothing new.
 */
export async function postPainComment(tx: Queryable, studioId: string, clientId: string, log: LogRef, report: { painWhere: string | null; note: string | null }, now: Date): Promise<void> {
  const [client] = await tx.select({ userId: clients.userId, name: clients.name }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId))).limit(1);
  // A client without a login has not logged it themselves: nobody to write as.
  if (!client?.userId) return;
  const author: ThreadReader = { kind: "client", studioId, userId: client.userId, name: client.name, clientId };
  const thread = await logThreadOf(tx, studioId, log);
  await postMessage(tx, author, thread, { id: painCommentId(log), body: painCommentText(report) }, now, { isLogComment: true });
}

/**
 * The trainer's saved feedback as their comment on the log, when it says something new
 * (isFeedbackNews): a change posts a new comment and the earlier one stays, since the client
 * may already have answered it.
 */
export async function postFeedbackComment(tx: Queryable, studioId: string, memberId: string, log: LogRef, feedback: { previous: string | null; saved: string }, now: Date): Promise<void> {
  if (!isFeedbackNews(feedback.previous, feedback.saved)) return;
  // What the trainer may see was checked by the review's procedure.
  const author = await trainerAuthorOf(tx, studioId, memberId);
  if (!author) return;
  const thread = await logThreadOf(tx, studioId, log);
  await postMessage(tx, author, thread, { id: randomUUID(), body: feedback.saved }, now, { isLogComment: true });
}
