import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/server/db/client";
import { clients, studioMembers, studios, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { usableZone } from "@/lib/time-zones";
import { notFound } from "@/lib/errors";

/**
 * Whose rows an export holds. The owner exports the whole studio; a trainer who is not the
 * owner exports the clients they coach (what they see day to day, not their colleagues'
 * clients); a client exports their own rows. Every id comes from the session, never input.
 */
export type ExportScope =
  | { audience: "studio"; studioId: string; coachMemberId: string | null }
  | { audience: "client"; studioId: string; clientId: string };

/** A trainer's export: the whole studio for its owner, the clients they coach for anyone else. */
export function trainerExportScope(trainer: { studioId: string; memberId: string; role: "owner" | "trainer" }): ExportScope {
  return { audience: "studio", studioId: trainer.studioId, coachMemberId: trainer.role === "owner" ? null : trainer.memberId };
}

export type ExportClient = {
  id: string;
  name: string;
  email: string;
  status: "invited" | "active" | "archived" | "deleted";
  coachName: string;
  /** The client's own zone (UTC until they accept their invite): local times in the export use it. */
  timeZone: string;
  joinedAt: Date;
  accountCreatedAt: Date | null;
  deletedAt: Date | null;
};

const coachUser = alias(users, "coach_user");
const clientUser = alias(users, "client_user");

/** The clients an export covers, by name; deleted ones stay (anonymised) so their payments keep a client. */
export async function exportClients(q: Queryable, scope: ExportScope): Promise<ExportClient[]> {
  const rows = await q
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      status: clients.status,
      coachName: coachUser.name,
      timeZone: clientUser.timeZone,
      joinedAt: clients.createdAt,
      accountCreatedAt: clientUser.createdAt,
      deletedAt: clients.deletedAt,
    })
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .innerJoin(coachUser, eq(coachUser.id, studioMembers.userId))
    .leftJoin(clientUser, eq(clientUser.id, clients.userId))
    .where(
      inStudio(
        clients,
        scope.studioId,
        scope.audience === "client" ? eq(clients.id, scope.clientId) : scope.coachMemberId ? eq(clients.coachId, scope.coachMemberId) : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id));
  return rows.map((r) => ({ ...r, status: r.deletedAt ? "deleted" : r.status, timeZone: usableZone(r.timeZone) }));
}

/** The studio's slug and name, for the file name and the read-me. */
export async function exportStudio(q: Queryable, studioId: string) {
  const [studio] = await q.select({ slug: studios.slug, name: studios.name }).from(studios).where(eq(studios.id, studioId)).limit(1);
  if (!studio) throw notFound("studio");
  return studio;
}
