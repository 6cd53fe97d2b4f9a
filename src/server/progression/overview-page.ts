import type { Queryable } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { BAD_CURSOR_MESSAGE, comparePositions, cursorFits, sliceByKeyset, type Cursor, type KeyPart, type OverviewSort, type Page, type SortDirection } from "@/lib/paging";
import { studioOverview, type OverviewRow } from "./overview";

export type OverviewPageQuery = {
  sort: OverviewSort;
  direction: SortDirection;
  search?: string;
  coachId: string | null;
  cursor: Cursor | null;
  size: number;
};

const nameKey = (r: OverviewRow) => r.name.toLowerCase();

// Each column's key; ties fall to the client's name (then the id), as a trainer reading the table expects.
// A client with no figure yet sorts below every figure (−1, or 0 for never active).
const sortKeys: Record<OverviewSort, { key: (r: OverviewRow) => KeyPart[]; kinds: ("string" | "number")[] }> = {
  name: { key: (r) => [nameKey(r)], kinds: ["string"] },
  coach: { key: (r) => [r.coachName.toLowerCase(), nameKey(r)], kinds: ["string", "string"] },
  week: { key: (r) => [r.weekRate ?? -1, nameKey(r)], kinds: ["number", "string"] },
  streak: { key: (r) => [r.currentStreak, nameKey(r)], kinds: ["number", "string"] },
  asymmetry: { key: (r) => [r.asymmetry?.percent ?? -1, nameKey(r)], kinds: ["number", "string"] },
  last: { key: (r) => [r.lastActivityAt?.getTime() ?? 0, nameKey(r)], kinds: ["number", "string"] },
};

export type OverviewPage = {
  asymmetryThresholdPercent: number;
  page: Page<OverviewRow>;
  /** Every client (of the filter, not only this page) whose run balance and drill asymmetry point to one side: the attention section lists them all. */
  sameSides: { clientId: string; name: string; message: string }[];
};

/**
 * One page of the studio overview. The overview's figures are computed for the whole studio in
 * a few set-based queries (overview.ts); sorting and slicing its rows here keeps the page's HTML
 * to one page of rows while those queries stay one round trip each.
 */
export async function overviewPage(q: Queryable, studioId: string, now: Date, query: OverviewPageQuery): Promise<OverviewPage> {
  const order = sortKeys[query.sort];
  if (query.cursor && !cursorFits(query.cursor, query.sort, order.kinds)) throw new DomainError("BAD_REQUEST", BAD_CURSOR_MESSAGE, "cursor");
  const overview = await studioOverview(q, studioId, now, { coachId: query.coachId });
  const search = query.search?.trim().toLowerCase();
  const matching = search ? overview.rows.filter((r) => r.name.toLowerCase().includes(search)) : overview.rows;
  const sign = query.direction === "asc" ? 1 : -1;
  const ordered = [...matching].sort((a, b) => sign * comparePositions({ key: order.key(a), id: a.clientId }, { key: order.key(b), id: b.clientId }));
  const page = sliceByKeyset(ordered, { key: order.key, id: (r) => r.clientId }, query.sort, query.direction, query.cursor, query.size);
  // The attention list beside the table is the studio's (or the coach's), not the search's.
  const sameSides = overview.rows.flatMap((r) => (r.sameSide ? [{ clientId: r.clientId, name: r.name, message: r.sameSide.message }] : []));
  return { asymmetryThresholdPercent: overview.asymmetryThresholdPercent, page, sameSides };
}
