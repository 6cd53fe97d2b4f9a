import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAnswers, type CheckinAnswer } from "@/lib/checkins/answers";
import { PAIN_PLACES, PAIN_SIDES, type CheckinQuestion, type PainScore } from "@/lib/checkins/vocabulary";
import { addDays } from "@/lib/local-date";
import { clients } from "@/server/db/schema";
import { builtInForm, scheduleCheckin } from "~test/checkin-fixtures";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { painReadingsOf } from "./pain-readings";
import { evaluatePainCondition, newestFirst, type PainReading } from "./pain-rules";
import { storeResponse } from "./store-response";

const t = setupTestDatabase();

/** Answers every question of a form; pain maps get `pain` (one score per place and side). */
function answersTo(questions: readonly CheckinQuestion[], pain: readonly PainScore[]): CheckinAnswer[] {
  return questions.map((q): CheckinAnswer => {
    const answer =
      q.kind === "pain_map"
        ? { kind: "pain_map" as const, value: [...pain] }
        : q.kind === "scale"
          ? { kind: "scale" as const, value: 7 }
          : q.kind === "yes_no"
            ? { kind: "yes_no" as const, value: false }
            : q.kind === "choice"
              ? { kind: "choice" as const, value: q.options.kind === "choice" ? q.options.choices[0]! : "" }
              : q.kind === "number"
                ? { kind: "number" as const, value: 8 }
                : { kind: "text" as const, value: "" };
    return { questionId: q.id, answer };
  });
}

// One place and side at most once per pain map, as the form sends it.
const painMap = fc.uniqueArray(fc.record({ place: fc.constantFrom(...PAIN_PLACES), side: fc.constantFrom(...PAIN_SIDES), score: fc.integer({ min: 0, max: 10 }) }), {
  selector: (s) => `${s.place}:${s.side}`,
  maxLength: 5,
});
const day = fc.record({
  form: fc.constantFrom("morning" as const, "morning" as const, "weekly" as const),
  pain: painMap,
  // Minutes after 06:00; some check-ins share an instant, so ties are ordered too.
  minute: fc.constantFrom(0, 0, 30, 95),
});
const history = fc.array(day, { maxLength: 14 });
const condition = fc.record({ maxScore: fc.integer({ min: 0, max: 9 }), checkins: fc.integer({ min: 1, max: 12 }) });
const places = fc.subarray([...PAIN_PLACES], { minLength: 1 });

describe("painReadingsOf: the SQL that feeds the pain rules", () => {
  it("gives the rules what the in-memory history gives them, for random histories", async () => {
    const studio = await createTestStudio(t.db, "pain-readings");
    const morning = await builtInForm(t.db, studio.studioId, "morning-check-in");
    const weekly = await builtInForm(t.db, studio.studioId, "weekly-review");
    const intake = await builtInForm(t.db, studio.studioId, "health-intake");
    await fc.assert(
      fc.asyncProperty(history, condition, places, async (days, c, p) => {
        const [client] = await t.db.insert(clients).values({ studioId: studio.studioId, coachId: studio.trainer.memberId, name: "Random history", email: `r-${randomUUID()}@example.test` }).returning();
        const clientId = client!.id;
        const { schedule: morningSchedule } = await scheduleCheckin(t.db, studio, { clientId, startsOn: "2026-11-01" });
        const { schedule: weeklySchedule } = await scheduleCheckin(t.db, studio, { key: "weekly-review", clientId, cadence: "weekly", startsOn: "2026-11-01" });
        // The intake's injuries are not a check-in: a sore knee there never counts.
        const intakeChecked = checkAnswers(intake.questions, answersTo(intake.questions, [{ place: "knee", side: "left", score: 9 }]));
        expect(intakeChecked.issues).toEqual([]);
        await storeResponse(t.db, { studioId: studio.studioId, clientId, responseId: randomUUID(), formId: intake.form.id, kind: "intake", scheduleId: null, dueOn: null, localDate: "2026-10-31", checked: intakeChecked, now: new Date("2026-10-31T09:00:00Z") });
        const inMemory: PainReading[] = [];
        for (const [i, d] of days.entries()) {
          const dueOn = addDays("2026-11-01", i);
          const form = d.form === "morning" ? morning : weekly;
          const checked = checkAnswers(form.questions, answersTo(form.questions, d.pain));
          expect(checked.issues).toEqual([]);
          const now = new Date(Date.parse(`${dueOn}T06:00:00Z`) + d.minute * 60_000 - (d.minute === 95 ? 86_400_000 : 0));
          const responseId = randomUUID();
          await storeResponse(t.db, { studioId: studio.studioId, clientId, responseId, formId: form.form.id, kind: "checkin", scheduleId: d.form === "morning" ? morningSchedule.id : weeklySchedule.id, dueOn, localDate: dueOn, checked, now });
          if (d.form === "morning") inMemory.push({ responseId, localDate: dueOn, answeredAt: now, formTitle: "Morning check-in", scores: d.pain.filter((s) => s.score > 0) });
        }
        const fromSql = await painReadingsOf(t.db, studio.studioId, clientId, { limit: c.checkins });
        const sortScores = (r: PainReading) => ({ ...r, scores: r.scores.toSorted((a, b) => `${a.place}${a.side}`.localeCompare(`${b.place}${b.side}`)) });
        expect(fromSql.map(sortScores)).toEqual(newestFirst(inMemory).slice(0, c.checkins).map(sortScores));
        expect(evaluatePainCondition(c, p, fromSql)).toEqual(evaluatePainCondition(c, p, inMemory));
      }),
      { numRuns: 12 },
    );
  });

  it("reads one client of one studio only", async () => {
    const studio = await createTestStudio(t.db, "pain-readings-scope");
    const other = await createTestStudio(t.db, "pain-readings-other");
    const { form, questions, schedule } = await scheduleCheckin(t.db, studio, { startsOn: "2026-12-01" });
    const checked = checkAnswers(questions, answersTo(questions, [{ place: "shin", side: "left", score: 4 }]));
    await storeResponse(t.db, { studioId: studio.studioId, clientId: studio.clientA.clientId, responseId: randomUUID(), formId: form.id, kind: "checkin", scheduleId: schedule.id, dueOn: "2026-12-03", localDate: "2026-12-03", checked, now: new Date("2026-12-03T07:00:00Z") });
    expect(await painReadingsOf(t.db, studio.studioId, studio.clientA.clientId, { limit: 5 })).toHaveLength(1);
    expect(await painReadingsOf(t.db, studio.studioId, studio.clientB.clientId, { limit: 5 })).toEqual([]);
    expect(await painReadingsOf(t.db, other.studioId, studio.clientA.clientId, { limit: 5 })).toEqual([]);
    expect(await painReadingsOf(t.db, studio.studioId, studio.clientA.clientId, { limit: 0 })).toEqual([]);
  });
});
