import { and, eq, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { ClientScope } from "@/lib/client-visibility";
import { clients, studioMembers } from "./schema";

type TenantTable = { studioId: PgColumn };

/**
 * The tenancy scope every tenant query goes through: rows of the caller's studio only,
 * plus the caller's own conditions. `studioId` always comes from the session's context
 * (a prepared query's placeholder is given it when the query runs: db/prepared.ts).
 */
export function inStudio(table: TenantTable, studioId: string | Placeholder, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.studioId, studioId), ...conditions)!;
}

/**
 * The same scope for raw SQL: `<alias>.studio_id = $1`, where `alias` names the table (or
 * its alias) in the query's `from`. A join between two tenant tables keeps its own
 * `a.studio_id = b.studio_id`; this is for the condition that ties a query to the caller.
 */
export function inStudioSql(alias: string, studioId: string | Placeholder): SQL {
  return sql`${sql.identifier(alias)}.studio_id = ${studioId}`;
}

/**
 * A deleted client's row stays (anonymised) for the studio's books, but is nobody's to look
 * up any more: every lookup of a client by id adds this, and answers NOT_FOUND without it.
 */
export const clientNotDeleted: SQL = isNull(clients.deletedAt);

/**
 * A deactivated trainer's row stays as the author of what they wrote, but they coach no one
 * any more: every pick of a coach (a client's, the default coach, the owner) adds this.
 */
export const memberActive: SQL = isNull(studioMembers.deactivatedAt);

/**
 * The second half of a trainer's scope (lib/client-visibility.ts): rows of the clients the
 * member may see. Nothing to add for the whole studio (null); otherwise the client's coach must
 * be the member. `clientId` is the column naming the row's client (the client's own id on
 * `clients`); use it beside `inStudio`, never instead of it.
 */
export function clientVisibleTo(scope: ClientScope, clientId: PgColumn = clients.id): SQL | undefined {
  if (!scope) return undefined;
  if (clientId === clients.id) return eq(clients.coachId, scope);
  return sql`${clientId} in (select c.id from clients c where c.coach_id = ${scope}::uuid)`;
}

/** Someone reading a client's own data: the client, or a trainer with their scope. */
export type ClientDataReader = { kind: "client"; clientId: string } | { kind: "trainer"; clientScope: ClientScope };

/**
 * Who may read what a client logged, wrote or filmed, over a query joined to that client's
 * `clients` row: the client themselves, or a trainer who may see the client; never a deleted
 * client. Threads, check-in responses and videos all answer with this one rule.
 */
export function clientDataReadableBy(reader: ClientDataReader): SQL {
  return and(clientNotDeleted, reader.kind === "client" ? eq(clients.id, reader.clientId) : clientVisibleTo(reader.clientScope))!;
}
