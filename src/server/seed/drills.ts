import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { assignments, clients, drills, programs, users } from "@/server/db/schema";
import { applyProgram, changeAssignment, createAssignment, overrideLock, setAssignmentStatus } from "@/server/drills/assignment-service";
import { addDays, localDateIn } from "@/lib/local-date";
import { createProgram } from "@/server/drills/program-service";
import { copyDrill, createDrill, ensureBuiltIns, updateDrill } from "@/server/drills/service";
import type { SeededStudio } from "./studio";

/**
 * The drill library in use: Runner's foundation applied to most of Morgan's clients, one
 * changed prescription (with history), one paused drill, one early unlock of Hopping, the
 * studio's own drills and program, and the other studio with its own copy of the method.
 */
export async function seedDrills(db: Queryable, studio: SeededStudio, other: SeededStudio, now = new Date()) {
  const member = (email: string) => studio.memberIdByEmail.get(email)!;
  const client = (email: string) => studio.clientIdByEmail.get(email)!;
  const morgan = member("morgan@stride.test");
  const priya = member("priya@stride.test");
  await ensureBuiltIns(db, studio.studioId);
  await ensureBuiltIns(db, other.studioId);
  const idOf = async (studioId: string, table: typeof drills | typeof programs, slug: string) => {
    const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.studioId, studioId), eq(table.slug, slug)));
    return row!.id;
  };
  const foundation = await idOf(studio.studioId, programs, "runners-foundation");
  const backRotations = await idOf(studio.studioId, drills, "back-rotations");
  const kneeDrive = await idOf(studio.studioId, drills, "knee-drive");
  const hopping = await idOf(studio.studioId, drills, "hopping");

  // Started two weeks ago on each client's own calendar.
  const twoWeeksAgo = async (clientId: string) => {
    const [row] = await db.select({ timeZone: users.timeZone }).from(clients).innerJoin(users, eq(users.id, clients.userId)).where(eq(clients.id, clientId));
    return addDays(localDateIn(now, row!.timeZone), -14);
  };
  for (const email of ["alex@stride.test", "bea@stride.test", "chidi@stride.test", "dana@stride.test", "eli@stride.test"]) {
    await applyProgram(db, studio.studioId, morgan, { programId: foundation, clientIds: [client(email)], startDate: await twoWeeksAgo(client(email)) }, now);
  }

  const assignmentOf = async (email: string, drillId: string) => {
    const [row] = await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.clientId, client(email)), eq(assignments.drillId, drillId)));
    return row!.id;
  };
  // Bea moved up: two sets of 18–22 since last week; the first prescription stays in her history.
  await changeAssignment(db, studio.studioId, morgan, {
    assignmentId: await assignmentOf("bea@stride.test", backRotations),
    prescription: {
      sets: 2,
      targetPerSide: null,
      repMin: 18,
      repMax: 22,
      schedule: { daily: true, beforeRun: true },
      startDate: addDays(localDateIn(now, "Europe/London"), -7),
      endDate: null,
      notes: "Two sets now: your turn has opened up nicely.",
    },
  }, now);
  // Chidi rests a sprained ankle: balance work paused.
  await setAssignmentStatus(db, studio.studioId, morgan, { assignmentId: await assignmentOf("chidi@stride.test", kneeDrive), action: "pause" });
  // Dana came from sprinting: Hopping unlocked early, with the reason kept.
  await overrideLock(db, studio.studioId, morgan, {
    clientId: client("dana@stride.test"),
    drillId: hopping,
    reason: "Former 400 m sprinter; single-leg balance checked in person, 45 s each side.",
  });

  // The studio's own drills: one written from scratch, one adapted from a built-in.
  const calfRaise = await createDrill(db, studio.studioId, priya, {
    name: "Single-leg calf raise",
    purpose: "Stronger calves and Achilles for a springier push-off and fewer niggles as mileage grows.",
    steps: [
      "Stand on one foot on the edge of a step, holding a rail for balance.",
      "Rise onto your toes as high as you can.",
      "Lower slowly until your heel is just below the step.",
      "Finish the set, then switch feet.",
    ],
    cues: ["Three seconds on the way down.", "Keep the knee straight but not locked."],
    equipment: [{ name: "A step or stair", isOptional: false, note: "" }],
    level: "intermediate",
    measure: "reps",
    perSide: true,
    recordsContactFeel: false,
    videoUrl: null,
    defaultPrescription: { sets: 2, targetPerSide: null, repMin: 12, repMax: 15, schedule: { daily: true, beforeRun: false } },
  });
  const seated = await copyDrill(db, studio.studioId, priya, backRotations);
  await updateDrill(db, studio.studioId, seated.id, {
    name: "Seated back rotations",
    purpose: "The desk version of Back Rotations, for clients who sit all day: a few turns every hour keep the upper back moving.",
    steps: ["Sit tall at the front of your chair, feet flat.", "Cross your arms over your chest.", "Turn your chest to one side, back through the middle, then to the other."],
    cues: ["Hips stay square to the desk.", "Breathe out as you turn."],
    equipment: [],
    level: "foundation",
    measure: "reps",
    perSide: true,
    recordsContactFeel: false,
    videoUrl: null,
    defaultPrescription: { sets: 3, targetPerSide: null, repMin: 10, repMax: 10, schedule: { daily: true, beforeRun: false } },
  });
  await createProgram(db, studio.studioId, priya, {
    name: "Desk-bound runner",
    description: "For clients who sit all day: mobility through the day, strength in the evening.",
    items: [
      { drillId: seated.id, prescription: { sets: 3, targetPerSide: null, repMin: 10, repMax: 10, schedule: { daily: true, beforeRun: false } } },
      { drillId: calfRaise.id, prescription: { sets: 2, targetPerSide: null, repMin: 12, repMax: 15, schedule: { daily: true, beforeRun: false } } },
      { drillId: kneeDrive, prescription: { sets: 1, targetPerSide: null, repMin: null, repMax: null, schedule: { daily: true, beforeRun: false } } },
    ],
  });
  const deskProgram = await db.select({ id: programs.id }).from(programs).where(and(eq(programs.studioId, studio.studioId), eq(programs.name, "Desk-bound runner")));
  await applyProgram(db, studio.studioId, priya, { programId: deskProgram[0]!.id, clientIds: [client("gus@stride.test"), client("hana@stride.test")] }, now);
  await createAssignment(db, studio.studioId, priya, {
    clientId: client("isla@stride.test"),
    drillId: backRotations,
    prescription: { sets: 1, targetPerSide: null, repMin: 15, repMax: 20, schedule: { daily: true, beforeRun: true }, startDate: localDateIn(now, "Europe/Dublin"), endDate: null },
  }, now);

  // The other studio runs the same method on its own copy; nothing here is shared.
  const otherFoundation = await idOf(other.studioId, programs, "runners-foundation");
  const rosa = other.memberIdByEmail.get("rosa@harbour.test")!;
  await applyProgram(db, other.studioId, rosa, { programId: otherFoundation, clientIds: [other.clientIdByEmail.get("sam@harbour.test")!] }, now);
}
