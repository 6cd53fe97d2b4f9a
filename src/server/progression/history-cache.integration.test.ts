import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignmentVersions, masteryChecks, practiceSessions, progressSnapshots, users } from "@/server/db/schema";
import { createAssignment } from "@/server/drills/assignments";
import { dailyBestsFor } from "@/server/drills/daily-bests";
import { addDays, localDateIn } from "@/lib/local-date";
import { lockStatesFor } from "@/server/drills/locks";
import { evaluateLock, type PrerequisiteOf } from "@/server/drills/unlock";
import { insertPractice, insertRuns, type PracticeRecord } from "@/server/seed/practice-history";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId } from "~test/drill-fixtures";
import { createTestStudio, type TestStudio } from "~test/factories";
import { computeDailyAdherence, computeStreaks, summarizeWeeks, type AdherenceRun, type AdherenceSession } from "./adherence";
import { adherenceFor } from "./client-adherence";
import { snapshotThrough } from "./history";

const t = setupTestDatabase();

// A long, irregular history (seeded pseudo-random, so failures reproduce) for a client in
// London: Knee Drive and Back Rotations daily (Back Rotations also before runs), Hopping before
// runs; sessions on most days, runs on some, some warm-ups linked and some an hour before.
const START = "2025-11-03";
const DAYS = 140;
const NOW = new Date("2026-03-20T12:00:00Z");

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type World = { studio: TestStudio; knee: string; back: string; hop: string; versions: Record<string, string>; sessions: AdherenceSession[]; runs: AdherenceRun[] };

async function build(seed: number): Promise<World> {
  const studio = await createTestStudio(t.db, `history-${seed}`);
  const knee = await builtInDrillId(t.db, studio.studioId, "knee-drive");
  const back = await builtInDrillId(t.db, studio.studioId, "back-rotations");
  const hop = await builtInDrillId(t.db, studio.studioId, "hopping");
  const versions: Record<string, string> = {};
  for (const [drillId, schedule, reps] of [
    [knee, { daily: true, beforeRun: false }, false],
    [back, { daily: true, beforeRun: true }, true],
    [hop, { daily: false, beforeRun: true }, false],
  ] as const) {
    const row = await createAssignment(t.db, studio.studioId, studio.trainer.memberId, {
      clientId: studio.clientA.clientId,
      drillId,
      prescription: reps
        ? { sets: 1, targetPerSide: null, repMin: 15, repMax: 20, schedule, startDate: START, endDate: null }
        : { sets: 1, targetPerSide: 30, repMin: null, repMax: null, schedule, startDate: START, endDate: null },
    }, NOW);
    const [v] = await t.db.select({ id: assignmentVersions.id }).from(assignmentVersions).where(eq(assignmentVersions.assignmentId, row.id));
    versions[drillId] = v!.id;
  }
  const world: World = { studio, knee, back, hop, versions, sessions: [], runs: [] };
  await addHistory(world, START, DAYS, seed);
  return world;
}

// Times are UTC; London is UTC from November to the end of March, so local dates match.
const at = (date: string, time: string) => new Date(`${date}T${time}Z`);

async function addHistory(w: World, from: string, days: number, seed: number) {
  const random = prng(seed);
  const base = { studioId: w.studio.studioId, clientId: w.studio.clientA.clientId };
  const entry = (drillId: string, value: number) => [
    { drillId, assignmentVersionId: w.versions[drillId]!, side: "left" as const, value },
    { drillId, assignmentVersionId: w.versions[drillId]!, side: "right" as const, value: Math.round(value * (0.85 + random() * 0.2)) },
  ];
  const runRecords = [];
  const practice: PracticeRecord[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    // Streaky: mostly complete days, with gaps of every kind.
    const roll = random();
    const drills = roll < 0.72 ? [w.knee, w.back] : roll < 0.84 ? [w.knee] : roll < 0.9 ? [w.back] : [];
    const progress = 18 + (i / days) * 20;
    if (drills.length > 0) {
      practice.push({ ...base, performedAt: at(date, "07:00:00"), localDate: date, entries: drills.flatMap((d) => entry(d, Math.round(progress + random() * 8))) });
      w.sessions.push({ localDate: date, performedAt: at(date, "07:00:00"), runId: null, drillIds: drills });
    }
    if (random() < 0.35) {
      const id = crypto.randomUUID();
      runRecords.push({ ...base, id, startedAt: at(date, "08:00:00"), localDate: date, distanceM: 6000, durationS: 1900 });
      w.runs.push({ id, localDate: date, startedAt: at(date, "08:00:00") });
      if (random() < 0.5) {
        practice.push({ ...base, performedAt: at(date, "07:40:00"), localDate: date, runId: id, entries: [...entry(w.hop, 20), ...(random() < 0.5 ? entry(w.back, 16) : [])] });
        w.sessions.push({ localDate: date, performedAt: at(date, "07:40:00"), runId: id, drillIds: practice.at(-1)!.entries.some((e) => e.drillId === w.back) ? [w.hop, w.back] : [w.hop] });
      }
    }
  }
  await insertRuns(t.db, runRecords);
  await insertPractice(t.db, practice);
}

function reference(w: World, now: Date) {
  const today = localDateIn(now, "Europe/London");
  const assignments = [
    { drillId: w.knee, prescription: { schedule: { daily: true, beforeRun: false }, startDate: START, endDate: null }, pauses: [] },
    { drillId: w.back, prescription: { schedule: { daily: true, beforeRun: true }, startDate: START, endDate: null }, pauses: [] },
    { drillId: w.hop, prescription: { schedule: { daily: false, beforeRun: true }, startDate: START, endDate: null }, pauses: [] },
  ];
  const days = computeDailyAdherence({ assignments, sessions: w.sessions, runs: w.runs, from: START, to: today });
  return { today, days: days.slice(-28).map(({ occurrences: _, ...d }) => d), weeks: summarizeWeeks(days), streaks: computeStreaks(days, today) };
}

async function adherenceOf(w: World, now: Date) {
  return (await adherenceFor(t.db, w.studio.studioId, [w.studio.clientA.clientId], now, { recentDays: 28 })).get(w.studio.clientA.clientId)!;
}

async function snapshotOf(w: World) {
  const [row] = await t.db.select().from(progressSnapshots).where(eq(progressSnapshots.clientId, w.studio.clientA.clientId));
  return row ?? null;
}

describe("a client's cached history gives the same adherence as computing every day", () => {
  let w: World;
  beforeAll(async () => {
    w = await build(7);
  });

  it("builds the cache on the first read, up to a Sunday at least a week back, and agrees with the pure reference", async () => {
    const want = reference(w, NOW);
    expect(await snapshotOf(w)).toBeNull();
    const got = await adherenceOf(w, NOW);
    expect(got.days).toEqual(want.days);
    expect(got.weeks).toEqual(want.weeks);
    expect(got.streaks).toEqual(want.streaks);
    expect(got.from).toBe(START);
    // The history is worth comparing: weeks on both sides of the cache date, streaks that cross it.
    expect(want.weeks.length).toBeGreaterThan(15);
    expect(want.streaks.longest).toBeGreaterThan(3);
    const snapshot = await snapshotOf(w);
    expect(snapshot?.through).toBe(snapshotThrough(want.today));
    expect(snapshot?.through).toBe("2026-03-08");
    // A second read uses it, and still agrees.
    const again = await adherenceOf(w, NOW);
    expect(again.streaks).toEqual(want.streaks);
    expect(again.weeks).toEqual(want.weeks);
  });

  it("extends the cache a week later instead of starting over, and still agrees", async () => {
    await adherenceOf(w, NOW);
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    await addHistory(w, addDays(START, DAYS), 8, 99);
    const want = reference(w, later);
    const got = await adherenceOf(w, later);
    expect(got.weeks).toEqual(want.weeks);
    expect(got.streaks).toEqual(want.streaks);
    expect(got.days).toEqual(want.days);
    expect((await snapshotOf(w))?.through).toBe(snapshotThrough(want.today));
  });

  it("drops the cache when a day it covers is written, so a backdated session counts at once", async () => {
    const now = new Date(NOW.getTime() + 8 * 86_400_000);
    await adherenceOf(w, now);
    expect(await snapshotOf(w)).not.toBeNull();
    // A missed day deep in the cached weeks, logged late (an offline phone catching up).
    const missed = w.sessions.length > 0 ? findMissedDay(w, START, addDays(START, 60)) : null;
    expect(missed).not.toBeNull();
    await insertPractice(t.db, [
      { studioId: w.studio.studioId, clientId: w.studio.clientA.clientId, performedAt: at(missed!, "12:00:00"), localDate: missed!, entries: [
        { drillId: w.knee, assignmentVersionId: w.versions[w.knee]!, side: "left", value: 25 },
        { drillId: w.knee, assignmentVersionId: w.versions[w.knee]!, side: "right", value: 25 },
        { drillId: w.back, assignmentVersionId: w.versions[w.back]!, side: "left", value: 15 },
        { drillId: w.back, assignmentVersionId: w.versions[w.back]!, side: "right", value: 15 },
      ] },
    ]);
    w.sessions.push({ localDate: missed!, performedAt: at(missed!, "12:00:00"), runId: null, drillIds: [w.knee, w.back] });
    expect(await snapshotOf(w)).toBeNull();
    const want = reference(w, now);
    const got = await adherenceOf(w, now);
    expect(got.weeks).toEqual(want.weeks);
    expect(got.streaks).toEqual(want.streaks);
  });

  it("drops the cache when the prescription or the client's time zone changes, and when a session is deleted", async () => {
    const now = new Date(NOW.getTime() + 8 * 86_400_000);
    await adherenceOf(w, now);
    await t.db.update(users).set({ timeZone: "Europe/Dublin" }).where(eq(users.id, w.studio.clientA.userId));
    expect(await snapshotOf(w)).toBeNull();
    await adherenceOf(w, now);
    expect(await snapshotOf(w)).not.toBeNull();
    const [oldest] = await t.db
      .select({ id: practiceSessions.id, performedAt: practiceSessions.performedAt })
      .from(practiceSessions)
      .where(eq(practiceSessions.clientId, w.studio.clientA.clientId))
      .orderBy(practiceSessions.performedAt)
      .limit(1);
    await t.db.execute(sql`delete from practice_entries where session_id = ${oldest!.id}`);
    expect(await snapshotOf(w)).toBeNull();
    // The reference forgets it too (an emptied session logs no drill).
    w.sessions = w.sessions.filter((x) => x.performedAt.getTime() !== oldest!.performedAt.getTime());
    const want = reference(w, now);
    expect((await adherenceOf(w, now)).weeks).toEqual(want.weeks);
    await t.db.update(users).set({ timeZone: "Europe/London" }).where(eq(users.id, w.studio.clientA.userId));
  });

  // Two connections are needed to interleave a write and a rebuild; PGlite has one.
  it.runIf(process.env.TEST_DB === "postgres")("a rebuild that starts while a backdated write is in flight waits for it, so no stale cache is left", async () => {
    const now = new Date(NOW.getTime() + 8 * 86_400_000);
    await t.db.delete(progressSnapshots).where(eq(progressSnapshots.clientId, w.studio.clientA.clientId));
    const missed = findMissedDay(w, addDays(START, 20), addDays(START, 90))!;
    let commit!: () => void;
    const gate = new Promise<void>((resolve) => (commit = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const writer = t.db.transaction(async (tx) => {
      await insertPractice(tx, [
        { studioId: w.studio.studioId, clientId: w.studio.clientA.clientId, performedAt: at(missed, "12:00:00"), localDate: missed, entries: [
          { drillId: w.knee, assignmentVersionId: w.versions[w.knee]!, side: "left", value: 25 },
          { drillId: w.knee, assignmentVersionId: w.versions[w.knee]!, side: "right", value: 25 },
          { drillId: w.back, assignmentVersionId: w.versions[w.back]!, side: "left", value: 15 },
          { drillId: w.back, assignmentVersionId: w.versions[w.back]!, side: "right", value: 15 },
        ] },
      ]);
      wrote();
      await gate;
    });
    await written;
    let finished = false;
    const reading = adherenceOf(w, now).then((r) => ((finished = true), r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(finished).toBe(false); // waiting for the writer's lock
    commit();
    await writer;
    w.sessions.push({ localDate: missed, performedAt: at(missed, "12:00:00"), runId: null, drillIds: [w.knee, w.back] });
    const want = reference(w, now);
    const got = await reading;
    const key = (x: unknown) => JSON.stringify(x, Object.keys(x as object).sort());
    const diff = got.weeks.filter((wk, i) => key(wk) !== key(want.weeks[i]));
    expect(diff, JSON.stringify({ diff, want: want.weeks.filter((wk) => diff.some((d) => d.weekStart === wk.weekStart)), missed })).toEqual([]);
    // And what it cached is right too.
    const again = await adherenceOf(w, now);
    expect(again.weeks).toEqual(want.weeks);
    expect(again.streaks).toEqual(want.streaks);
  });

  it("remembers when a mastery rule was first met, and the lock state matches reading the whole history", async () => {
    const client = w.studio.clientA.clientId;
    const rule = { minValuePerSide: 30, requiredDays: 5, windowDays: 7 };
    const prerequisites: PrerequisiteOf[] = [{ requiresDrillId: w.knee, requiresDrillName: "Knee Drive", measure: "hold_seconds", rule }];
    for (const offset of [0, 3, 10]) {
      const today = addDays(localDateIn(NOW, "Europe/London"), offset);
      const full = await dailyBestsFor(t.db, w.studio.studioId, client, [w.knee]);
      const want = evaluateLock({ prerequisites, dailyBestsByDrill: full, override: null, today });
      const got = (await lockStatesFor(t.db, w.studio.studioId, client, [w.hop], today)).get(w.hop)!;
      expect(got.isUnlocked).toBe(want.isUnlocked);
      expect(got.progress[0]!.everMet).toBe(want.progress[0]!.everMet);
      expect(got.progress[0]!.evaluation).toEqual(want.progress[0]!.evaluation);
    }
    const checks = await t.db.select().from(masteryChecks).where(eq(masteryChecks.clientId, client));
    expect(checks).toHaveLength(1);
  });
});

function findMissedDay(w: World, from: string, to: string): string | null {
  const logged = new Set(w.sessions.filter((s) => s.drillIds.includes(w.knee) && s.drillIds.includes(w.back)).map((s) => s.localDate));
  for (let d = from; d <= to; d = addDays(d, 1)) if (!logged.has(d)) return d;
  return null;
}

describe("a deleted client", () => {
  it("has no history read or cached any more: asked for, they are skipped and no cache row is written back", async () => {
    const w = await build(11);
    await adherenceOf(w, NOW);
    expect(await snapshotOf(w)).not.toBeNull();
    await callerFor(t.db, w.studio.owner.userId).dataRights.deleteClient({ clientId: w.studio.clientA.clientId, confirmName: w.studio.clientA.name });
    expect(await snapshotOf(w)).toBeNull();
    const got = await adherenceFor(t.db, w.studio.studioId, [w.studio.clientA.clientId, w.studio.clientB.clientId], NOW, { recentDays: 28 });
    expect(got.has(w.studio.clientA.clientId)).toBe(false);
    expect(got.has(w.studio.clientB.clientId)).toBe(true);
    expect(await snapshotOf(w)).toBeNull();
  });
});
