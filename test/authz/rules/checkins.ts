import { and, eq, isNull } from "drizzle-orm";
import { checkinSchedules } from "@/server/db/schema";
import { builtInForm } from "../../checkin-fixtures";
import { freshProgram, runnersFoundationId } from "../../drill-fixtures";
import type { Db } from "@/server/db/client";
import type { TestStudio } from "../../factories";
import { TRAINERS, type ProcedureRules } from "../roles";

// Check-in schedules. A client's are the trainers' who see the client (a trainer who sees only
// their own clients cannot schedule for another coach's client, nor stop that schedule); a
// programme's are the studio's, like the programme.

/** Stops the client's live schedule of a form, so the next call can schedule it again. */
async function freeForm(db: Db, studio: TestStudio, key: "morning-check-in" | "weekly-review") {
  const { form } = await builtInForm(db, studio.studioId, key);
  await db
    .update(checkinSchedules)
    .set({ endedAt: new Date() })
    .where(and(eq(checkinSchedules.studioId, studio.studioId), eq(checkinSchedules.formId, form.id), eq(checkinSchedules.clientId, studio.clientA.clientId), isNull(checkinSchedules.endedAt)));
  return form;
}

export const checkinRules: ProcedureRules = {
  "checkinSchedule.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "checkinSchedule.forProgram": { allowed: TRAINERS, clientScoped: false, input: async (f) => ({ programId: await runnersFoundationId(f.db, f.home.studioId) }) },
  "checkinSchedule.scheduleForClient": {
    allowed: TRAINERS,
    clientScoped: true,
    input: async (f) => {
      const form = await freeForm(f.db, f.home, "morning-check-in");
      return { clientId: f.home.clientA.clientId, formId: form.id, cadence: "daily", weekday: null, atTime: "07:00", startsOn: null };
    },
  },
  "checkinSchedule.scheduleForProgram": {
    allowed: TRAINERS,
    clientScoped: false,
    input: async (f) => {
      const { form } = await builtInForm(f.db, f.home.studioId, "weekly-review");
      return { programId: (await freshProgram(f.db, f.home)).id, formId: form.id, cadence: "weekly", weekday: 7, atTime: "18:00", startsOn: null };
    },
  },
  "checkinSchedule.end": {
    allowed: TRAINERS,
    clientScoped: true,
    input: async (f) => {
      const form = await freeForm(f.db, f.home, "weekly-review");
      const [row] = await f.db
        .insert(checkinSchedules)
        .values({ studioId: f.home.studioId, formId: form.id, clientId: f.home.clientA.clientId, cadence: "weekly", weekday: 1, atTime: "08:00", startsOn: "2026-01-05" })
        .returning({ id: checkinSchedules.id });
      return { scheduleId: row!.id };
    },
  },
};
