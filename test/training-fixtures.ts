import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { applyProgram } from "@/server/drills/assignments";
import { addDays, localDateIn } from "@/lib/local-date";
import { logRun, logSession } from "@/server/training/service";
import type { LogSessionInput } from "@/lib/session-input";
import { builtInDrillId, runnersFoundationId } from "./drill-fixtures";
import type { TestStudio } from "./factories";

export type FoundationDrills = { kneeDrive: string; backRotations: string; hopping: string };

/** Runner's foundation for one client of the studio, started 30 days ago (applying again adds nothing). */
export async function withFoundation(db: Db, studio: TestStudio, who: "clientA" | "clientB" = "clientA", now = new Date()): Promise<FoundationDrills> {
  await applyProgram(
    db,
    studio.studioId,
    studio.trainer.memberId,
    { programId: await runnersFoundationId(db, studio.studioId), clientIds: [studio[who].clientId], startDate: addDays(localDateIn(now, "Europe/London"), -30) },
    now,
  );
  return {
    kneeDrive: await builtInDrillId(db, studio.studioId, "knee-drive"),
    backRotations: await builtInDrillId(db, studio.studioId, "back-rotations"),
    hopping: await builtInDrillId(db, studio.studioId, "hopping"),
  };
}

/** A valid session of Knee Drive (both sides) and Back Rotations, done an hour before `now`. */
export function sampleSession(drills: FoundationDrills, now = new Date(), overrides: Partial<LogSessionInput> = {}): LogSessionInput {
  return {
    id: randomUUID(),
    performedAt: new Date(now.getTime() - 3_600_000),
    context: "standalone",
    runId: null,
    effort: 6,
    hasPain: false,
    painWhere: null,
    note: "Felt steady.",
    entries: [
      { drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 32.5 },
      { drillId: drills.kneeDrive, setNumber: 1, side: "right", value: 28 },
      { drillId: drills.backRotations, setNumber: 1, side: "left", value: 18 },
      { drillId: drills.backRotations, setNumber: 1, side: "right", value: 17 },
    ],
    ...overrides,
  };
}

/** A fresh session logged by client A (Runner's foundation applied first). */
export async function freshSession(db: Db, studio: TestStudio, now = new Date()) {
  const drills = await withFoundation(db, studio, "clientA", now);
  const session = sampleSession(drills, now);
  await logSession(db, studio.studioId, studio.clientA.clientId, session, now);
  return { sessionId: session.id, drills, session };
}

/** A fresh 5 km run of client A, started two hours before `now`. */
export async function freshRun(db: Db, studio: TestStudio, now = new Date()) {
  const id = randomUUID();
  await logRun(db, studio.studioId, studio.clientA.clientId, { id, startedAt: new Date(now.getTime() - 7_200_000), distance: { value: 5, unit: "km" }, durationSeconds: 1800, effort: 5, hasPain: false, painWhere: null, note: null }, now);
  return { runId: id };
}
