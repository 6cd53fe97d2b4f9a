import { eq, or } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients, studioMembers } from "@/server/db/schema";
import { inStudio, memberActive } from "@/server/db/tenancy";

/** A client's trainers among a studio's members: their coach and the studio's owners. */
export function coachOrOwner(coachId: string) {
  return or(eq(studioMembers.id, coachId), eq(studioMembers.role, "owner"));
}

/**
 * Who is told of a new message in a client's threads: the client (once they have a login), their
 * coach and the studio's active owners. Reading is wider when the studio lets every trainer see
 * every client (access.ts); being told is kept to the people the conversation is with.
 */
export async function threadAudience(q: Queryable, studioId: string, clientId: string): Promise<{ clientUserId: string | null; trainerUserIds: string[] }> {
  const [client] = await q.select({ userId: clients.userId, coachId: clients.coachId }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId))).limit(1);
  if (!client) return { clientUserId: null, trainerUserIds: [] };
  const members = await q
    .select({ userId: studioMembers.userId })
    .from(studioMembers)
    .where(inStudio(studioMembers, studioId, memberActive, coachOrOwner(client.coachId)));
  return { clientUserId: client.userId, trainerUserIds: [...new Set(members.map((m) => m.userId))] };
}

/** Every person told, but the one who wrote. */
export function othersIn(audience: { clientUserId: string | null; trainerUserIds: string[] }, authorUserId: string): string[] {
  return [audience.clientUserId, ...audience.trainerUserIds].filter((id): id is string => id !== null && id !== authorUserId);
}

