import { sql } from "drizzle-orm";
import type { LiveEvent } from "@/lib/live-events";
import type { Queryable } from "@/server/db/client";
import { livePayloads, LIVE_CHANNEL } from "./payload";

/**
 * Tells each person's open pages that something changed. Call it inside the transaction that
 * makes the change: the event is delivered when (and only if) it commits.
 *
 * Both databases carry it the same way, as `NOTIFY stride_live` (PostgreSQL holds a
 * transaction's notifications until it commits and drops them on rollback): on PostgreSQL every
 * app instance LISTENs, so a message sent through one reaches pages open on another; PGlite is
 * one process that listens to itself. The hub (hub.ts) hands each event to the named people's
 * subscriptions only.
 */
export async function publishToUsers(q: Queryable, userIds: readonly string[], event: LiveEvent): Promise<void> {
  for (const payload of livePayloads(userIds, event)) await q.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
}
