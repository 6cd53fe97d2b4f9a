import type { Queryable } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { BAD_CURSOR_MESSAGE, comparePositions, cursorFits, sliceByKeyset, type Cursor, type KeyPart, type OverviewSort, type Page, type SortDirection } from "@/lib/paging";
import { sameSideFor } from "./dynamics-service";
import { overviewPeople, rowWithoutFigures, studioOverview, withFigures, type OverviewRow } from "./overview";
import { studioReads } from "./studio-reads";

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
// `needsFigures`: the key is a figure, so every row's figures are read before the sort; otherwise
// only the page's rows are (a 500-client studio's default page reads 25 clients' weeks, not 500).
const sortKeys: Record<OverviewSort, { key: (r: OverviewRow) => KeyPart[]; kinds: ("string" | "number")[]; needsFigures: boolean }> = {
  name: { key: (r) => [nameKey(r)], kinds: ["string"], needsFigures: false },
  coach: { key: (r) => [r.coachName.toLowerCase(), nameKey(r)], kinds: ["string", "string"], needsFigures: false },
  week: { key: (r) => [r.weekRate ?? -1, nameKey(r)], kinds: ["number", "string"], needsFigures: true },
  streak: { key: (r) => [r.currentStreak, nameKey(r)], kinds: ["number", "string"], needsFigures: true },
  asymmetry: { key: (r) => [r.asymmetry?.percent ?? -1, nameKey(r)], kinds: ["number", "string"], needsFigures: true },
  last: { key: (r) => [r.lastActivityAt?.getTime() ?? 0, nameKey(r)], kinds: ["number", "string"], needsFigures: false },
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
  const { rows: all, asymmetryThresholdPercent, sides } = order.needsFigures ? await everyRow(q, studioId, now, query.coachId) : await rowsToFill(q, studioId, now, query.coachId);
  const search = query.search?.trim().toLowerCase();
  const matching = search ? all.filter((r) => r.name.toLowerCase().includes(search)) : all;
  const sign = query.direction === "asc" ? 1 : -1;
  const ordered = [...matching].sort((a, b) => sign * comparePositions({ key: order.key(a), id: a.clientId }, { key: order.key(b), id: b.clientId }));
  const sliced = sliceByKeyset(ordered, { key: order.key, id: (r) => r.clientId }, query.sort, query.direction, query.cursor, query.size);
  const page = order.needsFigures ? sliced : { ...sliced, rows: await sides.fill(sliced.rows) };
  // The attention list beside the table is the studio's (or the coach's), not the search's.
  const sideOf = new Map((await sides.all).map((s) => [s.clientId, s.signal]));
  const sameSides = all.flatMap((r) => {
    const signal = sideOf.get(r.clientId);
    return signal ? [{ clientId: r.clientId, name: r.name, message: signal.message }] : [];
  });
  return { asymmetryThresholdPercent, page, sameSides };
}

type Rows = {
  rows: OverviewRow[];
  asymmetryThresholdPercent: number;
  sides: { all: Promise<{ clientId: string; signal: { message: string } | null }[]>; fill: (rows: OverviewRow[]) => Promise<OverviewRow[]> };
};

/** Every row with its figures (a sort by a figure). */
async function everyRow(q: Queryable, studioId: string, now: Date, coachId: string | null): Promise<Rows> {
  const overview = await studioOverview(q, studioId, now, { coachId });
  const all = overview.rows.flatMap((r) => (r.sameSide ? [{ clientId: r.clientId, signal: r.sameSide }] : []));
  return { rows: overview.rows, asymmetryThresholdPercent: overview.asymmetryThresholdPercent, sides: { all: Promise.resolve(all), fill: async (rows) => rows } };
}

/** Every row without its figures, and how to fill a page of them (a sort by name, coach or last activity). */
async function rowsToFill(q: Queryable, studioId: string, now: Date, coachId: string | null): Promise<Rows> {
  const reads = studioReads(q, studioId);
  const [people, { asymmetryThresholdPercent: threshold }] = await Promise.all([overviewPeople(q, studioId, { coachId }), reads.settings(), reads.unusableZones()]);
  // The same-side list names the whole studio's (or coach's) clients: one statement for all of them, its rows reused for the page.
  const all = sameSideFor(q, studioId, now, threshold, people.map((p) => p.id), reads);
  const fill = (rows: OverviewRow[]) => withFigures(q, studioId, now, rows, { isPage: true, sides: all }, reads, threshold);
  return { rows: people.map(rowWithoutFigures), asymmetryThresholdPercent: threshold, sides: { all, fill } };
}
