import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { drills, practiceSessions, runs } from "@/server/db/schema";
import { reviewSession } from "@/server/review/service";
import { logRun, logSession } from "@/server/training/service";
import type { LogSessionInput } from "@/lib/session-input";
import type { SeededStudio } from "./studio";

const HOUR = 3_600_000;

/**
 * A few recent logs so the queue and the history show something: Chidi (Knee Drive paused,
 * Back Rotations on) has a reviewed session with Morgan's feedback, an unreviewed one and a
 * run with its warm-up; Bea reported pain in yesterday's session; Eli's run hurt. Weeks of
 * history (Alex's six weeks among them) are the progression seed's job.
 */
export async function seedTraining(db: Queryable, studio: SeededStudio, now = new Date()) {
  const client = (email: string) => studio.clientIdByEmail.get(email)!;
  const morgan = studio.memberIdByEmail.get("morgan@stride.test")!;
  const rows = await db
    .select({ id: drills.id, slug: drills.slug })
    .from(drills)
    .where(and(eq(drills.studioId, studio.studioId), inArray(drills.slug, ["knee-drive", "back-rotations"])));
  const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
  const kneeDrive = id("knee-drive");
  const backRotations = id("back-rotations");
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const session = (hoursAgo: number, entries: [string, "left" | "right", number][], extra: Partial<LogSessionInput> = {}): LogSessionInput => ({
    id: randomUUID(),
    performedAt: ago(hoursAgo),
    context: "standalone",
    runId: null,
    effort: 5,
    hasPain: false,
    painWhere: null,
    note: null,
    entries: entries.map(([drillId, side, value]) => ({ drillId, setNumber: 1, side, value })),
    ...extra,
  });
  const log = async (email: string, input: LogSessionInput) => {
    await logSession(db, studio.studioId, client(email), input, now);
    // Logged when it was done, so the 24-hour window of an older one has closed.
    const at = input.performedAt as Date;
    await db.update(practiceSessions).set({ createdAt: at, updatedAt: at }).where(eq(practiceSessions.id, input.id));
    return input.id;
  };

  const chidiReviewed = await log(
    "chidi@stride.test",
    session(50, [[backRotations, "left", 16], [backRotations, "right", 15]], { effort: 6, note: "Right side feels stiffer." }),
  );
  await reviewSession(db, studio.studioId, morgan, { sessionId: chidiReviewed, feedback: "Good start. Keep the hips square and let the broomstick lead the turn; the right side will loosen with daily sets." }, now);
  await log("chidi@stride.test", session(20, [[backRotations, "left", 18], [backRotations, "right", 17]], { effort: 5 }));

  const chidiRun = randomUUID();
  await logRun(db, studio.studioId, client("chidi@stride.test"), { id: chidiRun, startedAt: ago(3), distance: { value: 6.2, unit: "km" }, durationSeconds: 34 * 60 + 10, effort: 6, hasPain: false, painWhere: null, note: "Easy loop of the park." }, now);
  await log("chidi@stride.test", session(3.2, [[backRotations, "left", 15], [backRotations, "right", 15]], { context: "warmup_before_run", runId: chidiRun, effort: 3 }));

  await log(
    "bea@stride.test",
    // Short holds on a painful day: below the mastery minimum, so Bea stays one qualifying day
    // short of Hopping (the progression story) whatever the time of day the demo is seeded.
    session(26, [[kneeDrive, "left", 24], [kneeDrive, "right", 17], [backRotations, "left", 20], [backRotations, "right", 19]], { effort: 7, hasPain: true, painWhere: "right hip, when turning", note: "Hip pinched on the last reps; cut the holds short." }),
  );

  const eliRun = randomUUID();
  await logRun(db, studio.studioId, client("eli@stride.test"), { id: eliRun, startedAt: ago(40), distance: { value: 12, unit: "km" }, durationSeconds: 62 * 60, effort: 8, hasPain: true, painWhere: "left calf", note: "Tight from 8 km on." }, now);
  await db.update(runs).set({ createdAt: ago(39) }).where(eq(runs.id, eliRun));
}
