import { asc, eq, ilike, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/server/db/client";
import { clients, studioMembers, users } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { notFound } from "@/server/errors";

const coachUser = alias(users, "coach_user");

const clientColumns = {
  id: clients.id,
  name: clients.name,
  email: clients.email,
  status: clients.status,
  coachId: clients.coachId,
  coachName: coachUser.name,
  createdAt: clients.createdAt,
};

export type ClientFilter = { search?: string; coachId?: string; status?: "invited" | "active" | "archived" };

/** The studio's clients, by name, with their coach; optional search and filters. */
export function listClients(q: Queryable, studioId: string, filter: ClientFilter = {}) {
  const search = filter.search?.trim();
  const conditions: (SQL | undefined)[] = [
    filter.coachId ? eq(clients.coachId, filter.coachId) : undefined,
    filter.status ? eq(clients.status, filter.status) : undefined,
    search ? or(ilike(clients.name, `%${escapeLike(search)}%`), ilike(clients.email, `%${escapeLike(search)}%`)) : undefined,
  ];
  return q
    .select(clientColumns)
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .innerJoin(coachUser, eq(coachUser.id, studioMembers.userId))
    .where(inStudio(clients, studioId, ...conditions))
    .orderBy(asc(clients.name));
}

/** One client of the caller's studio; another studio's client is "not found". */
export async function getClient(q: Queryable, studioId: string, clientId: string) {
  const [row] = await q
    .select(clientColumns)
    .from(clients)
    .innerJoin(studioMembers, eq(studioMembers.id, clients.coachId))
    .innerJoin(coachUser, eq(coachUser.id, studioMembers.userId))
    .where(inStudio(clients, studioId, eq(clients.id, clientId)))
    .limit(1);
  if (!row) throw notFound("client");
  return row;
}

/** The studio's trainers (owner included), for coach pickers and filters. */
export function listCoaches(q: Queryable, studioId: string) {
  return q
    .select({ id: studioMembers.id, name: users.name, role: studioMembers.role })
    .from(studioMembers)
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(inStudio(studioMembers, studioId))
    .orderBy(asc(users.name));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

