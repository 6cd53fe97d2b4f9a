import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runs } from "@/server/db/schema";
import { addDays, localDateIn } from "@/lib/local-date";
import { listStudioAttention } from "@/server/review/studio-attention";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { loadSpikeRatioOf, runningLoadFor, setLoadSpikeRatio } from "./load-service";
import { loadRatio, loadWindowsOf, weeklyLoad, type LoadRun } from "./running-load";
import { loadProgressClient } from "./service";

const t = setupTestDatabase();

// Client A lives in Europe/London (the factory's zone), which springs forward on Sunday 29 March
// 2026. "Now" is Tuesday 31 March, noon.
const NOW = new Date("2026-03-31T12:00:00Z");
const ZONE = "Europe/London";

type Seeded = LoadRun & { startedAt: Date };

async function insert(studio: TestStudio, clientId: string, instants: { at: string; km: number; minutes: number }[]): Promise<Seeded[]> {
  const rows = instants.map(({ at, km, minutes }) => {
    const startedAt = new Date(at);
    return { id: randomUUID(), studioId: studio.studioId, clientId, startedAt, localDate: localDateIn(startedAt, ZONE), distanceM: Math.round(km * 1000), durationS: Math.round(minutes * 60), source: "file" as const };
  });
  if (rows.length) await t.db.insert(runs).values(rows);
  return rows.map((r) => ({ localDate: r.localDate, distanceM: r.distanceM, durationS: r.durationS, startedAt: r.startedAt }));
}

describe("weekly load and the ratio in SQL against the pure rule", () => {
  let studio: TestStudio;
  let history: Seeded[];

  beforeAll(async () => {
    studio = await createTestStudio(t.db, "load");
    const steady: { at: string; km: number; minutes: number }[] = [];
    // Fourteen weeks of two runs a week (older than the 12 weeks shown too), growing slowly…
    for (let week = 0; week < 14; week++) {
      const monday = addDays("2025-12-22", week * 7);
      steady.push({ at: `${addDays(monday, 1)}T07:00:00Z`, km: 5 + week * 0.25, minutes: 30 });
      steady.push({ at: `${addDays(monday, 5)}T09:00:00Z`, km: 8 + week * 0.5, minutes: 50 });
    }
    history = await insert(studio, studio.clientA.clientId, [
      ...steady,
      // …with runs on the edges of the DST weekend: 23:30 on Sunday 29 March (22:30 UTC) is still
      // the week of the 23rd; 00:30 on Monday 30 March (BST) is 23:30 UTC on the Sunday, and the new week.
      { at: "2026-03-29T22:30:00Z", km: 3, minutes: 18 },
      { at: "2026-03-29T23:30:00Z", km: 12, minutes: 70 },
      // A run later today (after now) is already stored: it counts, today is the client's day.
      { at: "2026-03-31T18:00:00Z", km: 6, minutes: 33 },
    ]);
    // Client B's runs and another studio's are not client A's.
    await insert(studio, studio.clientB.clientId, [{ at: "2026-03-30T07:00:00Z", km: 40, minutes: 240 }]);
  });

  it("sums the weeks, the last 7 and the last 28 days as the pure rule does", async () => {
    const client = await loadProgressClient(t.db, studio.studioId, studio.clientA.clientId, NOW);
    expect(client.today).toBe("2026-03-31");
    const fromSql = await runningLoadFor(t.db, studio.studioId, client, 1.5);
    const expected = weeklyLoad(history, client.today);
    expect(fromSql.weeks).toEqual(expected);
    expect(fromSql.load).toEqual(loadRatio(loadWindowsOf(history, client.today)));
    // The DST edges: the Sunday-night run is in the week of the 23rd, the Monday 00:30 one in this week.
    expect(expected.at(-2)).toMatchObject({ weekStart: "2026-03-23" });
    expect(expected.at(-1)).toMatchObject({ weekStart: "2026-03-30", runs: 2, distanceM: 18_000, longestM: 12_000 });
    expect(fromSql.load.ratio).not.toBeNull();
  });

  it("has no ratio for a client with too little running, and says nothing of another client's", async () => {
    const client = await loadProgressClient(t.db, studio.studioId, studio.clientB.clientId, NOW);
    const fromSql = await runningLoadFor(t.db, studio.studioId, client, 1.5);
    expect(fromSql.load).toMatchObject({ chronicRuns: 1, ratio: null });
    expect(fromSql.weeks.at(-1)).toMatchObject({ runs: 1, distanceM: 40_000 });
  });

  it("is on the client's progress for them and for their trainer", async () => {
    const mine = await callerFor(t.db, studio.clientA.userId, { now: () => NOW }).progression.mine();
    const theirs = await callerFor(t.db, studio.trainer.userId, { now: () => NOW }).progression.forClient({ clientId: studio.clientA.clientId });
    expect(mine.runningLoad.weeks).toHaveLength(12);
    expect(theirs.runningLoad.weeks).toEqual(mine.runningLoad.weeks);
    expect(theirs.runningLoad.load).toEqual(mine.runningLoad.load);
    expect(mine.runningLoad.message).toMatch(/^This week: [\d.]+× your usual/);
    expect(theirs.runningLoad.message).toMatch(/^This week: [\d.]+× their usual/);
    expect(mine.runningLoad.spikeRatio).toBe(1.5);
  });
});

describe("the attention queue flags a jump in running load, once a week, and lets it go", () => {
  let studio: TestStudio;

  beforeAll(async () => {
    studio = await createTestStudio(t.db, "spike");
    // Three quiet weeks of 10 km, then 24 km in the last 7 days: 24 / (54 / 4) = 1.78.
    await insert(studio, studio.clientA.clientId, [
      { at: "2026-03-06T07:00:00Z", km: 10, minutes: 60 },
      { at: "2026-03-13T07:00:00Z", km: 10, minutes: 60 },
      { at: "2026-03-20T07:00:00Z", km: 10, minutes: 60 },
      { at: "2026-03-26T07:00:00Z", km: 8, minutes: 48 },
      { at: "2026-03-28T07:00:00Z", km: 8, minutes: 48 },
      { at: "2026-03-30T07:00:00Z", km: 8, minutes: 48 },
    ]);
  });

  const spikes = async (now: Date, coachId: string | null = null) =>
    (await listStudioAttention(t.db, studio.studioId, now, { coachId })).filter((i) => i.kind === "load_spike");

  it("appears with the ratio in words, after the older sources", async () => {
    const items = await spikes(NOW);
    expect(items).toEqual([
      expect.objectContaining({
        key: `load_spike:${studio.clientA.clientId}:2026-03-30`,
        clientId: studio.clientA.clientId,
        summary: "Running load jumped: 1.78× the last four weeks (24.0 km in 7 days against 13.5 km a week).",
        href: `/dashboard/clients/${studio.clientA.clientId}/progress`,
      }),
    ]);
    // In the trainer's queue (they coach A), in the reader's unit; not in a colleague's.
    const inMiles = await listStudioAttention(t.db, studio.studioId, NOW, { coachId: studio.trainer.memberId, distanceUnit: "mi" });
    expect(inMiles.find((i) => i.kind === "load_spike")?.summary).toContain("14.9 mi in 7 days");
    expect(await spikes(NOW, studio.owner.memberId)).toEqual([]);
  });

  it("is one item through the week (the same key the next day) and goes when the 7 days calm down", async () => {
    const nextDay = await spikes(new Date("2026-04-01T12:00:00Z"));
    expect(nextDay.map((i) => i.key)).toEqual([`load_spike:${studio.clientA.clientId}:2026-03-30`]);
    // A week later the hard days have left the last 7: nothing to flag.
    expect(await spikes(new Date("2026-04-06T12:00:00Z"))).toEqual([]);
  });

  it("follows the owner's ratio: above it the jump is no longer a spike", async () => {
    await setLoadSpikeRatio(t.db, studio.studioId, studio.owner.memberId, 1.8, NOW);
    expect(await spikes(NOW)).toEqual([]);
    await setLoadSpikeRatio(t.db, studio.studioId, studio.owner.memberId, 1.5, NOW);
    expect(await spikes(NOW)).toHaveLength(1);
  });

  it("lets only the owner change the ratio, with a sentence for a bad one and nothing written", async () => {
    const owner = callerFor(t.db, studio.owner.userId, { now: () => NOW });
    expect(await owner.progression.setLoadSpikeRatio({ loadSpikeRatio: 1.25 })).toEqual({ loadSpikeRatio: 1.25 });
    expect(await owner.progression.settings()).toEqual({ asymmetryThresholdPercent: 15, loadSpikeRatio: 1.25, painPauseAbove: 5 });
    for (const bad of [1, 3.5, 1.234]) {
      const refused = await refusalOf(owner.progression.setLoadSpikeRatio({ loadSpikeRatio: bad }), "progression.setLoadSpikeRatio");
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.fields.loadSpikeRatio ?? refused.message).toMatch(/^(Enter the ratio as a number from 1\.05 to 3|Use at most two decimals)/);
    }
    const trainer = callerFor(t.db, studio.trainer.userId, { now: () => NOW });
    expect((await refusalOf(trainer.progression.setLoadSpikeRatio({ loadSpikeRatio: 2 }), "progression.setLoadSpikeRatio")).code).toBe("FORBIDDEN");
    expect(await loadSpikeRatioOf(t.db, studio.studioId)).toBe(1.25);
    await setLoadSpikeRatio(t.db, studio.studioId, studio.owner.memberId, 1.5, NOW);
  });
});
