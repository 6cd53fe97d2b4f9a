import type { LiveEvent } from "@/lib/live-events";
import type { Queryable } from "@/server/db/client";

/**
 * Tells each person's open pages that something changed. Call it inside the transaction that
 * makes the change: the event is delivered when (and only if) it commits.
 *
 * PLACEHOLDER until the live-delivery branch lands: it delivers nothing yet.
 */
export async function publishToUsers(_q: Queryable, _userIds: readonly string[], _event: LiveEvent): Promise<void> {}
