import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/server/db/client";
import { assignments, assignmentVersions, checkinForms, checkinSchedules, drills, programs } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { zoneOf } from "@/server/dates/zones";
import { applyProgram } from "@/server/drills/assignments";
import { recordUnlocksFor } from "@/server/drills/locks";
import { getDrill, setPrerequisite } from "@/server/drills/service";
import { answerCheckin } from "@/server/checkins/answer-service";
import { ensureBuiltInCheckinForms, liveQuestionsOf } from "@/server/checkins/forms";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import type { CheckinAnswer } from "@/lib/checkins/answers";
import type { CheckinQuestion, PainScore } from "@/lib/checkins/vocabulary";
import { insertPractice, markReviewedBefore, type PracticeRecord } from "./practice-history";
import type { SeededStudio } from "./studio";

/**
 * Harbour Track Club's coach runs the method the physiotherapist's way: Hopping unlocks when
 * Knee Drive is mastered *and* morning pain at the places Hopping loads has been ≤ 2 on each
 * side in the last 5 check-ins; pain above 5 pauses a drill. Each runner answers the morning
 * check-in; today's is left for them:
 * - Uma has mastered Knee Drive, but a sore left shin five mornings ago keeps Hopping locked
 *   until one more clean morning (e2e/pain-gated-progression.e2e.ts answers it).
 * - Vic met both and hops; her knee is about to complain (the same story pauses her drills).
 * Everything goes through the app's own writers: the programme, the logs, the check-ins.
 */
export async function seedPainGate(db: Db, other: SeededStudio, now = new Date()): Promise<void> {
  const { studioId } = other;
  const rosa = other.memberIdByEmail.get("rosa@harbour.test")!;
  const idOf = async (table: typeof drills | typeof programs, slug: string) => {
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.studioId, studioId), eq(table.slug, slug)));
    return row!.id;
  };
  const knee = await idOf(drills, "knee-drive");
  const hopping = await idOf(drills, "hopping");
  const prerequisite = (await getDrill(db, studioId, hopping)).prerequisites[0]!;
  await setPrerequisite(
    db,
    studioId,
    {
      drillId: hopping,
      requiresDrillId: knee,
      rule: prerequisite.rule,
      painCondition: { maxScore: 2, checkins: 5 },
    },
    now,
  );

  await ensureBuiltInCheckinForms(db, studioId);
  const [morning] = await db.select({ id: checkinForms.id }).from(checkinForms).where(inStudio(checkinForms, studioId, eq(checkinForms.builtInKey, "morning-check-in")));
  const questions = await liveQuestionsOf(db, studioId, morning!.id);
  const foundation = await idOf(programs, "runners-foundation");

  const runners: { email: string; pains: (PainScore[] | null)[] }[] = [
    // Oldest first, one per morning up to yesterday (null: not answered).
    { email: "uma@harbour.test", pains: [null, null, [], [{ place: "shin", side: "left", score: 3 }], [], [], [{ place: "knee", side: "right", score: 1 }], []] },
    { email: "vic@harbour.test", pains: [[], [], [], [{ place: "calf", side: "left", score: 1 }], [], [], [], []] },
  ];
  for (const { email, pains } of runners) {
    const clientId = other.clientIdByEmail.get(email)!;
    const timeZone = await zoneOf(db, studioId, { clientId });
    const today = localDateIn(now, timeZone);
    const at = (date: LocalDate, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toJSDate();
    const start = addDays(today, -pains.length);
    await applyProgram(db, studioId, rosa, { programId: foundation, clientIds: [clientId], startDate: addDays(today, -14) }, now);
    await db.insert(checkinSchedules).values({ studioId, formId: morning!.id, clientId, cadence: "daily", weekday: null, atTime: "07:00", startsOn: start, createdByMemberId: rosa });

    // Knee Drive held past the rule's 30 s on both sides every day of the last week.
    const [kneeVersion] = await db
      .select({ id: assignmentVersions.id })
      .from(assignmentVersions)
      .innerJoin(assignments, eq(assignments.id, assignmentVersions.assignmentId))
      .where(inStudio(assignments, studioId, eq(assignments.clientId, clientId), eq(assignments.drillId, knee)));
    const practice: PracticeRecord[] = [];
    for (let daysAgo = 7; daysAgo >= 1; daysAgo--) {
      const date = addDays(today, -daysAgo);
      const hold = 32 + ((daysAgo * 7) % 5);
      practice.push({
        studioId,
        clientId,
        performedAt: at(date, "07:45"),
        localDate: date,
        entries: [
          { drillId: knee, assignmentVersionId: kneeVersion!.id, side: "left", value: hold },
          { drillId: knee, assignmentVersionId: kneeVersion!.id, side: "right", value: hold - 1 },
        ],
      });
    }
    await insertPractice(db, practice);
    await markReviewedBefore(db, studioId, [clientId], new Date(now.getTime() - 3 * 86_400_000));

    const scheduleId = await scheduleOf(db, studioId, clientId, morning!.id);
    for (const [i, pain] of pains.entries()) {
      if (pain === null) continue;
      const date = addDays(start, i);
      await answerCheckin(db, studioId, clientId, { responseId: randomUUID(), formId: morning!.id, scheduleId, dueOn: date, answers: morningAnswers(questions, pain, i) }, at(date, "07:20"));
    }
    await recordUnlocksFor(db, studioId, clientId, today);
  }
}

async function scheduleOf(db: Db, studioId: string, clientId: string, formId: string) {
  const [row] = await db.select({ id: checkinSchedules.id }).from(checkinSchedules).where(inStudio(checkinSchedules, studioId, eq(checkinSchedules.clientId, clientId), eq(checkinSchedules.formId, formId)));
  return row!.id;
}

/** A morning's answers: feeling and sleep between 6 and 8, the pain given, nothing else to say. */
function morningAnswers(questions: readonly CheckinQuestion[], pain: PainScore[], day: number): CheckinAnswer[] {
  return questions.flatMap((q): CheckinAnswer[] => {
    if (q.kind === "scale") return [{ questionId: q.id, answer: { kind: "scale", value: 6 + ((day + q.prompt.length) % 3) } }];
    if (q.kind === "pain_map") return [{ questionId: q.id, answer: { kind: "pain_map", value: pain } }];
    return [];
  });
}
