import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignmentVersions, assignments, drillPrerequisites, practiceEntries, unlockEvents } from "@/server/db/schema";
import { createAssignment } from "@/server/drills/assignments";
import { recordUnlocksFor } from "@/server/drills/locks";
import { addDays } from "@/lib/local-date";
import type { DailyBest } from "@/server/drills/mastery";
import { insertPractice, insertRuns } from "@/server/seed/practice-history";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId } from "~test/drill-fixtures";
import { createTestStudio, type TestStudio } from "~test/factories";
import { computeDailyAdherence, computeStreaks, summarizeWeeks, type AdherenceSession } from "./adherence";
import { adherenceFor } from "./client-adherence";
import { progressionAttention } from "./attention-sources";
import { exportCsv } from "./export";
import { computeProgress, rollingSeries } from "./rolling";
import { weeklyRunning } from "./running";
import { clientProgression } from "./service";

const t = setupTestDatabase();

// Client A lives in Europe/London (the factory's zone). "Now" is noon on Friday 20 March 2026.
const NOW = new Date("2026-03-20T12:00:00Z");
const TODAY = "2026-03-20";
const START = "2026-03-02";

type Setup = { studio: TestStudio; knee: string; back: string; hop: string; versions: Record<string, string> };

async function assign(studio: TestStudio, drillId: string, schedule: { daily: boolean; beforeRun: boolean }, measure: "hold" | "reps" | "contacts") {
  const row = await createAssignment(t.db, studio.studioId, studio.trainer.memberId, {
    clientId: studio.clientA.clientId,
    drillId,
    prescription:
      measure !== "reps"
        ? { sets: 1, targetPerSide: 30, repMin: null, repMax: null, schedule, startDate: START, endDate: null }
        : { sets: 1, targetPerSide: null, repMin: 15, repMax: 20, schedule, startDate: START, endDate: null },
  }, NOW);
  const [version] = await t.db.select({ id: assignmentVersions.id }).from(assignmentVersions).where(eq(assignmentVersions.assignmentId, row.id));
  return version!.id;
}

const at = (date: string, time: string) => new Date(`${date}T${time}Z`); // March in London is UTC until the 29th.

async function setUp(): Promise<Setup> {
  const studio = await createTestStudio(t.db, "progression");
  const knee = await builtInDrillId(t.db, studio.studioId, "knee-drive");
  const back = await builtInDrillId(t.db, studio.studioId, "back-rotations");
  const hop = await builtInDrillId(t.db, studio.studioId, "hopping");
  const versions = {
    [knee]: await assign(studio, knee, { daily: true, beforeRun: false }, "hold"),
    [back]: await assign(studio, back, { daily: true, beforeRun: true }, "reps"),
    [hop]: await assign(studio, hop, { daily: false, beforeRun: true }, "contacts"),
  };
  return { studio, knee, back, hop, versions };
}

describe("progression in SQL against the pure reference, on a small hand-made history", () => {
  let s: Setup;
  // Knee Drive holds (left, right) per day; gaps on the 5th, 9th–10th and 15th; two sessions on the 12th.
  const holds: [string, number, number][] = [
    ["2026-03-02", 20, 18], ["2026-03-03", 22, 18], ["2026-03-04", 21, 19], ["2026-03-06", 24, 20], ["2026-03-07", 25, 20],
    ["2026-03-08", 26, 21], ["2026-03-11", 28, 22], ["2026-03-12", 27, 24], ["2026-03-13", 30, 24], ["2026-03-14", 31, 25],
    ["2026-03-16", 32, 26], ["2026-03-17", 33, 26], ["2026-03-18", 34, 27], ["2026-03-19", 35, 28], ["2026-03-20", 36, 28],
  ];
  const sessions: AdherenceSession[] = [];
  let runIds: string[] = [];

  beforeAll(async () => {
    s = await setUp();
    const { studioId, clientA } = s.studio;
    const base = { studioId, clientId: clientA.clientId };
    const records = holds.map(([date, l, r]) => ({
      ...base,
      performedAt: at(date, "07:30:00"),
      localDate: date,
      entries: [
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "left" as const, value: l },
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "right" as const, value: r },
        // Back Rotations on every day but the 13th and 14th.
        ...(date === "2026-03-13" || date === "2026-03-14"
          ? []
          : [
              { drillId: s.back, assignmentVersionId: s.versions[s.back]!, side: "left" as const, value: 16 },
              { drillId: s.back, assignmentVersionId: s.versions[s.back]!, side: "right" as const, value: 15 },
            ]),
      ],
    }));
    // A second, better session on the 12th: the day's best counts.
    records.push({
      ...base,
      performedAt: at("2026-03-12", "19:00:00"),
      localDate: "2026-03-12",
      entries: [
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "left", value: 29 },
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "right", value: 23 },
      ],
    });
    await insertPractice(t.db, records);
    // Runs: the 7th (warm-up linked), the 11th (unlinked warm-up an hour before), the 14th (no warm-up), the 18th (painful, warm-up 3 h before: too early).
    runIds = await insertRuns(t.db, [
      { ...base, startedAt: at("2026-03-07", "09:00:00"), localDate: "2026-03-07", distanceM: 8000, durationS: 2640, effort: 6 },
      { ...base, startedAt: at("2026-03-11", "08:30:00"), localDate: "2026-03-11", distanceM: 5000, durationS: 1500, effort: 5 },
      { ...base, startedAt: at("2026-03-14", "10:00:00"), localDate: "2026-03-14", distanceM: 10000, durationS: 3300, effort: 7 },
      { ...base, startedAt: at("2026-03-18", "10:35:00"), localDate: "2026-03-18", distanceM: 6000, durationS: 1920, effort: 8, hasPain: true },
    ]);
    await insertPractice(t.db, [
      {
        ...base,
        performedAt: at("2026-03-07", "08:45:00"),
        localDate: "2026-03-07",
        runId: runIds[0]!,
        entries: [
          { drillId: s.back, assignmentVersionId: s.versions[s.back]!, side: "left", value: 18 },
          { drillId: s.back, assignmentVersionId: s.versions[s.back]!, side: "right", value: 18 },
          { drillId: s.hop, assignmentVersionId: s.versions[s.hop]!, side: "left", value: 20 },
          { drillId: s.hop, assignmentVersionId: s.versions[s.hop]!, side: "right", value: 20 },
        ],
      },
      {
        ...base,
        performedAt: at("2026-03-11", "07:45:00"),
        localDate: "2026-03-11",
        entries: [{ drillId: s.hop, assignmentVersionId: s.versions[s.hop]!, side: "left", value: 22 }],
      },
    ]);
    // The pure reference's view of the same sessions.
    for (const [date] of holds) {
      sessions.push({ localDate: date, performedAt: at(date, "07:30:00"), runId: null, drillIds: date === "2026-03-13" || date === "2026-03-14" ? [s.knee] : [s.knee, s.back] });
    }
    sessions.push({ localDate: "2026-03-12", performedAt: at("2026-03-12", "19:00:00"), runId: null, drillIds: [s.knee] });
    sessions.push({ localDate: "2026-03-07", performedAt: at("2026-03-07", "08:45:00"), runId: runIds[0]!, drillIds: [s.back, s.hop] });
    sessions.push({ localDate: "2026-03-11", performedAt: at("2026-03-11", "07:45:00"), runId: null, drillIds: [s.hop] });
  });

  const bests = (): DailyBest[] => holds.map(([d, l, r]) => (d === "2026-03-12" ? { localDate: d, left: 29, right: 24 } : { localDate: d, left: l, right: r }));

  it("computes best, last, rolling averages, trend and the chart series as rolling.ts does", async () => {
    const result = await clientProgression(t.db, s.studio.studioId, s.studio.clientA.clientId, NOW);
    const knee = result.drills.find((d) => d.drillId === s.knee)!;
    const expected = computeProgress(bests(), TODAY);
    for (const side of ["left", "right"] as const) {
      const got = knee.progress[side];
      const want = expected[side];
      expect({ ...got, rolling7: round(got.rolling7), rolling28: round(got.rolling28), trend: { ...got.trend, recent: round(got.trend.recent), previous: round(got.trend.previous), changePercent: r2(got.trend.changePercent) } }).toEqual({
        ...want,
        rolling7: round(want.rolling7),
        rolling28: round(want.rolling28),
        trend: { ...want.trend, recent: round(want.trend.recent), previous: round(want.trend.previous), changePercent: r2(want.trend.changePercent) },
      });
    }
    // By hand: best left 36 on the 20th; 7-day left mean over the 14th, 16th–20th = (31+32+33+34+35+36)/6 = 33.5.
    expect(knee.progress.left.best).toBe(36);
    expect(knee.progress.left.rolling7).toEqual({ average: 33.5, days: 6 });
    expect(knee.progress.left.trend.label).toBe("improving");
    const series = rollingSeries(bests(), addDays(TODAY, -89), TODAY);
    expect(knee.series.map(({ asymmetry: _, ...p }) => mapNumbers(p, r2))).toEqual(series.map((p) => mapNumbers(p, r2)));
    // Asymmetry of the 7-day averages: left 33.5, right (25+26+26+27+28+28)/6 = 26.67 → 20.4% (above 15): right is weaker.
    expect(knee.asymmetry?.isFlagged).toBe(true);
    expect(knee.asymmetry?.weakerSide).toBe("right");
    expect(r2(knee.asymmetry?.percent ?? null)).toBe(r2(((33.5 - 160 / 6) / 33.5) * 100));
    expect(knee.series.find((p) => p.localDate === "2026-03-02")?.asymmetry).toBeCloseTo(10);
  });

  it("counts prescribed against done per day and week, with streaks, as adherence.ts does", async () => {
    const sql = (await adherenceFor(t.db, s.studio.studioId, [s.studio.clientA.clientId], NOW, { recentDays: 19 })).get(s.studio.clientA.clientId)!;
    const pureAssignments = [
      { drillId: s.knee, prescription: { schedule: { daily: true, beforeRun: false }, startDate: START, endDate: null }, pauses: [] },
      { drillId: s.back, prescription: { schedule: { daily: true, beforeRun: true }, startDate: START, endDate: null }, pauses: [] },
      { drillId: s.hop, prescription: { schedule: { daily: false, beforeRun: true }, startDate: START, endDate: null }, pauses: [] },
    ];
    const runs = [
      { id: runIds[0]!, localDate: "2026-03-07", startedAt: at("2026-03-07", "09:00:00") },
      { id: runIds[1]!, localDate: "2026-03-11", startedAt: at("2026-03-11", "08:30:00") },
      { id: runIds[2]!, localDate: "2026-03-14", startedAt: at("2026-03-14", "10:00:00") },
      { id: runIds[3]!, localDate: "2026-03-18", startedAt: at("2026-03-18", "10:35:00") },
    ];
    const days = computeDailyAdherence({ assignments: pureAssignments, sessions, runs, from: START, to: TODAY });
    expect(sql.days).toEqual(days.map(({ occurrences: _, ...d }) => d));
    expect(sql.weeks).toEqual(summarizeWeeks(days));
    expect(sql.streaks).toEqual(computeStreaks(days, TODAY));
    // By hand: on the 11th the 07:30 session (Knee Drive, Back Rotations) and the 07:45 Hopping both fall in the
    // two hours before the 08:30 run, so both before-run drills count; on the 18th the 07:30 session is 3 h early.
    expect(sql.days.find((d) => d.localDate === "2026-03-11")).toMatchObject({ dailyPrescribed: 2, dailyDone: 2, prescribed: 4, done: 4, status: "complete" });
    expect(sql.days.find((d) => d.localDate === "2026-03-18")).toMatchObject({ dailyPrescribed: 2, dailyDone: 2, prescribed: 4, done: 2 });
    expect(sql.streaks).toMatchObject({ current: 5, currentStartedOn: "2026-03-16", longest: 5, isTodayDone: true });
  });

  it("sets each week's drills beside its runs", async () => {
    const result = await clientProgression(t.db, s.studio.studioId, s.studio.clientA.clientId, NOW);
    const adherence = (await adherenceFor(t.db, s.studio.studioId, [s.studio.clientA.clientId], NOW)).get(s.studio.clientA.clientId)!;
    const expected = weeklyRunning(adherence.weeks, [
      { localDate: "2026-03-07", distanceM: 8000, durationSeconds: 2640, effort: 6, hasPain: false },
      { localDate: "2026-03-11", distanceM: 5000, durationSeconds: 1500, effort: 5, hasPain: false },
      { localDate: "2026-03-14", distanceM: 10000, durationSeconds: 3300, effort: 7, hasPain: false },
      { localDate: "2026-03-18", distanceM: 6000, durationSeconds: 1920, effort: 8, hasPain: true },
    ]);
    expect(result.running.weeks).toEqual(expected);
    expect(result.running.summary.status).toBe("not_enough_data");
    expect(result.running.summary.message).toContain("so far");
  });

  it("keeps distances in metres and paces per km whatever the reader's unit; only the unit named changes", async () => {
    const km = await clientProgression(t.db, s.studio.studioId, s.studio.clientA.clientId, NOW);
    const mi = await clientProgression(t.db, s.studio.studioId, s.studio.clientA.clientId, NOW, { distanceUnit: "mi" });
    expect(km.distanceUnit).toBe("km");
    expect(mi.distanceUnit).toBe("mi");
    expect(mi.running.weeks).toEqual(km.running.weeks);
  });

  it("exports sessions, entries and runs as CSV", async () => {
    const chunks: string[] = [];
    for await (const chunk of exportCsv(t.db, s.studio.studioId, s.studio.clientA.clientId, "runs")) chunks.push(chunk);
    const lines = chunks.join("").trim().split("\r\n");
    expect(lines[0]).toBe("run_id,started_at_utc,local_date,distance_m,distance_km,duration_s,pace_per_km,effort,pain,pain_where,note");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(",2026-03-07T09:00:00Z,2026-03-07,8000,8.00,2640,5:30,6,no,,");
    // For a reader in miles: the same stored metres, plus miles and the pace per mile.
    const inMiles: string[] = [];
    for await (const chunk of exportCsv(t.db, s.studio.studioId, s.studio.clientA.clientId, "runs", "mi")) inMiles.push(chunk);
    const mileLines = inMiles.join("").trim().split("\r\n");
    expect(mileLines[0]).toBe("run_id,started_at_utc,local_date,distance_m,distance_mi,duration_s,pace_per_mi,effort,pain,pain_where,note");
    expect(mileLines[1]).toContain(",2026-03-07T09:00:00Z,2026-03-07,8000,4.97,2640,8:51,6,no,,");
    const entries: string[] = [];
    for await (const chunk of exportCsv(t.db, s.studio.studioId, s.studio.clientA.clientId, "entries")) entries.push(chunk);
    expect(entries.join("").trim().split("\r\n")).toHaveLength(1 + 15 * 2 + 13 * 2 + 2 + 4 + 1);
  });
});

const unlocksOf = async (clientId: string) =>
  (await t.db.select({ drillId: unlockEvents.drillId, metOn: unlockEvents.metOn }).from(unlockEvents).where(eq(unlockEvents.clientId, clientId))).map((e) => [e.drillId, e.metOn]);

describe("the progress CSV", () => {
  it("writes a drill note holding a comma, a quote and a leading = as one quoted cell a spreadsheet will not run", async () => {
    const s = await setUp();
    const { studioId, clientA } = s.studio;
    await insertPractice(t.db, [
      {
        studioId,
        clientId: clientA.clientId,
        performedAt: at("2026-03-19", "07:00:00"),
        localDate: "2026-03-19",
        entries: [{ drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "left" as const, value: 30 }],
      },
    ]);
    await t.db.update(practiceEntries).set({ note: '=HYPERLINK("x"), then "ouch"' }).where(eq(practiceEntries.clientId, clientA.clientId));
    const chunks: string[] = [];
    for await (const chunk of exportCsv(t.db, studioId, clientA.clientId, "entries")) chunks.push(chunk);
    const [header, row, ...rest] = chunks.join("").split("\r\n");
    expect(header).toBe("session_id,performed_at_utc,local_date,drill,set,side,value,contact_feel,note");
    expect(row).toMatch(/,2026-03-19T07:00:00Z,2026-03-19,Knee Drive,1,left,30\.0,,"'=HYPERLINK\(""x""\), then ""ouch"""$/);
    expect(rest).toEqual([""]);
  });
});

/** Knee Drive held 35 s left and 31 s right on 14–18 March: its rule (30 s, 5 of 7 days) met on the 18th. */
async function holdKneeDriveOnFiveDays(s: Pick<Setup, "studio" | "knee" | "versions">) {
  const days = ["2026-03-14", "2026-03-15", "2026-03-16", "2026-03-17", "2026-03-18"];
  await insertPractice(
    t.db,
    days.map((d) => ({
      studioId: s.studio.studioId,
      clientId: s.studio.clientA.clientId,
      performedAt: at(d, "07:00:00"),
      localDate: d,
      entries: [
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "left" as const, value: 35 },
        { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "right" as const, value: 31 },
      ],
    })),
  );
}

describe("mastery and automatic unlocks", () => {
  it("after a session, a drill with two prerequisites stays locked while only the logged one is met", async () => {
    const s = await setUp();
    const { studioId, clientA } = s.studio;
    // Hopping also needs Back Rotations: 15 reps a side on 3 days of the last 7, never logged here.
    await t.db.insert(drillPrerequisites).values({ studioId, drillId: s.hop, requiresDrillId: s.back, minValuePerSide: 15, requiredDays: 3, windowDays: 7 });
    await holdKneeDriveOnFiveDays(s);
    expect(await recordUnlocksFor(t.db, studioId, clientA.clientId, TODAY, { requiring: [s.knee] })).toEqual([]);
    expect(await recordUnlocksFor(t.db, studioId, clientA.clientId, TODAY)).toEqual([]);
    const progress = await clientProgression(t.db, studioId, clientA.clientId, NOW);
    expect(progress.mastery.find((m) => m.drillId === s.hop)?.lock.isUnlocked).toBe(false);
  });

  it("unlocks Hopping once the rule is met, records it once, keeps it when the rule lapses, and tells the trainer", async () => {
    const s = await setUp();
    const { studioId, clientA } = s.studio;
    await holdKneeDriveOnFiveDays(s);
    const dayBefore = await recordUnlocksFor(t.db, studioId, clientA.clientId, "2026-03-17");
    expect(dayBefore).toEqual([]);
    const recorded = await recordUnlocksFor(t.db, studioId, clientA.clientId, TODAY);
    expect(recorded.map((r) => [r.drillId, r.metOn])).toEqual([[s.hop, "2026-03-18"]]);
    expect(await recordUnlocksFor(t.db, studioId, clientA.clientId, TODAY)).toEqual([]);

    // Three weeks later nothing qualifies in the window: the rule lapsed, Hopping stays open.
    const later = await clientProgression(t.db, studioId, clientA.clientId, new Date("2026-04-10T12:00:00Z"));
    const hopping = later.mastery.find((m) => m.drillId === s.hop)!;
    expect(hopping.lock).toMatchObject({ isUnlocked: true, reason: "mastered" });
    expect(hopping.lock.progress[0]).toMatchObject({ everMet: true, evaluation: { isMet: false } });
    expect(hopping.unlockedOn).toBe("2026-03-18");

    const client = callerFor(t.db, clientA.userId, { now: () => NOW });
    const notices = await client.progression.unlockNotices();
    expect(notices.map((n) => n.drillName)).toEqual(["Hopping"]);
    await client.progression.dismissUnlock({ unlockId: notices[0]!.id });
    expect(await client.progression.unlockNotices()).toEqual([]);
    const today = await client.portal.today();
    expect(today.drills.find((d) => d.drill.id === s.hop)?.lock.isUnlocked ?? true).toBe(true);

    const queue = await progressionAttention(t.db, { studioId, now: NOW });
    expect(queue.find((i) => i.kind === "unlocked")).toMatchObject({ clientId: clientA.clientId, summary: expect.stringContaining("Hopping unlocked") });
    const [event] = await t.db.select().from(unlockEvents).where(and(eq(unlockEvents.clientId, clientA.clientId)));
    expect(event?.metOn).toBe("2026-03-18");
  });

  it("records nothing when progress or the notices are read: the next session of Knee Drive records the unlock", async () => {
    const s = await setUp();
    const { clientA } = s.studio;
    // Written as facts (as the seed does), so no logging step has recorded anything yet.
    await holdKneeDriveOnFiveDays(s);
    const client = callerFor(t.db, clientA.userId, { now: () => NOW });
    const progress = await client.progression.mine();
    expect(progress.mastery.find((m) => m.drillId === s.hop)).toMatchObject({ lock: { isUnlocked: true, reason: "mastered" }, unlockedOn: "2026-03-18", isRecorded: false });
    expect(await client.progression.unlockNotices()).toEqual([]);
    expect(await unlocksOf(clientA.clientId)).toEqual([]);

    const knee = (side: "left" | "right") => ({ drillId: s.knee, setNumber: 1, side, value: 25 });
    await client.session.log({ id: randomUUID(), performedAt: at(TODAY, "07:00:00"), context: "standalone", runId: null, effort: 5, hasPain: false, painWhere: null, note: null, entries: [knee("left"), knee("right")] });
    expect((await client.progression.unlockNotices()).map((n) => [n.drillName, n.metOn])).toEqual([["Hopping", "2026-03-18"]]);
  });

  it("records the unlock as Hopping is assigned to a client who has already mastered Knee Drive", async () => {
    const studio = await createTestStudio(t.db, "progression");
    const knee = await builtInDrillId(t.db, studio.studioId, "knee-drive");
    const hop = await builtInDrillId(t.db, studio.studioId, "hopping");
    await holdKneeDriveOnFiveDays({ studio, knee, versions: { [knee]: await assign(studio, knee, { daily: true, beforeRun: false }, "hold") } });
    expect(await unlocksOf(studio.clientA.clientId)).toEqual([]);
    await assign(studio, hop, { daily: false, beforeRun: true }, "contacts");
    expect(await unlocksOf(studio.clientA.clientId)).toEqual([[hop, "2026-03-18"]]);
  });

  it("records the unlock as a rule the client already meets is set; a recorded unlock does not outlive a harder rule", async () => {
    const s = await setUp();
    const { studioId, clientA } = s.studio;
    await holdKneeDriveOnFiveDays(s);
    const trainer = callerFor(t.db, s.studio.trainer.userId, { now: () => NOW });
    const client = callerFor(t.db, clientA.userId, { now: () => NOW });
    const setRule = (minValuePerSide: number) => trainer.drill.setPrerequisite({ drillId: s.hop, requiresDrillId: s.knee, rule: { minValuePerSide, requiredDays: 5, windowDays: 7 } });
    await setRule(30);
    expect(await unlocksOf(clientA.clientId)).toEqual([[s.hop, "2026-03-18"]]);

    // 40 s a side was never held: Hopping locks again, in the trainer's list and on the client's Progress,
    // though its unlock stays recorded (the notice already shown is history).
    await setRule(40);
    const listed = await trainer.assignment.forClient({ clientId: clientA.clientId });
    expect(listed.assignments.find((a) => a.drill.id === s.hop)?.lock).toMatchObject({ isUnlocked: false, reason: "locked" });
    const progress = await client.progression.mine();
    expect(progress.mastery.find((m) => m.drillId === s.hop)).toMatchObject({ lock: { isUnlocked: false, reason: "locked" }, isRecorded: true });
    expect(await recordUnlocksFor(t.db, studioId, clientA.clientId, TODAY)).toEqual([]);
  });

  it("flags asymmetry above the studio's threshold, and not once the trainer raises it", async () => {
    const s = await setUp();
    const { studioId, clientA, trainer } = s.studio;
    await insertPractice(t.db, [
      {
        studioId,
        clientId: clientA.clientId,
        performedAt: at("2026-03-19", "07:00:00"),
        localDate: "2026-03-19",
        entries: [
          { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "left", value: 40 },
          { drillId: s.knee, assignmentVersionId: s.versions[s.knee]!, side: "right", value: 30 },
        ],
      },
    ]);
    const flagged = await progressionAttention(t.db, { studioId, now: NOW });
    expect(flagged.find((i) => i.kind === "asymmetry")?.summary).toBe("Left and right differ by 25% in Knee Drive (7-day average; right is weaker).");
    const overview = await callerFor(t.db, trainer.userId, { now: () => NOW }).progression.overview({});
    expect(overview.rows.find((r) => r.clientId === clientA.clientId)).toMatchObject({ asymmetry: { drillName: "Knee Drive", weakerSide: "right" }, lastActivityAt: at("2026-03-19", "07:00:00") });
    // A page by name reads only its own rows' figures: the same figures as the whole overview's.
    for (const sort of ["name", "last"] as const) {
      const { page } = await callerFor(t.db, trainer.userId, { now: () => NOW }).progression.overviewPage({ sort, size: 100 });
      expect(new Map(page.rows.map((r) => [r.clientId, r]))).toEqual(new Map(overview.rows.map((r) => [r.clientId, r])));
    }
    await callerFor(t.db, trainer.userId).progression.setAsymmetryThreshold({ asymmetryThresholdPercent: 30 });
    expect((await progressionAttention(t.db, { studioId, now: NOW })).filter((i) => i.kind === "asymmetry")).toEqual([]);
    const refused = await callerFor(t.db, trainer.userId).progression.setAsymmetryThreshold({ asymmetryThresholdPercent: 0 }).catch((e: unknown) => e);
    expect(String(refused)).toContain("whole percentage from 1 to 100");
    void assignments;
  });
});

function round(w: { average: number | null; days: number }) {
  return { average: w.average === null ? null : Math.round(w.average * 1000) / 1000, days: w.days };
}
function r2(n: number | null): number | null {
  return n === null ? null : Math.round(n * 1000) / 1000;
}
function mapNumbers<T extends Record<string, unknown>>(o: T, f: (n: number | null) => number | null): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "number" || v === null ? f(v as number | null) : v])) as T;
}
