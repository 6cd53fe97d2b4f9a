import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAnswers, type CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion, PainScore } from "@/lib/checkins/vocabulary";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import type { Db } from "@/server/db/client";
import { assignments, checkinResponses, clients, runs } from "@/server/db/schema";
import { listStudioAttention } from "@/server/review/studio-attention";
import { builtInForm, scheduleCheckin, type BuiltInFormKey } from "~test/checkin-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { withFoundation } from "~test/training-fixtures";
import { autoPausedSource, intakeRedFlagSource, latestPainReadings, missedCheckinSource, risingPainSource } from "./attention-source";
import { risingPainTrends, type PainReading } from "./pain-trend";
import { storeResponse } from "./store-response";

const t = setupTestDatabase();

// Tuesday 31 March 2026, noon in London (BST since Sunday's spring-forward).
const NOW = new Date("2026-03-31T11:00:00Z");
const ZONE = "Europe/London";

/** Every question answered plainly: no to each yes/no (unless in `yes`), nothing hurting unless `pain` says where. */
function answersTo(questions: readonly CheckinQuestion[], options: { yes?: string[]; pain?: PainScore[] } = {}): CheckinAnswer[] {
  return questions.flatMap((q): CheckinAnswer[] => {
    const o = q.options;
    switch (o.kind) {
      case "scale":
        return [{ questionId: q.id, answer: { kind: "scale", value: 6 } }];
      case "choice":
        return [{ questionId: q.id, answer: { kind: "choice", value: o.choices[0]! } }];
      case "yes_no":
        return [{ questionId: q.id, answer: { kind: "yes_no", value: options.yes?.some((p) => q.prompt.includes(p)) ?? false } }];
      case "number":
        return [{ questionId: q.id, answer: { kind: "number", value: o.min + 1 } }];
      case "text":
        return [];
      case "pain_map":
        return [{ questionId: q.id, answer: { kind: "pain_map", value: options.pain ?? [] } }];
    }
  });
}

async function answer(db: Db, studio: TestStudio, input: { key: BuiltInFormKey; clientId: string; at: Date; scheduleId?: string; dueOn?: LocalDate; yes?: string[]; pain?: PainScore[] }) {
  const { form, questions } = await builtInForm(db, studio.studioId, input.key);
  const checked = checkAnswers(questions, answersTo(questions, input));
  expect(checked.issues).toEqual([]);
  const responseId = randomUUID();
  await db.transaction((tx) =>
    storeResponse(tx, {
      studioId: studio.studioId,
      clientId: input.clientId,
      responseId,
      formId: form.id,
      kind: form.kind,
      scheduleId: input.scheduleId ?? null,
      dueOn: input.dueOn ?? null,
      localDate: localDateIn(input.at, ZONE),
      checked,
      now: input.at,
    }),
  );
  return responseId;
}

const morning = (day: number) => new Date(Date.UTC(2026, 2, day, 6, 30));
const scope = (studio: TestStudio, coachId: string | null = null, now = NOW) => ({ studioId: studio.studioId, now, coachId });

describe("the intake's red flags", () => {
  let studio: TestStudio;
  beforeAll(async () => {
    studio = await createTestStudio(t.db, "red-flags");
    // Client B is coached by the owner, not the trainer.
    await t.db.update(clients).set({ coachId: studio.owner.memberId }).where(eq(clients.id, studio.clientB.clientId));
  });

  it("names the red flags answered yes, shortly, and goes once the trainer clears them", async () => {
    const id = await answer(t.db, studio, { key: "health-intake", clientId: studio.clientA.clientId, at: morning(30), yes: ["heart condition", "medication"] });
    const items = await intakeRedFlagSource(t.db)(scope(studio));
    expect(items).toEqual([
      {
        kind: "intake_red_flag",
        key: `intake_red_flag:${id}`,
        clientId: studio.clientA.clientId,
        clientName: studio.clientA.name,
        at: morning(30),
        summary: "Answered yes to: heart condition or high blood pressure; medication for a long-term condition. Read and clear before they start.",
        href: `/dashboard/clients/${studio.clientA.clientId}`,
      },
    ]);
    await t.db.update(checkinResponses).set({ clearedAt: NOW, clearedByMemberId: studio.trainer.memberId }).where(eq(checkinResponses.id, id));
    expect(await intakeRedFlagSource(t.db)(scope(studio))).toEqual([]);
  });

  it("an intake with no yes is not an item; another coach's client is not in the trainer's queue", async () => {
    await answer(t.db, studio, { key: "health-intake", clientId: studio.clientB.clientId, at: morning(29), yes: ["pregnant"] });
    const other = await createTestStudio(t.db, "red-flags-other");
    await answer(t.db, other, { key: "health-intake", clientId: other.clientA.clientId, at: morning(29) });
    expect(await intakeRedFlagSource(t.db)(scope(other))).toEqual([]);
    expect((await intakeRedFlagSource(t.db)(scope(studio))).map((i) => i.clientId)).toEqual([studio.clientB.clientId]);
    expect(await intakeRedFlagSource(t.db)(scope(studio, studio.trainer.memberId))).toEqual([]);
    expect((await intakeRedFlagSource(t.db)(scope(studio, studio.owner.memberId))).map((i) => i.summary)).toEqual(["Answered yes to: pregnancy or a recent birth. Read and clear before they start."]);
  });
});

describe("rising pain by place and side", () => {
  let studio: TestStudio;
  beforeAll(async () => {
    studio = await createTestStudio(t.db, "rising-pain");
    await t.db.update(clients).set({ coachId: studio.owner.memberId }).where(eq(clients.id, studio.clientB.clientId));
  });

  it("one item while the left knee keeps rising, keyed by client, place and side", async () => {
    const a = studio.clientA.clientId;
    await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(26), pain: [{ place: "knee", side: "left", score: 1 }] });
    await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(27), pain: [{ place: "knee", side: "left", score: 3 }, { place: "knee", side: "right", score: 2 }] });
    // A weekly review asks no pain map: it is not one of the three.
    await answer(t.db, studio, { key: "weekly-review", clientId: a, at: morning(27) });
    const third = await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(28), pain: [{ place: "knee", side: "left", score: 5 }, { place: "knee", side: "right", score: 2 }] });
    const key = `rising_pain:${a}:knee:left`;
    expect(await risingPainSource(t.db)(scope(studio))).toEqual([
      { kind: "rising_pain", key, clientId: a, clientName: studio.clientA.name, at: morning(28), summary: "Left knee pain rising: 1 → 3 → 5 over the last 3 check-ins.", href: `/dashboard/clients/${a}/progress` },
    ]);
    expect(third).toBeTruthy();
    await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(29), pain: [{ place: "knee", side: "left", score: 6 }] });
    const next = await risingPainSource(t.db)(scope(studio));
    expect(next.map((i) => [i.key, i.summary])).toEqual([[key, "Left knee pain rising: 3 → 5 → 6 over the last 3 check-ins."]]);
    // A morning with nothing hurting ends the trend.
    await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(30), pain: [] });
    expect(await risingPainSource(t.db)(scope(studio))).toEqual([]);
  });

  it("respects the coach's scope, and goes stale after two weeks without check-ins", async () => {
    const b = studio.clientB.clientId;
    for (const [day, score] of [[10, 2], [11, 4], [12, 7]] as const) await answer(t.db, studio, { key: "morning-check-in", clientId: b, at: morning(day), pain: [{ place: "lower_back", side: "right", score }] });
    const asOf = new Date("2026-03-20T12:00:00Z");
    expect((await risingPainSource(t.db)(scope(studio, studio.owner.memberId, asOf))).map((i) => i.summary)).toEqual(["Lower back (right) pain rising: 2 → 4 → 7 over the last 3 check-ins."]);
    expect(await risingPainSource(t.db)(scope(studio, studio.trainer.memberId, asOf))).toEqual([]);
    expect(await risingPainSource(t.db)(scope(studio, studio.owner.memberId))).toEqual([]);
  });
});

describe("the SQL of the last three pain readings against the pure rule", () => {
  // A small fixed generator: the same random histories on both databases.
  const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

  it("finds the trends the rule finds over each client's whole history", async () => {
    const next = random(20);
    let found = 0;
    for (let round = 0; round < 3; round++) {
      const studio = await createTestStudio(t.db, `pain-sql-${round}`);
      const all: PainReading[] = [];
      for (const clientId of [studio.clientA.clientId, studio.clientB.clientId]) {
        const count = 1 + Math.floor(next() * 6);
        for (let i = 0; i < count; i++) {
          // Some days have two check-ins (one asked, one the client sent by themselves).
          const at = new Date(Date.UTC(2026, 2, 10 + Math.floor(i * 0.7), 6 + Math.floor(next() * 12), Math.floor(next() * 60)));
          // Biased towards a climb at the left knee, so trends are found as well as missed.
          const pain: PainScore[] = [{ place: "knee", side: "left", score: Math.min(10, 1 + i * 2 + Math.floor(next() * 2)) }];
          if (next() < 0.6) pain.push({ place: "shin", side: "right", score: 1 + Math.floor(next() * 10) });
          if (next() < 0.3) pain.shift();
          const responseId = await answer(t.db, studio, { key: "morning-check-in", clientId, at, pain });
          all.push({ clientId, responseId, localDate: localDateIn(at, ZONE), answeredAt: at, scores: pain });
        }
      }
      const key = (x: { clientId: string; place: string; side: string }) => `${x.clientId}:${x.place}:${x.side}`;
      const sorted = <T extends { clientId: string; place: string; side: string }>(xs: T[]) => xs.sort((x, y) => (key(x) < key(y) ? -1 : 1));
      const fromSql = await latestPainReadings(t.db, { studioId: studio.studioId, coachId: null });
      expect(fromSql.length).toBe([studio.clientA.clientId, studio.clientB.clientId].reduce((n, c) => n + Math.min(3, all.filter((r) => r.clientId === c).length), 0));
      expect(sorted(risingPainTrends(fromSql))).toEqual(sorted(risingPainTrends(all)));
      found += risingPainTrends(all).length;
    }
    // The histories are not all quiet: the comparison saw trends.
    expect(found).toBeGreaterThan(0);
  });
});

describe("a drill the app paused by itself", () => {
  it("is an item until the trainer resumes it; a trainer's own pause is not", async () => {
    const studio = await createTestStudio(t.db, "auto-paused");
    const drills = await withFoundation(t.db, studio, "clientA", NOW);
    const [kneeDrive] = await t.db.select().from(assignments).where(and(eq(assignments.clientId, studio.clientA.clientId), eq(assignments.drillId, drills.kneeDrive)));
    const [rotations] = await t.db.select().from(assignments).where(and(eq(assignments.clientId, studio.clientA.clientId), eq(assignments.drillId, drills.backRotations)));
    const version = async (assignmentId: string, action: "paused" | "resumed", by: string | null, reason: string | null) => {
      await t.db.execute(sql`insert into assignment_versions (studio_id, assignment_id, version, action, status, sets, target_per_side, rep_min, rep_max, daily, before_run, start_date, end_date, notes, changed_by_member_id, reason)
        select studio_id, assignment_id, version + 1, ${action}, ${action === "paused" ? "paused" : "active"}, sets, target_per_side, rep_min, rep_max, daily, before_run, start_date, end_date, notes, ${by}::uuid, ${reason}
        from assignment_versions where assignment_id = ${assignmentId}::uuid order by version desc limit 1`);
      await t.db.execute(sql`update assignments set version = version + 1, status = ${action === "paused" ? "paused" : "active"} where id = ${assignmentId}::uuid`);
    };
    await version(kneeDrive!.id, "paused", null, "pain 6/10 at the left knee in the morning check-in of 31 Mar (the studio pauses above 5).");
    await version(rotations!.id, "paused", studio.trainer.memberId, null);
    const items = await autoPausedSource(t.db)(scope(studio, studio.trainer.memberId));
    expect(items.map((i) => [i.key, i.summary])).toEqual([[`auto_paused:${kneeDrive!.id}`, "Knee Drive paused by itself: pain 6/10 at the left knee in the morning check-in of 31 Mar (the studio pauses above 5)."]]);
    expect(await autoPausedSource(t.db)(scope(studio, studio.owner.memberId))).toEqual([]);
    await version(kneeDrive!.id, "resumed", studio.trainer.memberId, null);
    expect(await autoPausedSource(t.db)(scope(studio))).toEqual([]);
  });
});

describe("a missed weekly check-in", () => {
  let studio: TestStudio;
  let weekly: Awaited<ReturnType<typeof scheduleCheckin>>;
  beforeAll(async () => {
    studio = await createTestStudio(t.db, "missed-checkin");
    await t.db.update(clients).set({ coachId: studio.owner.memberId }).where(eq(clients.id, studio.clientB.clientId));
    // Sundays at 18:00; the one of 29 March (the spring-forward day) can be answered until Tuesday 31.
    weekly = await scheduleCheckin(t.db, studio, { key: "weekly-review", cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: "2026-03-01" });
    // A daily check-in missed is adherence's business, not the queue's.
    await scheduleCheckin(t.db, studio, { key: "morning-check-in", startsOn: "2026-03-01" });
  });

  it("is the last occurrence past its grace days without an answer, one item per schedule, client and day", async () => {
    const a = studio.clientA.clientId;
    const items = await missedCheckinSource(t.db)(scope(studio, studio.trainer.memberId));
    expect(items).toEqual([
      {
        kind: "missed_checkin",
        key: `missed_checkin:${weekly.schedule.id}:${a}:2026-03-22`,
        clientId: a,
        clientName: studio.clientA.name,
        at: new Date("2026-03-22T12:00:00Z"),
        summary: `Did not answer “${weekly.form.title}”.`,
        href: `/dashboard/clients/${a}`,
      },
    ]);
    await answer(t.db, studio, { key: "weekly-review", clientId: a, at: new Date("2026-03-23T19:00:00Z"), scheduleId: weekly.schedule.id, dueOn: "2026-03-22" });
    expect(await missedCheckinSource(t.db)(scope(studio))).toEqual([]);
    // On Wednesday the 29th's grace is over.
    const wednesday = new Date("2026-04-01T11:00:00Z");
    expect((await missedCheckinSource(t.db)(scope(studio, null, wednesday))).map((i) => i.key)).toEqual([`missed_checkin:${weekly.schedule.id}:${a}:2026-03-29`]);
    expect(await missedCheckinSource(t.db)(scope(studio, studio.owner.memberId, wednesday))).toEqual([]);
  });

  it("is in the coach's own queue, and not for a client who has not accepted their invite", async () => {
    const b = studio.clientB.clientId;
    const theirs = await scheduleCheckin(t.db, studio, { key: "weekly-review", clientId: b, cadence: "weekly", weekday: 3, startsOn: "2026-03-01" });
    // Wednesday 25th, answerable until Friday 27th.
    expect((await missedCheckinSource(t.db)(scope(studio, studio.owner.memberId))).map((i) => i.key)).toEqual([`missed_checkin:${theirs.schedule.id}:${b}:2026-03-25`]);
    expect((await missedCheckinSource(t.db)(scope(studio, studio.trainer.memberId))).map((i) => i.clientId)).toEqual([]);
    await t.db.update(clients).set({ status: "invited" }).where(eq(clients.id, b));
    expect(await missedCheckinSource(t.db)(scope(studio, studio.owner.memberId))).toEqual([]);
  });
});

describe("the queue's order", () => {
  it("puts a red flag first, then pain, rising pain and an automatic pause, and missed check-ins beside missed days", async () => {
    const studio = await createTestStudio(t.db, "checkin-order");
    const a = studio.clientA.clientId;
    const drills = await withFoundation(t.db, studio, "clientA", NOW);
    await scheduleCheckin(t.db, studio, { key: "weekly-review", cadence: "weekly", weekday: 7, startsOn: "2026-03-01" });
    await t.db.insert(runs).values({ id: randomUUID(), studioId: studio.studioId, clientId: a, startedAt: morning(30), localDate: "2026-03-30", distanceM: 5000, durationS: 1800, source: "typed", hasPain: true, painWhere: "left shin" });
    for (const [day, score] of [[28, 1], [29, 2], [30, 4]] as const) await answer(t.db, studio, { key: "morning-check-in", clientId: a, at: morning(day), pain: [{ place: "shin", side: "left", score }] });
    const [hopping] = await t.db.select().from(assignments).where(and(eq(assignments.clientId, a), eq(assignments.drillId, drills.hopping)));
    await t.db.execute(sql`insert into assignment_versions (studio_id, assignment_id, version, action, status, sets, target_per_side, rep_min, rep_max, daily, before_run, start_date, end_date, changed_by_member_id, reason)
        select studio_id, assignment_id, version + 1, 'paused', 'paused', sets, target_per_side, rep_min, rep_max, daily, before_run, start_date, end_date, null, 'pain 6/10 at the left shin.'
        from assignment_versions where assignment_id = ${hopping!.id}::uuid order by version desc limit 1`);
    await t.db.execute(sql`update assignments set version = version + 1, status = 'paused' where id = ${hopping!.id}::uuid`);
    await answer(t.db, studio, { key: "health-intake", clientId: a, at: morning(20), yes: ["chest"] });

    const kinds = (await listStudioAttention(t.db, studio.studioId, NOW, { coachId: studio.trainer.memberId })).map((i) => i.kind);
    const ours = kinds.filter((k) => ["intake_red_flag", "pain", "rising_pain", "auto_paused", "missed_days", "missed_checkin"].includes(k));
    expect(kinds[0]).toBe("intake_red_flag");
    expect(ours).toEqual(["intake_red_flag", "pain", "rising_pain", "auto_paused", ...(ours.includes("missed_days") ? ["missed_days"] : []), "missed_checkin"]);
  });
});
