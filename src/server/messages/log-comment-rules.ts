import { createHash } from "node:crypto";
import { MESSAGE_MAX_CHARACTERS } from "@/lib/message-text";
import type { LogRef } from "./threads";

// Pure rules of the comments the app writes on a log for its people, tested in
// log-comment-rules.test.ts.

/** A client's pain report as the first words of the log's comments: where, and what they noted. */
export function painCommentText(report: { painWhere: string | null; note: string | null }): string {
  const where = report.painWhere?.trim() || "not said where";
  const note = report.note?.trim();
  const text = note ? `Pain: ${where} — ${note}` : `Pain: ${where}`;
  return [...text].length <= MESSAGE_MAX_CHARACTERS ? text : `${[...text].slice(0, MESSAGE_MAX_CHARACTERS - 1).join("")}…`;
}

/**
 * The pain comment's id, made from the log's: a log has one pain comment however often it is
 * sent (a retry, an offline sync, an edit that adds pain), like a device-made message id.
 */
export function painCommentId(log: LogRef): string {
  const hex = createHash("sha256").update(`pain-comment:${"sessionId" in log ? `session:${log.sessionId}` : "runId" in log ? `run:${log.runId}` : `checkin:${log.checkinResponseId}`}`).digest("hex");
  // An RFC 4122 shape (version 5 style, variant 10) so it is a valid uuid everywhere.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Saving feedback posts it as a new comment only when it says something new: empty feedback
 * marks the log reviewed without a comment, and saving the same words again (a retry, a
 * re-review after the client's edit) posts nothing.
 */
export function isFeedbackNews(previous: string | null, feedback: string): boolean {
  return feedback.trim() !== "" && feedback.trim() !== (previous ?? "").trim();
}
