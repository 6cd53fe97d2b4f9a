import { lockStatesFor } from "@/server/drills/locks";
import { getClient } from "@/server/clients/service";
import type { Queryable } from "@/server/db/client";
import { listClientAssignments, listOverrides } from "./assignment-service";
import { localDateIn } from "@/lib/local-date";

/**
 * A client's page of assignments, for their trainer: each assignment with its history and the
 * lock state of its drill on the client's own today, and the early unlocks given so far.
 */
export async function assignmentsForClient(q: Queryable, studioId: string, clientId: string, now: Date) {
  const client = await getClient(q, studioId, clientId);
  const assignments = await listClientAssignments(q, studioId, clientId);
  const today = localDateIn(now, client.timeZone);
  const locks = await lockStatesFor(q, studioId, clientId, [...new Set(assignments.map((a) => a.drill.id))], today);
  return {
    today,
    timeZone: client.timeZone,
    assignments: assignments.map((a) => ({ ...a, lock: locks.get(a.drill.id)! })),
    overrides: await listOverrides(q, studioId, clientId),
  };
}
