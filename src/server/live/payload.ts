import type { LiveEvent } from "@/lib/live-events";

/** The one NOTIFY channel every Stride instance listens on. */
export const LIVE_CHANNEL = "stride_live";

// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a margin for the JSON around the ids.
export const MAX_PAYLOAD_BYTES = 7_900;

export type LivePayload = { userIds: string[]; event: LiveEvent };

/**
 * The NOTIFY payloads that carry one event to these people: `{userIds, event}` as JSON, the
 * people split over as many payloads as keep each under PostgreSQL's limit (an owner's studio
 * may have many trainers to tell). Each person is named once.
 */
export function livePayloads(userIds: readonly string[], event: LiveEvent): string[] {
  const people = [...new Set(userIds)];
  if (people.length === 0) return [];
  const eventBytes = Buffer.byteLength(JSON.stringify({ userIds: [], event }));
  const payloads: string[] = [];
  let chunk: string[] = [];
  let bytes = eventBytes;
  for (const id of people) {
    // The id's quotes and its comma.
    const size = Buffer.byteLength(id) + 3;
    if (chunk.length > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify({ userIds: chunk, event }));
      chunk = [];
      bytes = eventBytes;
    }
    chunk.push(id);
    bytes += size;
  }
  payloads.push(JSON.stringify({ userIds: chunk, event }));
  return payloads;
}

const EVENT_TYPES = new Set<string>(["thread.message", "thread.seen", "unread.changed"]);

/** A payload read back from the channel, or null for anything Stride did not send (it is ignored). */
export function parseLivePayload(payload: string): LivePayload | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const { userIds, event } = value as { userIds?: unknown; event?: unknown };
  if (!Array.isArray(userIds) || !userIds.every((id) => typeof id === "string")) return null;
  if (!event || typeof event !== "object" || !EVENT_TYPES.has(String((event as { type?: unknown }).type))) return null;
  return { userIds, event: event as LiveEvent };
}
