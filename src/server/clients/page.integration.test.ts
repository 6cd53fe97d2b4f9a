import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { clients } from "@/server/db/schema";
import { BAD_CURSOR_MESSAGE, encodeCursor, type Cursor } from "@/lib/paging";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { refusalOf } from "~test/refusal";
import { createTestStudio, type TestStudio } from "~test/factories";

const t = setupTestDatabase();

// Issue 21: the client list and the overview page, sort and search on the server. A studio of
// 62 clients (the factory's two, and 60 invited ones, half coached by the owner) is read in
// pages of 10, as a trainer clicking "Next" would.
let s: TestStudio;
const tricky = ["Ada 100% Lovelace", "bo_jackson", "Zoë O'Neil", "ada lower"];

beforeAll(async () => {
  s = await createTestStudio(t.db, "paging");
  const names = [...tricky, ...Array.from({ length: 56 }, (_, i) => `Runner ${String(i).padStart(2, "0")}`)];
  await t.db.insert(clients).values(
    names.map((name, i) => ({
      studioId: s.studioId,
      coachId: i % 2 === 0 ? s.owner.memberId : s.trainer.memberId,
      name,
      email: `paged-${i}-${s.studioId.slice(0, 8)}@example.test`,
      status: "invited" as const,
    })),
  );
});

const owner = () => callerFor(t.db, s.owner.userId);
const trainer = () => callerFor(t.db, s.trainer.userId);
type PageInput = Parameters<ReturnType<typeof owner>["client"]["page"]>[0];
const cursorText = (c: Cursor | null) => (c ? encodeCursor(c) : undefined);

/** Every page from the first, following "Next". */
async function walk(input: NonNullable<PageInput>, as = owner()) {
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await as.client.page({ ...input, cursor });
    pages.push(page);
    cursor = cursorText(page.next);
  } while (cursor && pages.length < 20);
  return pages;
}

describe("client.page", () => {
  it("pages through every client once, by name, with the place of each page", async () => {
    const pages = await walk({ size: 10 });
    const names = pages.flatMap((p) => p.rows.map((r) => r.name));
    expect(names).toHaveLength(62);
    expect(new Set(names).size).toBe(62);
    // The database's collation orders the names; one page of all of them is the order pages must follow.
    expect(names).toEqual((await owner().client.page({ size: 100 })).rows.map((r) => r.name));
    expect(names.indexOf("Ada 100% Lovelace")).toBeLessThan(names.indexOf("Runner 00"));
    expect(pages.map((p) => p.start)).toEqual([1, 11, 21, 31, 41, 51, 61]);
    expect(pages.every((p) => p.total === 62)).toBe(true);
    expect(pages[0]!.previous).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
  });

  it("goes back with Previous to the same page it came from", async () => {
    const pages = await walk({ sort: "coach", direction: "desc", size: 10 });
    const back = await owner().client.page({ sort: "coach", direction: "desc", size: 10, cursor: cursorText(pages[3]!.previous) });
    expect(back.rows).toEqual(pages[2]!.rows);
    expect(back.start).toBe(21);
    const top = await owner().client.page({ sort: "coach", direction: "desc", size: 10, cursor: cursorText(pages[1]!.previous) });
    expect(top.rows).toEqual(pages[0]!.rows);
    expect(top.previous).toBeNull();
  });

  it("sorts by coach, then name, either way", async () => {
    const asc = (await walk({ sort: "coach", size: 25 })).flatMap((p) => p.rows);
    const desc = (await walk({ sort: "coach", direction: "desc", size: 25 })).flatMap((p) => p.rows);
    expect(desc.map((r) => r.id)).toEqual(asc.map((r) => r.id).reverse());
    // The coaches' clients come together, and each coach's in the order of their names.
    const coaches = asc.map((r) => r.coachName);
    expect(coaches.filter((c, i) => c !== coaches[i - 1])).toHaveLength(2);
    const byName = (await owner().client.page({ size: 100 })).rows.map((r) => r.id);
    const firstCoach = asc.filter((r) => r.coachName === coaches[0]).map((r) => r.id);
    expect(firstCoach).toEqual(byName.filter((id) => firstCoach.includes(id)));
  });

  it("searches names and emails, reading % and _ as themselves", async () => {
    const names = async (search: string) => (await owner().client.page({ search })).rows.map((r) => r.name);
    expect(await names("100%")).toEqual(["Ada 100% Lovelace"]);
    expect(await names("%")).toEqual(["Ada 100% Lovelace"]);
    expect(await names("o_j")).toEqual(["bo_jackson"]);
    expect((await names("ADA")).sort()).toEqual(["Ada 100% Lovelace", "ada lower"]);
    expect(await names(`paged-2-${s.studioId.slice(0, 8)}`)).toEqual(["Zoë O'Neil"]);
    const found = await owner().client.page({ search: "Runner", size: 10 });
    expect(found.total).toBe(56);
  });

  it("keeps a trainer whom the owner keeps to their own clients to those, page after page", async () => {
    await owner().clientVisibility.set({ clientVisibility: "own" });
    try {
      const pages = await walk({ size: 10 }, trainer());
      const rows = pages.flatMap((p) => p.rows);
      expect(rows.length).toBe(32);
      expect(rows.every((r) => r.coachId === s.trainer.memberId)).toBe(true);
      expect((await trainer().client.page({ coachId: s.owner.memberId })).total).toBe(0);
    } finally {
      await owner().clientVisibility.set({ clientVisibility: "all" });
    }
  });

  it("refuses a broken cursor, or one of another order, with one sentence", async () => {
    for (const cursor of ["not-a-cursor", encodeCursor({ sort: "email", key: ["a"], id: s.clientA.clientId, isBefore: false })]) {
      expect(await refusalOf(owner().client.page({ cursor }), "client.page")).toMatchObject({ code: "BAD_REQUEST", message: BAD_CURSOR_MESSAGE });
    }
  });

  it("refuses the studio's clients", async () => {
    const error = await callerFor(t.db, s.clientA.userId)
      .client.page({})
      .then(() => null, (e: unknown) => e);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
  });
});

describe("progression.overviewPage", () => {
  it("pages the overview by name and keeps the page's place", async () => {
    const first = await owner().progression.overviewPage({ size: 10 });
    expect(first.page.start).toBe(1);
    expect(first.page.total).toBe(62);
    expect(first.page.rows).toHaveLength(10);
    const second = await owner().progression.overviewPage({ size: 10, cursor: cursorText(first.page.next) });
    expect(second.page.start).toBe(11);
    expect(second.page.rows.map((r) => r.clientId)).not.toContain(first.page.rows[0]!.clientId);
    const back = await owner().progression.overviewPage({ size: 10, cursor: cursorText(second.page.previous) });
    expect(back.page.rows.map((r) => r.clientId)).toEqual(first.page.rows.map((r) => r.clientId));
  });

  it("searches by name and filters to one coach", async () => {
    expect((await owner().progression.overviewPage({ search: "ada" })).page.rows.map((r) => r.name).sort()).toEqual(["Ada 100% Lovelace", "ada lower"]);
    expect((await owner().progression.overviewPage({ coachId: s.trainer.memberId })).page.total).toBe(32);
  });

  it("walks a numeric column in both directions over every client", async () => {
    const all = async (direction: "asc" | "desc") => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const { page } = await owner().progression.overviewPage({ sort: "streak", direction, size: 25, cursor });
        ids.push(...page.rows.map((r) => r.clientId));
        cursor = cursorText(page.next);
      } while (cursor);
      return ids;
    };
    const up = await all("asc");
    expect(new Set(up).size).toBe(62);
    expect(await all("desc")).toEqual([...up].reverse());
  });

  it("refuses a cursor of another column with one sentence", async () => {
    const { page } = await owner().progression.overviewPage({ size: 10 });
    const refusal = await refusalOf(owner().progression.overviewPage({ sort: "week", cursor: cursorText(page.next) }), "progression.overviewPage");
    expect(refusal).toMatchObject({ code: "BAD_REQUEST", message: BAD_CURSOR_MESSAGE });
  });
});
