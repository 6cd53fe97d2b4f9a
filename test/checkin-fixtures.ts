import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { checkinForms, checkinSchedules } from "@/server/db/schema";
import { ensureBuiltInCheckinForms, liveQuestionsOf } from "@/server/checkins/forms";
import type { CheckinCadence } from "@/lib/checkins/vocabulary";
import type { LocalDate } from "@/lib/local-date";
import type { TestStudio } from "./factories";

export type BuiltInFormKey = "health-intake" | "morning-check-in" | "weekly-review";

/** One of the studio's built-in forms, with its live questions. */
export async function builtInForm(db: Db, studioId: string, key: BuiltInFormKey) {
  await ensureBuiltInCheckinForms(db, studioId);
  const [form] = await db.select().from(checkinForms).where(and(eq(checkinForms.studioId, studioId), eq(checkinForms.builtInKey, key))).limit(1);
  if (!form) throw new Error(`built-in form ${key} missing`);
  return { form, questions: await liveQuestionsOf(db, studioId, form.id) };
}

/** A check-in scheduled for one client of the studio (clientA unless said). */
export async function scheduleCheckin(
  db: Db,
  studio: TestStudio,
  options: { key?: BuiltInFormKey; clientId?: string; cadence?: CheckinCadence; weekday?: number | null; atTime?: string; startsOn: LocalDate },
) {
  const { form, questions } = await builtInForm(db, studio.studioId, options.key ?? "morning-check-in");
  const cadence = options.cadence ?? "daily";
  const [schedule] = await db
    .insert(checkinSchedules)
    .values({
      studioId: studio.studioId,
      formId: form.id,
      clientId: options.clientId ?? studio.clientA.clientId,
      cadence,
      weekday: cadence === "weekly" ? (options.weekday ?? 7) : null,
      atTime: options.atTime ?? "07:00",
      startsOn: options.startsOn,
      createdByMemberId: studio.owner.memberId,
    })
    .returning();
  return { form, questions, schedule: schedule! };
}
