import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { checkinForms, checkinSchedules } from "@/server/db/schema";
import { zoneOf } from "@/server/dates/zones";
import { ensureBuiltInCheckinForms } from "@/server/checkins/forms";
import { isoWeekday } from "@/server/checkins/occurrences";
import { addDays, localDateIn } from "@/lib/local-date";
import type { SeededStudio } from "./studio";

/**
 * Check-ins Morgan asks in the demo: Chidi answers the morning check-in each day (from two
 * weeks back) and a weekly review on the weekday the demo was made, so Today has both to
 * answer (e2e/checkin-answer.e2e.ts answers them, online and offline).
 */
export async function seedCheckins(db: Db, studio: SeededStudio, now = new Date()): Promise<void> {
  await ensureBuiltInCheckinForms(db, studio.studioId);
  const forms = await db
    .select({ id: checkinForms.id, key: checkinForms.builtInKey })
    .from(checkinForms)
    .where(and(eq(checkinForms.studioId, studio.studioId), inArray(checkinForms.builtInKey, ["morning-check-in", "weekly-review"])));
  const formId = (key: string) => forms.find((f) => f.key === key)!.id;
  const chidi = studio.clientIdByEmail.get("chidi@stride.test")!;
  const morgan = studio.memberIdByEmail.get("morgan@stride.test")!;
  const today = localDateIn(now, await zoneOf(db, studio.studioId, { clientId: chidi }));
  await db.insert(checkinSchedules).values([
    { studioId: studio.studioId, formId: formId("morning-check-in"), clientId: chidi, cadence: "daily", weekday: null, atTime: "07:00", startsOn: addDays(today, -14), createdByMemberId: morgan },
    { studioId: studio.studioId, formId: formId("weekly-review"), clientId: chidi, cadence: "weekly", weekday: isoWeekday(today), atTime: "18:00", startsOn: addDays(today, -14), createdByMemberId: morgan },
  ]);
}
