import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { inviteClient } from "@/server/clients/service";
import type { Db } from "@/server/db/client";
import { drills, programs } from "@/server/db/schema";
import { createAssignment, overrideLock } from "@/server/drills/assignments";
import type { DrillFieldsInput } from "@/server/drills/inputs";
import { drillFieldsInput } from "@/server/drills/inputs";
import { createProgram } from "@/server/drills/programs";
import { createDrill, ensureBuiltIns, setPrerequisite } from "@/server/drills/service";
import type { BuiltInDrillSlug } from "@/server/drills/catalogue";
import { DEFAULT_MASTERY_RULE } from "@/lib/drills/vocabulary";
import { addDays, localDateIn } from "@/lib/local-date";
import type { TestStudio } from "./factories";

/** The id of a built-in drill in this studio's library. */
export async function builtInDrillId(db: Db, studioId: string, slug: BuiltInDrillSlug): Promise<string> {
  await ensureBuiltIns(db, studioId);
  const [row] = await db.select({ id: drills.id }).from(drills).where(and(eq(drills.studioId, studioId), eq(drills.slug, slug)));
  return row!.id;
}

export async function runnersFoundationId(db: Db, studioId: string): Promise<string> {
  await ensureBuiltIns(db, studioId);
  const [row] = await db.select({ id: programs.id }).from(programs).where(and(eq(programs.studioId, studioId), eq(programs.slug, "runners-foundation")));
  return row!.id;
}

export const sampleDrillFields: DrillFieldsInput = {
  name: "Single-leg calf raise",
  purpose: "Stronger calves for the push-off.",
  steps: ["Stand on one leg at the edge of a step.", "Rise onto your toes, then lower slowly."],
  cues: ["Slow on the way down."],
  level: "foundation",
  measure: "reps",
  perSide: true,
  defaultPrescription: { sets: 2, repMin: 10, repMax: 15, schedule: { daily: true, beforeRun: false } },
};

/** A fresh studio drill (optionally requiring Knee Drive to be mastered first). */
export async function freshDrill(db: Db, studio: TestStudio, options: { requiresKneeDrive?: boolean } = {}) {
  const drill = await createDrill(db, studio.studioId, studio.trainer.memberId, drillFieldsInput.parse({ ...sampleDrillFields, name: `Drill ${randomUUID().slice(0, 6)}` }));
  if (options.requiresKneeDrive) {
    await setPrerequisite(db, studio.studioId, {
      drillId: drill.id,
      requiresDrillId: await builtInDrillId(db, studio.studioId, "knee-drive"),
      rule: { ...DEFAULT_MASTERY_RULE },
    }, new Date());
  }
  return drill;
}

export const samplePrescription = {
  sets: 1,
  targetPerSide: null,
  repMin: 15,
  repMax: 20,
  schedule: { daily: true, beforeRun: false },
  // A month back, so it stays within the dates a trainer may type (dates/typed-date.ts) whenever the tests run.
  startDate: addDays(localDateIn(new Date(), "Europe/London"), -30),
  endDate: null,
};

/** A fresh assignment of a fresh drill to client A. */
export async function freshAssignment(db: Db, studio: TestStudio) {
  const drill = await freshDrill(db, studio);
  return createAssignment(db, studio.studioId, studio.trainer.memberId, { clientId: studio.clientA.clientId, drillId: drill.id, prescription: samplePrescription }, new Date());
}

/** A fresh early unlock for client A, of a fresh drill that requires Knee Drive. */
export async function freshOverride(db: Db, studio: TestStudio) {
  const drill = await freshDrill(db, studio, { requiresKneeDrive: true });
  await overrideLock(db, studio.studioId, studio.trainer.memberId, { clientId: studio.clientA.clientId, drillId: drill.id, reason: "Cleared by physio" });
  return { clientId: studio.clientA.clientId, drillId: drill.id };
}

export async function freshProgram(db: Db, studio: TestStudio) {
  const drill = await freshDrill(db, studio);
  return createProgram(db, studio.studioId, studio.trainer.memberId, {
    name: `Program ${randomUUID().slice(0, 6)}`,
    description: "",
    items: [{ drillId: drill.id, prescription: { sets: 1, targetPerSide: null, repMin: 10, repMax: 12, schedule: { daily: true, beforeRun: false } } }],
  });
}

/** A fresh invited client of the studio (no login yet). */
export async function freshInvitedClient(db: Db, studio: TestStudio, now = new Date()) {
  return inviteClient(
    db,
    { studioId: studio.studioId, memberId: studio.trainer.memberId, role: "trainer" },
    { name: "Invited Runner", email: `invited-${randomUUID().slice(0, 8)}@example.test` },
    { now, appUrl: "http://localhost:3000" },
  );
}
