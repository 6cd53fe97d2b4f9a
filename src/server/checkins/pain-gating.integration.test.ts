import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkAnswers } from "@/lib/checkins/answers";
import type { PainScore } from "@/lib/checkins/vocabulary";
import { addDays } from "@/lib/local-date";
import { assignmentVersions, assignments, notifications, unlockEvents } from "@/server/db/schema";
import { overrideLock, setAssignmentStatus, todayFor } from "@/server/drills/assignments";
import { lockStatesFor } from "@/server/drills/locks";
import { setDrillPainPlaces, setPrerequisite } from "@/server/drills/service";
import { logSession } from "@/server/training/service";
import { DEFAULT_MASTERY_RULE } from "@/lib/drills/vocabulary";
import { scheduleCheckin } from "~test/checkin-fixtures";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { refusalOf } from "~test/refusal";
import { createTestStudio, type TestStudio } from "~test/factories";
import { sampleSession, withFoundation, type FoundationDrills } from "~test/training-fixtures";
import { afterCheckinAnswered } from "./after-answer";
import { setPainPauseAbove } from "./pain-settings";
import { storeResponse } from "./store-response";

const t = setupTestDatabase();
const NOW = new Date("2026-12-03T12:00:00Z");

async function setUp(who: "clientA" | "clientB" = "clientA", studio?: TestStudio) {
  const s = studio ?? (await createTestStudio(t.db, "pain-gating"));
  const drills = await withFoundation(t.db, s, who, NOW);
  const morning = await scheduleCheckin(t.db, s, { clientId: s[who].clientId, startsOn: "2026-11-20" });
  return { studio: s, drills, morning, clientId: s[who].clientId };
}

type SetUp = Awaited<ReturnType<typeof setUp>>;

/** The client answers the morning check-in due on `day` (at 07:30 UTC, London), pain as given; the hook runs in the same transaction. */
async function answerMorning(s: SetUp, day: string, pain: PainScore[] = []) {
  const answers = s.morning.questions.map((q) => ({
    questionId: q.id,
    answer: q.kind === "pain_map" ? { kind: "pain_map" as const, value: pain } : q.kind === "scale" ? { kind: "scale" as const, value: 7 } : { kind: "text" as const, value: "" },
  }));
  const checked = checkAnswers(s.morning.questions, answers);
  expect(checked.issues).toEqual([]);
  const now = new Date(`${day}T07:30:00Z`);
  return t.db.transaction(async (tx) => {
    const { response } = await storeResponse(tx, { studioId: s.studio.studioId, clientId: s.clientId, responseId: randomUUID(), formId: s.morning.form.id, kind: "checkin", scheduleId: s.morning.schedule.id, dueOn: day, localDate: day, checked, now });
    return afterCheckinAnswered(tx, { studioId: s.studio.studioId, clientId: s.clientId, responseId: response.id, localDate: day, painScores: checked.painScores, now });
  });
}

async function statusOf(assignmentDrill: string, clientId: string) {
  const [row] = await t.db.select({ status: assignments.status, id: assignments.id }).from(assignments).where(and(eq(assignments.clientId, clientId), eq(assignments.drillId, assignmentDrill)));
  return row!;
}

/** Knee Drive held 35 s a side on the 5 days before 3 December: mastered by the default rule. */
async function masterKneeDrive(s: SetUp, drills: FoundationDrills) {
  for (const day of ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"]) {
    const now = new Date(`${day}T18:00:00Z`);
    await logSession(t.db, s.studio.studioId, s.clientId, sampleSession(drills, now, { entries: [
      { drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 35 },
      { drillId: drills.kneeDrive, setNumber: 1, side: "right", value: 35 },
    ] }), now);
  }
}

const leftKnee = (score: number): PainScore => ({ place: "knee", side: "left", score });

describe("afterCheckinAnswered: pain above the studio's threshold pauses the drills that load the place", () => {
  it("a 6 at the left knee pauses Knee Drive and Hopping, not Back Rotations; the version keeps the reason; coach and client are told", async () => {
    const s = await setUp();
    const { paused } = await answerMorning(s, "2026-12-03", [leftKnee(6)]);
    expect(paused.map((p) => p.drillName).toSorted()).toEqual(["Hopping", "Knee Drive"]);
    const reason = "pain 6/10 at the left knee in the morning check-in of 3 December (the studio pauses above 5).";
    expect(paused.every((p) => p.reason === reason)).toBe(true);

    expect((await statusOf(s.drills.kneeDrive, s.clientId)).status).toBe("paused");
    expect((await statusOf(s.drills.hopping, s.clientId)).status).toBe("paused");
    expect((await statusOf(s.drills.backRotations, s.clientId)).status).toBe("active");

    const knee = await statusOf(s.drills.kneeDrive, s.clientId);
    const versions = await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.assignmentId, knee.id));
    const latest = versions.toSorted((a, b) => b.version - a.version)[0]!;
    expect(latest).toMatchObject({ version: 2, action: "paused", status: "paused", changedByMemberId: null, reason });

    const told = await t.db.select().from(notifications).where(and(eq(notifications.studioId, s.studio.studioId), eq(notifications.kind, "drill_paused")));
    expect(told.map((n) => n.userId).toSorted()).toEqual([s.studio.trainer.userId, s.studio.clientA.userId].toSorted());
    const coach = told.find((n) => n.userId === s.studio.trainer.userId)!;
    expect(coach.title).toContain("paused");
    expect(coach.body).toContain("pain 6/10 at the left knee");
    expect(coach.url).toBe(`/dashboard/clients/${s.clientId}`);

    // The client's Today says why.
    const today = await todayFor(t.db, s.studio.studioId, s.clientId, NOW);
    expect(today.paused.find((p) => p.drillName === "Knee Drive")?.reason).toBe(reason);
  });

  it("a 5 pauses nothing (the studio pauses above 5); a studio that pauses above 4 does", async () => {
    const s = await setUp();
    expect((await answerMorning(s, "2026-12-02", [leftKnee(5)])).paused).toEqual([]);
    expect((await statusOf(s.drills.kneeDrive, s.clientId)).status).toBe("active");
    await setPainPauseAbove(t.db, s.studio.studioId, s.studio.owner.memberId, 4, NOW);
    expect((await answerMorning(s, "2026-12-03", [leftKnee(5)])).paused.map((p) => p.drillName).toSorted()).toEqual(["Hopping", "Knee Drive"]);
  });

  it("a paused drill is not paused twice, and one the trainer resumed is paused again by the next pain", async () => {
    const s = await setUp();
    await answerMorning(s, "2026-12-01", [{ place: "shin", side: "right", score: 8 }]);
    const hopping = await statusOf(s.drills.hopping, s.clientId);
    expect(hopping.status).toBe("paused");
    expect((await answerMorning(s, "2026-12-02", [{ place: "shin", side: "right", score: 9 }])).paused).toEqual([]);
    const versions = await t.db.select().from(assignmentVersions).where(eq(assignmentVersions.assignmentId, hopping.id));
    expect(versions.filter((v) => v.action === "paused")).toHaveLength(1);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.studio.trainer.userId), eq(notifications.kind, "drill_paused")));
    expect(told).toHaveLength(1);

    await setAssignmentStatus(t.db, s.studio.studioId, s.studio.trainer.memberId, { assignmentId: hopping.id, action: "resume" });
    expect((await answerMorning(s, "2026-12-03", [{ place: "shin", side: "right", score: 7 }])).paused.map((p) => p.drillName)).toEqual(["Hopping"]);
  });
});

describe("a prerequisite with a pain condition", () => {
  it("mastered but pain 3 in the last 5 check-ins: locked; 5 clean check-ins: unlocks, recorded once", async () => {
    const s = await setUp();
    await setPrerequisite(t.db, s.studio.studioId, { drillId: s.drills.hopping, requiresDrillId: s.drills.kneeDrive, rule: { ...DEFAULT_MASTERY_RULE }, painCondition: { maxScore: 2, checkins: 5 } }, NOW);
    await masterKneeDrive(s, s.drills);
    const lockOn = async (day: string) => (await lockStatesFor(t.db, s.studio.studioId, s.clientId, [s.drills.hopping], day)).get(s.drills.hopping)!;
    expect((await lockOn("2026-11-30")).isUnlocked).toBe(false);

    await answerMorning(s, "2026-11-28", [leftKnee(3)]);
    for (const day of ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]) await answerMorning(s, day, day === "2026-12-01" ? [leftKnee(2)] : []);
    const locked = await lockOn("2026-12-02");
    expect(locked).toMatchObject({ isUnlocked: false, reason: "locked" });
    expect(locked.progress[0]).toMatchObject({ everMet: true, isSatisfied: false, painRequirement: "pain at foot, ankle, shin, calf or knee ≤ 2 on each side in the last 5 check-ins" });
    expect(locked.progress[0]!.pain).toMatchObject({ counted: 4, needed: 5, stillNeeded: 1, worst: { left: 3, right: 0 } });
    expect(await t.db.select().from(unlockEvents).where(eq(unlockEvents.clientId, s.clientId))).toEqual([]);

    await answerMorning(s, "2026-12-03");
    const events = await t.db.select().from(unlockEvents).where(eq(unlockEvents.clientId, s.clientId));
    expect(events.map((e) => [e.drillId, e.metOn])).toEqual([[s.drills.hopping, "2026-12-03"]]);
    expect(await lockOn("2026-12-03")).toMatchObject({ isUnlocked: true, reason: "mastered" });

    // Recorded: later pain (below the pause threshold) does not lock it again.
    await answerMorning(s, "2026-12-04", [leftKnee(4)]);
    expect(await lockOn("2026-12-04")).toMatchObject({ isUnlocked: true });
    expect(await t.db.select().from(unlockEvents).where(eq(unlockEvents.clientId, s.clientId))).toHaveLength(1);
  });

  it("clean check-ins without mastery stay locked; the trainer's override still unlocks", async () => {
    const s = await setUp();
    await setPrerequisite(t.db, s.studio.studioId, { drillId: s.drills.hopping, requiresDrillId: s.drills.kneeDrive, rule: { ...DEFAULT_MASTERY_RULE }, painCondition: { maxScore: 2, checkins: 1 } }, NOW);
    await answerMorning(s, "2026-12-03");
    const lock = async () => (await lockStatesFor(t.db, s.studio.studioId, s.clientId, [s.drills.hopping], "2026-12-03")).get(s.drills.hopping)!;
    expect((await lock()).isUnlocked).toBe(false);
    await overrideLock(t.db, s.studio.studioId, s.studio.trainer.memberId, { clientId: s.clientId, drillId: s.drills.hopping, reason: "Cleared by the physio" });
    expect(await lock()).toMatchObject({ isUnlocked: true, reason: "override" });
  });

  it("a drill that loads no place: the condition only asks for the check-ins", async () => {
    const s = await setUp();
    await setPrerequisite(t.db, s.studio.studioId, { drillId: s.drills.hopping, requiresDrillId: s.drills.kneeDrive, rule: { ...DEFAULT_MASTERY_RULE }, painCondition: { maxScore: 0, checkins: 2 } }, NOW);
    await masterKneeDrive(s, s.drills);
    await setDrillPainPlaces(t.db, s.studio.studioId, { drillId: s.drills.hopping, places: [] }, NOW);
    await answerMorning(s, addDays("2026-12-03", -1), [leftKnee(4)]);
    expect((await t.db.select().from(unlockEvents).where(eq(unlockEvents.clientId, s.clientId)))).toEqual([]);
    await answerMorning(s, "2026-12-03", [leftKnee(4)]);
    expect((await t.db.select().from(unlockEvents).where(eq(unlockEvents.clientId, s.clientId))).map((e) => e.drillId)).toEqual([s.drills.hopping]);
  });
});

describe("the trainer's settings for pain", () => {
  it("built-in drills load their places; a trainer sets a drill's places and a pain condition; bad input gets a sentence and changes nothing", async () => {
    const s = await createTestStudio(t.db, "pain-settings");
    const trainer = callerFor(t.db, s.trainer.userId, { now: () => NOW });
    const library = await trainer.drill.list();
    expect(Object.fromEntries(library.map((d) => [d.slug, d.painPlaces]))).toEqual({
      "knee-drive": ["foot", "ankle", "knee", "hip"],
      "back-rotations": ["lower_back"],
      hopping: ["foot", "ankle", "shin", "calf", "knee"],
    });
    const hopping = library.find((d) => d.slug === "hopping")!;
    const knee = library.find((d) => d.slug === "knee-drive")!;
    expect(hopping.prerequisites[0]!.painCondition).toBeNull();

    const set = (painCondition: unknown) => trainer.drill.setPrerequisite({ drillId: hopping.id, requiresDrillId: knee.id, rule: { ...DEFAULT_MASTERY_RULE }, painCondition: painCondition as never });
    expect((await refusalOf(set({ maxScore: 10, checkins: 5 }), "drill.setPrerequisite")).fields).toEqual({ "painCondition.maxScore": "Enter the highest pain allowed as a whole number from 0 to 9." });
    expect((await refusalOf(set({ maxScore: 2, checkins: 0 }), "drill.setPrerequisite")).fields).toEqual({ "painCondition.checkins": "Enter how many of the last check-ins count as a whole number from 1 to 30." });
    expect((await refusalOf(set({ maxScore: 2.5, checkins: null }), "drill.setPrerequisite")).fields).toMatchObject({ "painCondition.maxScore": expect.any(String), "painCondition.checkins": expect.any(String) });
    expect((await trainer.drill.get({ drillId: hopping.id })).prerequisites[0]!.painCondition).toBeNull();
    expect((await set({ maxScore: 2, checkins: 5 })).prerequisites[0]!.painCondition).toEqual({ maxScore: 2, checkins: 5 });

    expect((await refusalOf(trainer.drill.setPainPlaces({ drillId: hopping.id, places: ["shin", "elbow" as never] }), "drill.setPainPlaces")).fields).toEqual({ "places.1": "Tick the places from the list." });
    expect((await refusalOf(trainer.drill.setPainPlaces({ drillId: hopping.id, places: ["shin", "shin"] }), "drill.setPainPlaces")).fields).toEqual({ places: "Tick each place once." });
    expect((await trainer.drill.setPainPlaces({ drillId: hopping.id, places: ["shin", "calf"] })).painPlaces).toEqual(["shin", "calf"]);
    // A copy keeps the places and the pain condition.
    const copy = await trainer.drill.copy({ drillId: hopping.id });
    expect(copy).toMatchObject({ painPlaces: ["shin", "calf"], prerequisites: [{ painCondition: { maxScore: 2, checkins: 5 } }] });
  });

  it("the owner sets the pause threshold from 1 to 9; a trainer may not", async () => {
    const s = await createTestStudio(t.db, "pain-threshold");
    const owner = callerFor(t.db, s.owner.userId, { now: () => NOW });
    expect((await owner.progression.settings()).painPauseAbove).toBe(5);
    for (const bad of [0, 10, 4.5]) {
      expect((await refusalOf(owner.progression.setPainPauseAbove({ painPauseAbove: bad }), "progression.setPainPauseAbove")).fields).toEqual({ painPauseAbove: "Enter the pain score above which drills pause, a whole number from 1 to 9." });
    }
    await owner.progression.setPainPauseAbove({ painPauseAbove: 7 });
    expect((await owner.progression.settings()).painPauseAbove).toBe(7);
    const trainer = callerFor(t.db, s.trainer.userId, { now: () => NOW });
    expect((await refusalOf(trainer.progression.setPainPauseAbove({ painPauseAbove: 3 }), "progression.setPainPauseAbove")).code).toBe("FORBIDDEN");
  });

  it("the trainer's client page lists an automatic pause as Stride's, with the reason", async () => {
    const s = await setUp();
    await answerMorning(s, "2026-12-03", [leftKnee(7)]);
    const trainer = callerFor(t.db, s.studio.trainer.userId, { now: () => NOW });
    const { assignments: listed } = await trainer.assignment.forClient({ clientId: s.clientId });
    const knee = listed.find((a) => a.drill.name === "Knee Drive")!;
    expect(knee.pausedBy?.reason).toBe("pain 7/10 at the left knee in the morning check-in of 3 December (the studio pauses above 5).");
    expect(knee.history[0]).toMatchObject({ action: "paused", changedByMemberId: null, changedByName: null });
    await trainer.assignment.setStatus({ assignmentId: knee.id, action: "resume" });
    const after = (await trainer.assignment.forClient({ clientId: s.clientId })).assignments.find((a) => a.drill.name === "Knee Drive")!;
    expect(after).toMatchObject({ status: "active", pausedBy: null });
  });
});
