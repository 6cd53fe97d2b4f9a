import { z } from "zod";
import { isUuid } from "./uuid";

// Server-side paging of long lists (issue 21): a studio of 500 clients must not send 500 rows
// to a phone. Pages are keyset pages, not offsets: a cursor names the last (or first) row seen
// by its sort key and id, so a client added or removed meanwhile never shifts a row onto two
// pages or off both. Pure: the SQL and in-memory pagers both build on it.

export type SortDirection = "asc" | "desc";
/** A row's position in an order: its sort key (a tuple, so ties fall to a second key such as the name) and its id. */
export type KeyPart = string | number;
export type Cursor = {
  /** The order the cursor belongs to: a link kept from another order is refused, not misread. */
  sort: string;
  key: KeyPart[];
  id: string;
  /** A "Previous" cursor: the rows just before this one, not just after. */
  isBefore: boolean;
};

export const PAGE_SIZE = { min: 10, max: 100, standard: 50 } as const;

export const BAD_CURSOR_MESSAGE = "That page link is broken or out of date. Go back to the first page.";

const cursorShape = z.object({
  s: z.string().min(1).max(40),
  k: z.array(z.union([z.string().max(200), z.number().finite()])).min(1).max(4),
  i: z.uuid(),
  b: z.boolean().optional(),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The opaque text of a cursor, safe in a URL. */
export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id, ...(cursor.isBefore ? { b: true } : {}) }));
}

/** The cursor a text names, or null when it is not one of ours (edited, truncated, from elsewhere). */
export function decodeCursor(text: string): Cursor | null {
  if (text.length === 0 || text.length > 1000) return null;
  const json = fromBase64Url(text);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = cursorShape.safeParse(value);
  if (!parsed.success) return null;
  return { sort: parsed.data.s, key: parsed.data.k, id: parsed.data.i, isBefore: parsed.data.b ?? false };
}

/** A procedure's cursor input: the opaque text in, a cursor out, or one sentence the person can act on. */
export const cursorInput = z
  .string({ error: BAD_CURSOR_MESSAGE })
  .max(1000, { error: BAD_CURSOR_MESSAGE })
  .transform((text, ctx) => {
    const cursor = decodeCursor(text);
    if (!cursor) {
      ctx.addIssue({ code: "custom", message: BAD_CURSOR_MESSAGE });
      return z.NEVER;
    }
    return cursor;
  });

export const pageSizeInput = z
  .number({ error: `Pick a page size of ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` })
  .int({ error: `Pick a page size of ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` })
  .min(PAGE_SIZE.min, { error: `Pick a page size of ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` })
  .max(PAGE_SIZE.max, { error: `Pick a page size of ${PAGE_SIZE.min} to ${PAGE_SIZE.max}.` });

/** Whether a cursor fits an order: the same sort and a key of the same shape (kinds of parts). */
export function cursorFits(cursor: Cursor, sort: string, keyKinds: readonly ("string" | "number")[]): boolean {
  return cursor.sort === sort && cursor.key.length === keyKinds.length && cursor.key.every((part, i) => typeof part === keyKinds[i]);
}

/** Compares two positions (key, then id) in ascending order. */
export function comparePositions(a: { key: readonly KeyPart[]; id: string }, b: { key: readonly KeyPart[]; id: string }): number {
  for (let i = 0; i < Math.max(a.key.length, b.key.length); i++) {
    const x = a.key[i];
    const y = b.key[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === "number" && typeof y === "number") return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

/** One page of a list, what the pager shows and where its links lead. */
export type Page<Row> = {
  rows: Row[];
  /** 1-based position of the first row in the whole list (0 when the page is empty). */
  start: number;
  total: number;
  previous: Cursor | null;
  next: Cursor | null;
};

export type Positioned<Row> = { key: (row: Row) => KeyPart[]; id: (row: Row) => string };

/**
 * The page that a cursor asks for out of a whole list already in order (sort key, then id, in
 * the list's direction): the `size` rows after the cursor, or before a "Previous" cursor. A
 * "Previous" from near the top that finds fewer rows than a page shows the first page instead,
 * so the first page always starts at row 1.
 */
export function sliceByKeyset<Row>(ordered: readonly Row[], at: Positioned<Row>, sort: string, direction: SortDirection, cursor: Cursor | null, size: number): Page<Row> {
  const sign = direction === "asc" ? 1 : -1;
  const position = (row: Row) => ({ key: at.key(row), id: at.id(row) });
  // Index of the first row after the cursor in the list's order.
  const firstAfter = (c: Cursor) => {
    const index = ordered.findIndex((row) => sign * comparePositions(position(row), c) > 0);
    return index === -1 ? ordered.length : index;
  };
  let from = 0;
  if (cursor && cursor.isBefore) {
    const index = ordered.findIndex((row) => sign * comparePositions(position(row), cursor) >= 0);
    const end = index === -1 ? ordered.length : index;
    from = end - size < 0 ? 0 : end - size;
  } else if (cursor) {
    from = firstAfter(cursor);
  }
  const rows = ordered.slice(from, from + size);
  return pageOf(rows, { rowsBefore: from, total: ordered.length }, at, sort);
}

/** Builds a page from its rows, the count of rows before it and the total (the database's pager uses it too). */
export function pageOf<Row>(rows: Row[], counts: { rowsBefore: number; total: number }, at: Positioned<Row>, sort: string): Page<Row> {
  const first = rows[0];
  const last = rows.at(-1);
  const hasPrevious = counts.rowsBefore > 0 && first !== undefined;
  const hasNext = last !== undefined && counts.rowsBefore + rows.length < counts.total;
  return {
    rows,
    start: rows.length === 0 ? 0 : counts.rowsBefore + 1,
    total: counts.total,
    previous: hasPrevious ? { sort, key: at.key(first), id: at.id(first), isBefore: true } : null,
    next: hasNext ? { sort, key: at.key(last), id: at.id(last), isBefore: false } : null,
  };
}

/** "Showing 51–100 of 500 clients": where the page sits in the whole list, in words. */
export function showingText(page: { start: number; count: number; total: number }, noun: { one: string; many: string }): string {
  const nounOf = (n: number) => (n === 1 ? noun.one : noun.many);
  if (page.total === 0 || page.count === 0) return `No ${noun.many} to show.`;
  const end = page.start + page.count - 1;
  if (page.count === page.total) return `Showing all ${page.total} ${nounOf(page.total)}.`;
  const range = page.count === 1 ? `${page.start}` : `${page.start}–${end}`;
  return `Showing ${range} of ${page.total} ${nounOf(page.total)}.`;
}

/** What a list's URL holds: its order, search, filters and page, all in the query string so a link keeps them. */
export type ListParams<Sort extends string, Filter extends string> = {
  sort: Sort;
  direction: SortDirection;
  q: string;
  cursor: Cursor | null;
  /** A cursor the URL carried that is not one of ours: the list starts over and says so. */
  hasBadCursor: boolean;
  size: number;
  filters: Partial<Record<Filter, string>>;
};

type RawParams = Record<string, string | string[] | undefined>;

export type ListParamsSpec<Sort extends string, Filter extends string> = {
  sorts: readonly Sort[];
  defaultSort: Sort;
  /** Filter params (coach, status…) with the check each value must pass, or it is dropped. */
  filters: Record<Filter, (value: string) => boolean>;
  maxQueryLength: number;
  /** Rows a page shows unless the URL says otherwise (PAGE_SIZE.standard when unsaid). */
  defaultSize?: number;
};

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * A list's URL parameters, read and written the same way: `parse` forgives what a person may
 * have edited (an unknown sort, a size out of range fall back to the defaults) and `href`
 * writes only what differs from them, so links stay short.
 */
export function listParams<Sort extends string, Filter extends string>(spec: ListParamsSpec<Sort, Filter>) {
  const defaultSize = spec.defaultSize ?? PAGE_SIZE.standard;
  function parse(raw: RawParams): ListParams<Sort, Filter> {
    const sortText = single(raw.sort);
    const sort = spec.sorts.includes(sortText as Sort) ? (sortText as Sort) : spec.defaultSort;
    const direction: SortDirection = single(raw.dir) === "desc" ? "desc" : "asc";
    const q = (single(raw.q) ?? "").trim().slice(0, spec.maxQueryLength);
    const cursorText = single(raw.cursor);
    const decoded = cursorText ? decodeCursor(cursorText) : null;
    const cursor = decoded && decoded.sort === sort ? decoded : null;
    const sizeText = single(raw.size);
    const sizeNumber = sizeText && /^\d{1,3}$/.test(sizeText) ? Number(sizeText) : NaN;
    const size = sizeNumber >= PAGE_SIZE.min && sizeNumber <= PAGE_SIZE.max ? sizeNumber : defaultSize;
    const filters: Partial<Record<Filter, string>> = {};
    for (const name of Object.keys(spec.filters) as Filter[]) {
      const value = single(raw[name]);
      if (value && spec.filters[name](value)) filters[name] = value;
    }
    return { sort, direction, q, cursor, hasBadCursor: Boolean(cursorText) && cursor === null, size, filters };
  }

  /**
   * The query string of the list with some changes. A change of order, search, filter or size
   * starts at the first page again: a cursor belongs to one order and one set of rows.
   */
  function query(current: ListParams<Sort, Filter>, change: Partial<Omit<ListParams<Sort, Filter>, "hasBadCursor" | "filters">> & { filters?: Partial<Record<Filter, string | null>> } = {}): string {
    const isNewList = change.sort !== undefined || change.direction !== undefined || change.q !== undefined || change.size !== undefined || change.filters !== undefined;
    const next = { ...current, ...change, filters: { ...current.filters, ...change.filters } };
    const cursor = "cursor" in change ? change.cursor : isNewList ? null : current.cursor;
    const out = new URLSearchParams();
    if (next.sort !== spec.defaultSort) out.set("sort", next.sort);
    if (next.direction !== "asc") out.set("dir", next.direction);
    if (next.q) out.set("q", next.q);
    for (const name of Object.keys(spec.filters) as Filter[]) {
      const value = next.filters[name];
      if (value) out.set(name, value);
    }
    if (next.size !== defaultSize) out.set("size", String(next.size));
    if (cursor) out.set("cursor", encodeCursor(cursor));
    const text = out.toString();
    return text ? `?${text}` : "";
  }

  return { parse, query, spec, defaultSize };
}

export const CLIENT_SORTS = ["name", "email", "coach", "status"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export const CLIENT_STATUSES = ["active", "invited", "archived"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** The client list's URL: /dashboard/clients?sort=coach&dir=desc&q=ada&coach=…&status=active&cursor=… */
export const clientListParams = listParams({
  sorts: CLIENT_SORTS,
  defaultSort: "name",
  filters: { coach: isUuid, status: (v: string) => (CLIENT_STATUSES as readonly string[]).includes(v) },
  maxQueryLength: 100,
});

export const OVERVIEW_SORTS = ["name", "coach", "week", "streak", "asymmetry", "last"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/**
 * An overview row carries a week of figures (drawn as a phone card and a desktop row), so a
 * page holds fewer of them than the client list: 25 keep the page's HTML within its 150 KB.
 */
export const OVERVIEW_PAGE_SIZE = 25;

/** The overview's URL: /dashboard/overview?sort=week&dir=desc&q=ada&coach=…&cursor=… */
export const overviewParams = listParams({
  sorts: OVERVIEW_SORTS,
  defaultSort: "name",
  filters: { coach: isUuid },
  maxQueryLength: 100,
  defaultSize: OVERVIEW_PAGE_SIZE,
});
