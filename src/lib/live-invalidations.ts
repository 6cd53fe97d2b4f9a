import type { LiveEvent, LiveEventType } from "./live-events";

/** A tRPC path prefix: ["message"] is every message.* query, ["inbox", "list"] that one. */
export type QueryPathPrefix = readonly string[];

// What an open page refetches when the server says something changed, one row per kind of
// event. By path prefix, so a query that does not exist (yet) on a page costs nothing.
export const LIVE_INVALIDATIONS: Record<LiveEventType, readonly QueryPathPrefix[]> = {
  "thread.message": [["message"], ["inbox", "list"], ["review", "attention"]],
  "thread.seen": [["message", "conversation"], ["message", "forLog"]],
  "unread.changed": [["message", "unreadCount"], ["inbox", "list"]],
};

/** Whether an event changes what the server draws (the nav's unread badges, the inbox list), so the page's server frame is redrawn too. */
export function redrawsServerFrame(event: Pick<LiveEvent, "type">): boolean {
  return event.type === "thread.message" || event.type === "unread.changed";
}

/** The query paths to refetch for an event. */
export function invalidationsFor(event: Pick<LiveEvent, "type">): readonly QueryPathPrefix[] {
  return LIVE_INVALIDATIONS[event.type] ?? [];
}

/** After a reconnect events may have been missed while offline: every path any event refetches, once each. */
export function invalidationsAfterReconnect(): QueryPathPrefix[] {
  const seen = new Map<string, QueryPathPrefix>();
  for (const paths of Object.values(LIVE_INVALIDATIONS)) for (const path of paths) seen.set(path.join("."), path);
  // A prefix covers the longer paths under it.
  const all = [...seen.values()];
  return all.filter((path) => !all.some((other) => other !== path && other.length < path.length && other.every((part, i) => path[i] === part)));
}
