import { and, eq, sql } from "drizzle-orm";
import { clientScopeOf, type ClientScope } from "@/lib/client-visibility";
import { usableZone } from "@/lib/time-zones";
import type { Queryable } from "@/server/db/client";
import { authSessions, clients, studioMembers, studios, users } from "@/server/db/schema";
import { holdsSession } from "@/server/security/session-policy";

/** Who is signed in; `timeZone` is always one to read their days in (lib/time-zones.ts usableZone). */
export type Viewer =
  | {
      kind: "trainer";
      userId: string;
      name: string;
      email: string;
      timeZone: string;
      studioId: string;
      memberId: string;
      role: "owner" | "trainer";
      /** Whose clients they may see: the studio's setting, read with the viewer on every request (lib/client-visibility.ts). */
      clientScope: ClientScope;
    }
  | { kind: "client"; userId: string; name: string; email: string; timeZone: string; studioId: string; clientId: string }
  | { kind: "none"; userId: string; name: string; email: string; timeZone: string };

/**
 * Who is asking: a studio member (trainer or owner), an active client, or neither. null for a
 * disabled account, and, given the session's claims, for a session that was signed out (on
 * this device, or everywhere). The device's row comes in the same query: no extra round trip.
 */
export async function loadViewer(q: Queryable, userId: string, session?: { sv: number; sid: string }): Promise<Viewer | null> {
  return (await loadSessionViewer(q, userId, session))?.viewer ?? null;
}

/** The viewer and, for a presented session, when its device was last seen. */
export async function loadSessionViewer(
  q: Queryable,
  userId: string,
  session?: { sv: number; sid: string },
): Promise<{ viewer: Viewer; deviceLastSeenAt: Date | null } | null> {
  const [row] = await q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      deviceSessionId: authSessions.id,
      deviceLastSeenAt: authSessions.lastSeenAt,
      memberId: studioMembers.id,
      memberStudioId: studioMembers.studioId,
      role: studioMembers.role,
      clientVisibility: studios.clientVisibility,
      clientId: clients.id,
      clientStudioId: clients.studioId,
      clientStatus: clients.status,
    })
    .from(users)
    .leftJoin(authSessions, session ? and(eq(authSessions.id, session.sid), eq(authSessions.userId, users.id)) : sql`false`)
    .leftJoin(studioMembers, eq(studioMembers.userId, users.id))
    .leftJoin(studios, eq(studios.id, studioMembers.studioId))
    .leftJoin(clients, eq(clients.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabledAt) return null;
  if (session && !holdsSession(row, session)) return null;
  const base = { userId: row.userId, name: row.name, email: row.email, timeZone: usableZone(row.timeZone) };
  const deviceLastSeenAt = row.deviceLastSeenAt;
  if (row.memberId && row.memberStudioId && row.role) {
    const member = { memberId: row.memberId, role: row.role };
    const clientScope = clientScopeOf(member, row.clientVisibility ?? "all");
    return { deviceLastSeenAt, viewer: { ...base, kind: "trainer", studioId: row.memberStudioId, ...member, clientScope } };
  }
  if (row.clientId && row.clientStudioId && row.clientStatus === "active") return { deviceLastSeenAt, viewer: { ...base, kind: "client", studioId: row.clientStudioId, clientId: row.clientId } };
  return { deviceLastSeenAt, viewer: { ...base, kind: "none" } };
}
