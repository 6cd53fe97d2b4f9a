import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients, studioMembers, users } from "@/server/db/schema";

export type Viewer =
  | { kind: "trainer"; userId: string; name: string; email: string; timeZone: string; studioId: string; memberId: string; role: "owner" | "trainer" }
  | { kind: "client"; userId: string; name: string; email: string; timeZone: string; studioId: string; clientId: string }
  | { kind: "none"; userId: string; name: string; email: string; timeZone: string };

/** Who is asking: a studio member (trainer or owner), an active client, or neither. */
export async function loadViewer(q: Queryable, userId: string): Promise<Viewer | null> {
  const [row] = await q
    .select({ user: users, member: studioMembers, client: clients })
    .from(users)
    .leftJoin(studioMembers, eq(studioMembers.userId, users.id))
    .leftJoin(clients, eq(clients.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.user.disabledAt) return null;
  const base = { userId: row.user.id, name: row.user.name, email: row.user.email, timeZone: row.user.timeZone };
  if (row.member) return { ...base, kind: "trainer", studioId: row.member.studioId, memberId: row.member.id, role: row.member.role };
  if (row.client && row.client.status === "active") return { ...base, kind: "client", studioId: row.client.studioId, clientId: row.client.id };
  return { ...base, kind: "none" };
}
