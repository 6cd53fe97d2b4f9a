import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Queryable } from "@/server/db/client";
import { checkinForms, type CheckinSchedule, checkinSchedules } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { checkAnswers, type AnswerValue, type CheckinAnswer } from "@/lib/checkins/answers";
import type { PainScore } from "@/lib/checkins/vocabulary";
import { addDays, daysBetween, localDateIn, type LocalDate } from "@/lib/local-date";
import { afterCheckinAnswered } from "@/server/checkins/after-answer";
import { MORNING_FORM, WEEKLY_FORM } from "@/server/checkins/built-in-forms";
import { ensureBuiltInCheckinForms, liveQuestionsOf } from "@/server/checkins/forms";
import { answerableUntil, dueOccurrences, isoWeekday } from "@/server/checkins/occurrences";
import { storeResponse } from "@/server/checkins/store-response";
import { zoneOf } from "@/server/dates/zones";
import { seededRandom } from "./random";
import type { SeededStudio } from "./studio";

/**
 * Check-ins in the demo: Morgan asks the runners on Runner's foundation the morning check-in
 * every day at 07:00, and Dana the weekly review too (Sundays 18:00).
 * - Dana has answered three weeks of mornings (feel 6–8, sleep 5–8, her left knee at 1–2 some
 *   days, one small shin niggle), each through the app's own write path; the last five are all
 *   ≤ 2, so Hopping's pain condition holds for her. Today is left for the demo to answer. Of
 *   her weekly reviews she forgot the latest that has closed, so the queue shows a missed one.
 * - Chidi is asked both from two weeks back, his weekly review on the weekday the demo was made,
 *   so Today has both to answer (e2e/checkin-answer.e2e.ts answers them, online and offline).
 * - Alex, Bea and Eli are asked from today: each has Today's card.
 */
const FROM_TODAY = ["alex@stride.test", "bea@stride.test", "eli@stride.test"] as const;
const DANA_WEEKS = 3;

export async function seedCheckins(db: Queryable, studio: SeededStudio, now = new Date()) {
  const { studioId } = studio;
  const morgan = studio.memberIdByEmail.get("morgan@stride.test")!;
  await ensureBuiltInCheckinForms(db, studioId);
  const formOf = async (key: string) => {
    const [form] = await db.select().from(checkinForms).where(inStudio(checkinForms, studioId, eq(checkinForms.builtInKey, key))).limit(1);
    return { form: form!, questions: await liveQuestionsOf(db, studioId, form!.id) };
  };
  const morning = await formOf(MORNING_FORM.key);
  const weekly = await formOf(WEEKLY_FORM.key);

  const schedule = async (formId: string, clientId: string, timing: Pick<CheckinSchedule, "cadence" | "weekday" | "atTime" | "startsOn">) => {
    const [row] = await db.insert(checkinSchedules).values({ studioId, formId, clientId, ...timing, createdByMemberId: morgan }).returning();
    return row!;
  };

  const danaId = studio.clientIdByEmail.get("dana@stride.test")!;
  const danaZone = await zoneOf(db, studioId, { clientId: danaId });
  const danaToday = localDateIn(now, danaZone);
  const danaStart = addDays(danaToday, -7 * DANA_WEEKS);

  for (const email of FROM_TODAY) {
    const clientId = studio.clientIdByEmail.get(email)!;
    await schedule(morning.form.id, clientId, { cadence: "daily", weekday: null, atTime: "07:00", startsOn: localDateIn(now, await zoneOf(db, studioId, { clientId })) });
  }
  const chidi = studio.clientIdByEmail.get("chidi@stride.test")!;
  const chidiToday = localDateIn(now, await zoneOf(db, studioId, { clientId: chidi }));
  await schedule(morning.form.id, chidi, { cadence: "daily", weekday: null, atTime: "07:00", startsOn: addDays(chidiToday, -14) });
  await schedule(weekly.form.id, chidi, { cadence: "weekly", weekday: isoWeekday(chidiToday), atTime: "18:00", startsOn: addDays(chidiToday, -14) });
  const danaMorning = await schedule(morning.form.id, danaId, { cadence: "daily", weekday: null, atTime: "07:00", startsOn: danaStart });
  const danaWeekly = await schedule(weekly.form.id, danaId, { cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: danaStart });

  const at = (date: LocalDate, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: danaZone }).toJSDate();
  const answer = async (form: typeof morning, scheduleId: string, dueOn: LocalDate, answeredAt: Date, byPrompt: Record<string, AnswerValue>) => {
    const answers: CheckinAnswer[] = form.questions.flatMap((q) => (byPrompt[q.prompt] ? [{ questionId: q.id, answer: byPrompt[q.prompt]! }] : []));
    const checked = checkAnswers(form.questions, answers);
    if (checked.issues.length) throw new Error(`The demo's check-in does not fit its form: ${checked.issues.map((i) => i.message).join(" ")}`);
    const localDate = localDateIn(answeredAt, danaZone);
    // As the answer procedure does: the response and what it changes, in one transaction.
    await db.transaction(async (tx) => {
      const { response } = await storeResponse(tx, { studioId, clientId: danaId, responseId: randomUUID(), formId: form.form.id, kind: "checkin", scheduleId, dueOn, localDate, checked, now: answeredAt });
      await afterCheckinAnswered(tx, { studioId, clientId: danaId, responseId: response.id, localDate, painScores: checked.painScores, now: answeredAt });
    });
  };

  // Dana's mornings, oldest first, up to yesterday: her days in the story (10 days ago, the shin).
  const random = seededRandom(20261203);
  const [feel, sleep, pain, note] = MORNING_FORM.questions.map((q) => q.prompt) as [string, string, string, string];
  const shinDay = addDays(danaToday, -10);
  for (let date = danaStart; date < danaToday; date = addDays(date, 1)) {
    const daysAgo = daysBetween(date, danaToday);
    const scores: PainScore[] = [];
    // The left knee she has always had grumbles some mornings, never above 2.
    if (random() < 0.4) scores.push({ place: "knee", side: "left", score: random() < 0.6 ? 1 : 2 });
    if (date === shinDay) scores.push({ place: "shin", side: "left", score: 3 });
    const byPrompt: Record<string, AnswerValue> = {
      [feel]: { kind: "scale", value: date === shinDay ? 6 : 6 + Math.floor(random() * 3) },
      [sleep]: { kind: "scale", value: 5 + Math.floor(random() * 4) },
      [pain]: { kind: "pain_map", value: scores },
    };
    if (date === shinDay) byPrompt[note] = { kind: "text", value: "Left shin a bit sore on the stairs after yesterday's run." };
    else if (daysAgo === 2) byPrompt[note] = { kind: "text", value: "Legs fresh, looking forward to the hopping." };
    await answer(morning, danaMorning.id, date, at(date, `07:${String(5 + Math.floor(random() * 40)).padStart(2, "0")}`), byPrompt);
  }

  // Her weekly reviews: those whose answering days are over, but for the latest of them.
  const closed = dueOccurrences(danaWeekly, danaZone, danaStart, addDays(danaToday, -1)).filter((o) => answerableUntil("weekly", o.dueOn) < danaToday);
  const [cope, drillsFelt, hours, niggle, nextWeek] = WEEKLY_FORM.questions.map((q) => q.prompt) as [string, string, string, string, string];
  for (const { dueOn } of closed.slice(0, -1)) {
    const hadTheShin = shinDay <= dueOn && shinDay > addDays(dueOn, -7);
    await answer(weekly, danaWeekly.id, dueOn, at(dueOn, "18:40"), {
      [cope]: { kind: "scale", value: hadTheShin ? 6 : 8 },
      [drillsFelt]: { kind: "choice", value: "About right" },
      [hours]: { kind: "number", value: hadTheShin ? 6.5 : 7.5 },
      [niggle]: hadTheShin ? { kind: "yes_no", value: true, detail: "Left shin, one morning after a hard run; gone the next day." } : { kind: "yes_no", value: false },
      ...(hadTheShin ? { [nextWeek]: { kind: "text", value: "Happy to keep the hops short until the shin is quiet." } as const } : {}),
    });
  }
}
