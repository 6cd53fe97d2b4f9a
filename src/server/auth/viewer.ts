import { and, eq, sql, type Placeholder, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { resolveDistanceUnit, type DistanceUnit } from "@/lib/distance-units";
import { clientScopeOf, type ClientScope } from "@/lib/client-visibility";
import { usableZone } from "@/lib/time-zones";
import type { Queryable } from "@/server/db/client";
import { preparedQuery, value } from "@/server/db/prepared";
import { authSessions, clients, studioMembers, studios, users } from "@/server/db/schema";
import { holdsSession } from "@/server/security/session-policy";

/**
 * Who is signed in; `timeZone` is always one to read their days in (lib/time-zones.ts
 * usableZone), `distanceUnit` the one they read and type distances in: their own choice, else
 * their studio's (lib/distance-units.ts resolveDistanceUnit). This is the one place it is decided.
 */
type Person = { userId: string; name: string; email: string; timeZone: string; distanceUnit: DistanceUnit };
export type Viewer =
  | (Person & {
      kind: "trainer";
      studioId: string;
      memberId: string;
      role: "owner" | "trainer";
      /** Whose clients they may see: the studio's setting, read with the viewer on every request (lib/client-visibility.ts). */
      clientScope: ClientScope;
    })
  | (Person & { kind: "client"; studioId: string; clientId: string })
  | (Person & { kind: "none" });

const memberStudio = alias(studios, "member_studio");
const clientStudio = alias(studios, "client_studio");

function viewerRow(q: Queryable, userId: string | Placeholder, device: SQL) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      timeZone: users.timeZone,
      distanceUnit: users.distanceUnit,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      deviceSessionId: authSessions.id,
      deviceLastSeenAt: authSessions.lastSeenAt,
      memberId: studioMembers.id,
      memberStudioId: studioMembers.studioId,
      role: studioMembers.role,
      memberDeactivatedAt: studioMembers.deactivatedAt,
      clientVisibility: memberStudio.clientVisibility,
      clientId: clients.id,
      clientStudioId: clients.studioId,
      clientStatus: clients.status,
      memberStudioUnit: memberStudio.distanceUnit,
      clientStudioUnit: clientStudio.distanceUnit,
    })
    .from(users)
    .leftJoin(authSessions, device)
    .leftJoin(studioMembers, eq(studioMembers.userId, users.id))
    .leftJoin(clients, eq(clients.userId, users.id))
    .leftJoin(memberStudio, eq(memberStudio.id, studioMembers.studioId))
    .leftJoin(clientStudio, eq(clientStudio.id, clients.studioId))
    .where(eq(users.id, userId))
    .limit(1);
}

// Every request asks it: prepared once (db/prepared.ts), the user and their device given when it runs.
const sessionViewerRow = preparedQuery("session_viewer", (q, name) =>
  viewerRow(q, value("userId"), and(eq(authSessions.id, value("sid")), eq(authSessions.userId, users.id))!).prepare(name),
);

/**
 * Who is asking: a studio member (trainer or owner), an active client, or neither. null for a
 * disabled account or a deactivated trainer, and, given the session's claims, for a session that was signed out (on
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
  const [row] = session ? await sessionViewerRow(q).execute({ userId, sid: session.sid }) : await viewerRow(q, userId, sql`false`);
  // A trainer the owner deactivated has no way in: not as a trainer, not as anyone else
  // (studio_members_user_unique keeps them from holding another role meanwhile).
  if (!row || row.disabledAt || row.memberDeactivatedAt) return null;
  if (session && !holdsSession(row, session)) return null;
  const base = { userId: row.userId, name: row.name, email: row.email, timeZone: usableZone(row.timeZone) };
  const unitWith = (studioUnit: DistanceUnit | null) => resolveDistanceUnit(row.distanceUnit, studioUnit);
  const deviceLastSeenAt = row.deviceLastSeenAt;
  if (row.memberId && row.memberStudioId && row.role) {
    const member = { memberId: row.memberId, role: row.role };
    const clientScope = clientScopeOf(member, row.clientVisibility ?? "all");
    return { deviceLastSeenAt, viewer: { ...base, distanceUnit: unitWith(row.memberStudioUnit), kind: "trainer", studioId: row.memberStudioId, ...member, clientScope } };
  }
  if (row.clientId && row.clientStudioId && row.clientStatus === "active") {
    return { deviceLastSeenAt, viewer: { ...base, distanceUnit: unitWith(row.clientStudioUnit), kind: "client", studioId: row.clientStudioId, clientId: row.clientId } };
  }
  return { deviceLastSeenAt, viewer: { ...base, distanceUnit: unitWith(null), kind: "none" } };
}
