import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { inStudioSql } from "@/server/db/tenancy";
import { logger } from "@/server/logger";
import { seedDrills } from "./drills";
import { seedBookings } from "./bookings";
import { seedBilling } from "./billing";
import { seedProgression } from "./progression";
import { isDemoSeeded, seedOtherStudio, seedStudio } from "./studio";
import { seedTraining } from "./training";
import { seedMessageTemplates } from "./message-templates";
import { seedCheckins } from "./checkins";
import { seedIntake } from "./intake";
import { seedPainGate } from "./pain-gate";

/**
 * Seeds the demo studio on an empty database (and only then). Each feature adds its demo
 * data as one more step here, so the demo always shows every feature.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await isDemoSeeded(db)) return false;
  const studio = await seedStudio(db);
  const other = await seedOtherStudio(db);
  await db.transaction((tx) => seedDrills(tx, studio, other));
  await seedBookings(db, studio);
  await seedBilling(db, studio, other);
  await db.transaction((tx) => seedTraining(tx, studio));
  await db.transaction((tx) => seedProgression(tx, studio));
  await seedMessageTemplates(db, studio);
  await db.transaction((tx) => seedCheckins(tx, studio));
  // The seeded histories start weeks back; a client joined no later than their first log.
  await db.execute(sql`
    update clients c set created_at = first.at
    from (
      select client_id, min(at) as at from (
        select client_id, performed_at as at from practice_sessions where ${inStudioSql("practice_sessions", studio.studioId)}
        union all
        select client_id, started_at from runs where ${inStudioSql("runs", studio.studioId)}
      ) logs group by client_id
    ) first
    where ${inStudioSql("c", studio.studioId)} and c.id = first.client_id and first.at < c.created_at`);
  await seedPainGate(db, other);
  await seedIntake(db, [studio, other], new Date());
  logger.info({ studioId: studio.studioId }, "seeded the demo studio");
  return true;
}
