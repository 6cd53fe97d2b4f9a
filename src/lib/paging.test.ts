import { describe, expect, it } from "vitest";
import {
  BAD_CURSOR_MESSAGE,
  clientListParams,
  comparePositions,
  cursorFits,
  cursorInput,
  decodeCursor,
  encodeCursor,
  OVERVIEW_PAGE_SIZE,
  overviewParams,
  pageOf,
  pageSizeInput,
  PAGE_SIZE,
  showingText,
  sliceByKeyset,
  type Cursor,
  type Page,
  type Positioned,
} from "./paging";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const people = Array.from({ length: 120 }, (_, i) => ({ id: id(i + 1), name: `Runner ${String(i + 1).padStart(3, "0")}`, streak: i % 7 }));
type Person = (typeof people)[number];
const byName: Positioned<Person> = { key: (r) => [r.name.toLowerCase()], id: (r) => r.id };
const byStreak: Positioned<Person> = { key: (r) => [r.streak, r.name.toLowerCase()], id: (r) => r.id };
const ordered = (dir: "asc" | "desc", at = byName) =>
  [...people].sort((a, b) => (dir === "asc" ? 1 : -1) * comparePositions({ key: at.key(a), id: a.id }, { key: at.key(b), id: b.id }));

describe("cursor text", () => {
  const cursor: Cursor = { sort: "name", key: ["zoë o'neil", 3], id: id(7), isBefore: false };

  it("comes back as the same cursor", () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, isBefore: true }))).toEqual({ ...cursor, isBefore: true });
  });

  it("is safe in a URL without escaping", () => {
    const text = encodeCursor({ ...cursor, key: ["?&=/+ ü 東京"] });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(text)).toBe(text);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc$%^"],
    ["base64 of plain text", btoa("hello")],
    ["JSON of the wrong shape", btoa(JSON.stringify({ s: "name", k: [], i: id(1) }))],
    ["an id that is not a uuid", btoa(JSON.stringify({ s: "name", k: ["a"], i: "1; drop table clients" }))],
    ["a key part that is an object", btoa(JSON.stringify({ s: "name", k: [{}], i: id(1) }))],
    ["too long", "A".repeat(1001)],
    ["bytes that are not UTF-8", btoa(String.fromCharCode(0xff, 0xfe))],
  ])("refuses %s", (_, text) => {
    expect(decodeCursor(text)).toBeNull();
  });

  it("as a procedure input, refuses a bad cursor with one sentence", () => {
    const result = cursorInput.safeParse("not-a-cursor");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([BAD_CURSOR_MESSAGE]);
    expect(cursorInput.safeParse(42).error?.issues[0]?.message).toBe(BAD_CURSOR_MESSAGE);
  });

  it("as a procedure input, reads a good cursor", () => {
    expect(cursorInput.parse(encodeCursor(cursor))).toEqual(cursor);
  });

  it("fits only its own order and key shape", () => {
    expect(cursorFits(cursor, "name", ["string", "number"])).toBe(true);
    expect(cursorFits(cursor, "email", ["string", "number"])).toBe(false);
    expect(cursorFits(cursor, "name", ["string"])).toBe(false);
    expect(cursorFits(cursor, "name", ["number", "number"])).toBe(false);
  });
});

describe("page size", () => {
  it.each([PAGE_SIZE.min, 50, PAGE_SIZE.max])("takes %i", (n) => expect(pageSizeInput.parse(n)).toBe(n));
  it.each([0, 9, 101, 10.5])("refuses %s with the range", (n) => {
    expect(pageSizeInput.safeParse(n).error?.issues[0]?.message).toBe("Pick a page size of 10 to 100.");
  });
});

describe("sliceByKeyset", () => {
  const asc = ordered("asc");

  it("starts at the first row without a cursor", () => {
    const page = sliceByKeyset(asc, byName, "name", "asc", null, 50);
    expect(page.rows.map((r) => r.name)).toEqual(asc.slice(0, 50).map((r) => r.name));
    expect(page).toMatchObject({ start: 1, total: 120, previous: null });
    expect(page.next).toMatchObject({ sort: "name", key: ["runner 050"], id: id(50), isBefore: false });
  });

  it("walks forward page by page over every row exactly once, and back again", () => {
    for (const dir of ["asc", "desc"] as const) {
      for (const at of [byName, byStreak]) {
        const list = ordered(dir, at);
        const seen: string[] = [];
        const starts: number[] = [];
        let cursor: Cursor | null = null;
        const pages: Page<Person>[] = [];
        do {
          const page: Page<Person> = sliceByKeyset(list, at, "s", dir, cursor, 50);
          pages.push(page);
          seen.push(...page.rows.map((r) => r.id));
          starts.push(page.start);
          cursor = page.next;
        } while (cursor);
        expect(seen).toEqual(list.map((r) => r.id));
        expect(starts).toEqual([1, 51, 101]);
        const back = sliceByKeyset(list, at, "s", dir, pages[2]!.previous, 50);
        expect(back.rows).toEqual(pages[1]!.rows);
        expect(back.start).toBe(51);
      }
    }
  });

  it("keeps its place when a row before the cursor is removed", () => {
    const page1 = sliceByKeyset(asc, byName, "name", "asc", null, 50);
    const fewer = asc.filter((r) => r.id !== id(3));
    const page2 = sliceByKeyset(fewer, byName, "name", "asc", page1.next, 50);
    expect(page2.rows[0]!.name).toBe("Runner 051");
    expect(page2.start).toBe(50);
  });

  it("continues after the cursor's position when its row itself is gone", () => {
    const page1 = sliceByKeyset(asc, byName, "name", "asc", null, 50);
    const without = asc.filter((r) => r.id !== page1.next!.id);
    expect(sliceByKeyset(without, byName, "name", "asc", page1.next, 50).rows[0]!.name).toBe("Runner 051");
  });

  it("shows the first page for a Previous from near the top", () => {
    const page = sliceByKeyset(asc, byName, "name", "asc", { sort: "name", key: ["runner 011"], id: id(11), isBefore: true }, 50);
    expect(page.start).toBe(1);
    expect(page.rows).toHaveLength(50);
    expect(page.previous).toBeNull();
  });

  it("gives an empty last page, not an error, for a cursor past the end", () => {
    const page = sliceByKeyset(asc, byName, "name", "asc", { sort: "name", key: ["zzz"], id: id(999), isBefore: false }, 50);
    expect(page).toMatchObject({ rows: [], start: 0, total: 120, next: null, previous: null });
  });

  it("has no links on a list that fits one page", () => {
    const page = sliceByKeyset(asc.slice(0, 7), byName, "name", "asc", null, 50);
    expect(page).toMatchObject({ start: 1, total: 7, next: null, previous: null });
  });

  it("orders ties by the second key, then by id", () => {
    expect(comparePositions({ key: [1, "a"], id: id(2) }, { key: [1, "b"], id: id(1) })).toBe(-1);
    expect(comparePositions({ key: [1, "a"], id: id(2) }, { key: [1, "a"], id: id(1) })).toBe(1);
    expect(comparePositions({ key: [2], id: id(1) }, { key: [10], id: id(1) })).toBe(-1);
    expect(comparePositions({ key: ["b"], id: id(1) }, { key: ["b"], id: id(1) })).toBe(0);
  });
});

describe("pageOf", () => {
  it("builds the links from the page's first and last rows and the counts", () => {
    const rows = ordered("asc").slice(50, 100);
    const page = pageOf(rows, { rowsBefore: 50, total: 120 }, byName, "name");
    expect(page.start).toBe(51);
    expect(page.previous).toMatchObject({ id: id(51), isBefore: true });
    expect(page.next).toMatchObject({ id: id(100), isBefore: false });
    expect(pageOf(rows, { rowsBefore: 70, total: 120 }, byName, "name").next).toBeNull();
  });
});

describe("showingText", () => {
  const clients = { one: "client", many: "clients" };
  it.each([
    [{ start: 51, count: 50, total: 500 }, "Showing 51–100 of 500 clients."],
    [{ start: 1, count: 50, total: 500 }, "Showing 1–50 of 500 clients."],
    [{ start: 451, count: 50, total: 500 }, "Showing 451–500 of 500 clients."],
    [{ start: 101, count: 1, total: 101 }, "Showing 101 of 101 clients."],
    [{ start: 1, count: 12, total: 12 }, "Showing all 12 clients."],
    [{ start: 1, count: 1, total: 1 }, "Showing all 1 client."],
    [{ start: 0, count: 0, total: 0 }, "No clients to show."],
  ])("%o reads %s", (page, text) => expect(showingText(page, clients)).toBe(text));
});

describe("URL parameters", () => {
  it("reads the defaults from an empty query", () => {
    expect(clientListParams.parse({})).toEqual({ sort: "name", direction: "asc", q: "", cursor: null, hasBadCursor: false, size: 50, filters: {} });
  });

  it("reads a full query", () => {
    const cursor: Cursor = { sort: "coach", key: ["ada", "bo"], id: id(4), isBefore: false };
    const coach = id(9);
    const params = clientListParams.parse({ sort: "coach", dir: "desc", q: "  ada ", coach, status: "invited", size: "20", cursor: encodeCursor(cursor) });
    expect(params).toEqual({ sort: "coach", direction: "desc", q: "ada", cursor, hasBadCursor: false, size: 20, filters: { coach, status: "invited" } });
  });

  it.each([
    [{ sort: "password" }, { sort: "name" }],
    [{ dir: "sideways" }, { direction: "asc" }],
    [{ size: "5" }, { size: 50 }],
    [{ size: "1000" }, { size: 50 }],
    [{ size: "12abc" }, { size: 50 }],
    [{ status: "deleted" }, { filters: {} }],
    [{ coach: "me" }, { filters: {} }],
    [{ q: "x".repeat(300) }, { q: "x".repeat(100) }],
    [{ sort: ["email", "name"] }, { sort: "email" }],
  ])("forgives %o", (raw, expected) => {
    expect(clientListParams.parse(raw)).toMatchObject(expected);
  });

  it("drops a broken cursor, or one of another order, and says so", () => {
    expect(clientListParams.parse({ cursor: "garbage" })).toMatchObject({ cursor: null, hasBadCursor: true });
    const ofEmail = encodeCursor({ sort: "email", key: ["a@x"], id: id(1), isBefore: false });
    expect(clientListParams.parse({ cursor: ofEmail })).toMatchObject({ cursor: null, hasBadCursor: true });
  });

  it("writes only what differs from the defaults", () => {
    expect(clientListParams.query(clientListParams.parse({}))).toBe("");
    expect(overviewParams.query(overviewParams.parse({}), { sort: "week", direction: "desc" })).toBe("?sort=week&dir=desc");
  });

  it("pages the overview 25 rows at a time unless the URL says otherwise, and keeps other sizes in links", () => {
    expect(overviewParams.parse({}).size).toBe(OVERVIEW_PAGE_SIZE);
    expect(overviewParams.parse({ size: "50" }).size).toBe(50);
    expect(overviewParams.query(overviewParams.parse({ size: "50" }))).toBe("?size=50");
    expect(overviewParams.query(overviewParams.parse({ size: String(OVERVIEW_PAGE_SIZE) }))).toBe("");
    expect(clientListParams.parse({}).size).toBe(PAGE_SIZE.standard);
  });

  it("keeps the search and filters when the page or the order changes", () => {
    const coach = id(9);
    const current = clientListParams.parse({ q: "ada", coach, status: "active" });
    const next: Cursor = { sort: "name", key: ["ada b"], id: id(2), isBefore: false };
    const href = clientListParams.query(current, { cursor: next });
    expect(clientListParams.parse(Object.fromEntries(new URLSearchParams(href)))).toEqual({ ...current, cursor: next });
    expect(clientListParams.query(current, { sort: "email" })).toBe(`?sort=email&q=ada&coach=${coach}&status=active`);
  });

  it("starts at the first page again when the order, search or a filter changes", () => {
    const cursor = encodeCursor({ sort: "name", key: ["b"], id: id(2), isBefore: false });
    const current = clientListParams.parse({ cursor, q: "a" });
    expect(clientListParams.query(current)).toContain("cursor=");
    expect(clientListParams.query(current, { direction: "desc" })).toBe("?dir=desc&q=a");
    expect(clientListParams.query(current, { q: "b" })).toBe("?q=b");
    expect(clientListParams.query(current, { filters: { status: "active" } })).toBe("?q=a&status=active");
    expect(clientListParams.query(current, { filters: { status: null } })).toBe("?q=a");
  });
});
