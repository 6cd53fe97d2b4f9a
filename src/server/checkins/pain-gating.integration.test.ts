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
import { setupTestDatabase } from "~test/db";
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
    const reason = "Paused: pain 6/10 at the left knee in the morning check-in of 3 December (your studio pauses above 5).";
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
