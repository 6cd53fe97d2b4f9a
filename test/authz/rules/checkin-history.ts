import { and, eq, isNull } from "drizzle-orm";
import { checkinSchedules } from "@/server/db/schema";
import { builtInForm, scheduleCheckin } from "../../checkin-fixtures";
import { storeAnswers } from "../../checkin-answer-fixtures";
import { CLIENTS, TRAINERS, type AuthzFixture, type ProcedureRules, type Role } from "../roles";

// A check-in answered by client A is A's and their trainers': client B naming it, or another
// studio's trainer, finds nothing.
const CLIENT_A_AND_TRAINERS: readonly Role[] = ["clientA", "trainer", "owner"];

let day = 0;
/** A fresh morning check-in answered by client A (one is answered once a day: each call takes a day of its own). */
export async function anAnsweredCheckin(f: AuthzFixture) {
  const { form, questions } = await builtInForm(f.db, f.home.studioId, "morning-check-in");
  const [live] = await f.db
    .select()
    .from(checkinSchedules)
    .where(and(eq(checkinSchedules.studioId, f.home.studioId), eq(checkinSchedules.formId, form.id), eq(checkinSchedules.clientId, f.home.clientA.clientId), isNull(checkinSchedules.endedAt)));
  const schedule = live ?? (await scheduleCheckin(f.db, f.home, { startsOn: "2026-01-01" })).schedule;
  day += 1;
  const localDate = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const response = await storeAnswers(f.db, { studioId: f.home.studioId, clientId: f.home.clientA.clientId, form, questions, scheduleId: schedule.id, localDate, pain: [{ place: "knee", side: "left", score: 2 }] });
  return { responseId: response.id };
}

export const checkinHistoryRules: ProcedureRules = {
  "checkinHistory.mine": { allowed: CLIENTS, input: () => ({}) },
  "checkinHistory.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "checkinHistory.response": { allowed: CLIENT_A_AND_TRAINERS, clientScoped: true, input: anAnsweredCheckin },
};
