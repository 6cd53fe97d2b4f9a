import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { inStudioSql } from "@/server/db/tenancy";
import { escapeLike } from "./service";
import { DomainError } from "@/lib/errors";
import { BAD_CURSOR_MESSAGE, cursorFits, pageOf, type ClientSort, type ClientStatus, type Cursor, type KeyPart, type Page, type SortDirection } from "@/lib/paging";

export type ClientListRow = {
  id: string;
  name: string;
  email: string;
  status: ClientStatus;
  coachId: string;
  coachName: string;
};

export type ClientPageQuery = {
  sort: ClientSort;
  direction: SortDirection;
  search?: string;
  coachId?: string | null;
  status?: ClientStatus;
  cursor: Cursor | null;
  size: number;
};

// Each order's key, as SQL: lower-cased so "ada" and "Ada" sit together; ties fall to the
// client's name, then the id, so every row has one place and a cursor one meaning.
const sortKeys: Record<ClientSort, SQL[]> = {
  name: [sql`lower(c.name)`],
  email: [sql`c.email`],
  coach: [sql`lower(cu.name)`, sql`lower(c.name)`],
  status: [sql`c.status::text`, sql`lower(c.name)`],
};

/** How many text parts each order's key has: a cursor of another shape is refused. */
export const clientSortKeyKinds: Record<ClientSort, ("string" | "number")[]> = {
  name: ["string"],
  email: ["string"],
  coach: ["string", "string"],
  status: ["string", "string"],
};

/**
 * One page of the studio's clients (not deleted), in the asked order, with the total and the
 * page's place in it. Keyset paging in SQL: `(key, id) > (cursor's key, cursor's id)` reads
 * the next rows from the order's position, never skipping over an offset.
 */
export async function pageClients(q: Queryable, studioId: string, query: ClientPageQuery): Promise<Page<ClientListRow>> {
  if (query.cursor && !cursorFits(query.cursor, query.sort, clientSortKeyKinds[query.sort])) throw new DomainError("BAD_REQUEST", BAD_CURSOR_MESSAGE, "cursor");
  const keys = sortKeys[query.sort];
  const search = query.search?.trim();
  const filters = sql.join(
    [
      sql`${inStudioSql("c", studioId)} and c.deleted_at is null`,
      query.coachId ? sql`c.coach_id = ${query.coachId}::uuid` : undefined,
      query.status ? sql`c.status = ${query.status}` : undefined,
      search ? sql`(c.name ilike ${`%${escapeLike(search)}%`} or c.email ilike ${`%${escapeLike(search)}%`})` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
  const position = sql`(${sql.join([...keys, sql`c.id`], sql`, `)})`;
  const at = (cursor: Cursor) => sql`(${sql.join([...cursor.key.map((part) => sql`${part}`), sql`${cursor.id}::uuid`], sql`, `)})`;
  const from = sql`from clients c join studio_members m on m.id = c.coach_id join users cu on cu.id = m.user_id where ${filters}`;
  // Reading backwards (a "Previous" link) walks the order in reverse, then turns the rows round.
  const isAscending = query.direction === "asc";
  const walksUp = query.cursor?.isBefore ? !isAscending : isAscending;
  const order = sql.join([...keys, sql`c.id`].map((k) => (walksUp ? sql`${k} asc` : sql`${k} desc`)), sql`, `);
  const beyond = query.cursor ? sql`and ${position} ${walksUp ? sql`>` : sql`<`} ${at(query.cursor)}` : sql``;
  // Rows that come before the page in the list's order (the cursor's own row too, after a "Next"): the page's place ("51–100").
  const upTo = query.cursor?.isBefore ? (isAscending ? sql`<` : sql`>`) : isAscending ? sql`<=` : sql`>=`;
  const ahead = query.cursor ? sql`count(*) filter (where ${position} ${upTo} ${at(query.cursor)})` : sql`0`;
  const keyColumns = sql.join(keys.map((k, i) => sql`${k} as ${sql.identifier(`k${i}`)}`), sql`, `);

  type Raw = { id: string; name: string; email: string; status: ClientStatus; coach_id: string; coach_name: string } & Record<`k${number}`, KeyPart>;
  const [rows, [counts]] = await Promise.all([
    rowsOf<Raw>(
      q,
      sql`select c.id::text as id, c.name, c.email, c.status::text as status, c.coach_id::text as coach_id, cu.name as coach_name, ${keyColumns}
        ${from} ${beyond} order by ${order} limit ${query.size}`,
    ),
    rowsOf<{ total: number; ahead: number }>(q, sql`select count(*)::int as total, (${ahead})::int as ahead ${from}`),
  ]);
  const total = counts?.total ?? 0;
  if (query.cursor?.isBefore) {
    // Fewer rows before the cursor than a page: that is the top of the list, so show the first page whole.
    if (rows.length < query.size) return pageClients(q, studioId, { ...query, cursor: null });
    rows.reverse();
  }
  const rowsBefore = (counts?.ahead ?? 0) - (query.cursor?.isBefore ? rows.length : 0);
  const list: ClientListRow[] = rows.map((r) => ({ id: r.id, name: r.name, email: r.email, status: r.status, coachId: r.coach_id, coachName: r.coach_name }));
  const keyOf = new Map(rows.map((r) => [r.id, keys.map((_, i) => r[`k${i}`]!)]));
  return pageOf(list, { rowsBefore, total }, { key: (row) => keyOf.get(row.id)!, id: (row) => row.id }, query.sort);
}
