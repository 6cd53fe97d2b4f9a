import { asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { assignments, availabilityWindows, clients, drills, plans, programs } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";

/** What a new studio's owner does first, each step done or not, in the order to do them. */
export type FirstSteps = {
  /** The studio has a drill of its own, or has assigned one (the three built-ins are there from the start). */
  drills: boolean;
  client: boolean;
  /** The trainer's own bookable hours. */
  hours: boolean;
  plans: boolean;
  /** The built-in drills ready to assign (every studio gets them: drills/service.ts ensureBuiltIns), in the method's order. */
  builtInDrills: { id: string; name: string }[];
  /** The built-in programs that assign them in one step ("Runner's foundation"). */
  builtInPrograms: string[];
};

const hasAny = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/** Where a studio stands on its first steps (what the empty dashboard lists). */
export async function firstStepsOf(q: Queryable, studioId: string, memberId: string): Promise<FirstSteps> {
  const [ownDrill, assignment, client, hours, plan, builtInDrills, builtInPrograms] = await Promise.all([
    hasAny(q.select({ id: drills.id }).from(drills).where(inStudio(drills, studioId, eq(drills.isBuiltIn, false))).limit(1)),
    hasAny(q.select({ id: assignments.id }).from(assignments).where(inStudio(assignments, studioId)).limit(1)),
    hasAny(q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId)).limit(1)),
    hasAny(q.select({ id: availabilityWindows.id }).from(availabilityWindows).where(inStudio(availabilityWindows, studioId, eq(availabilityWindows.memberId, memberId))).limit(1)),
    hasAny(q.select({ id: plans.id }).from(plans).where(inStudio(plans, studioId)).limit(1)),
    q.select({ id: drills.id, name: drills.name }).from(drills).where(inStudio(drills, studioId, eq(drills.isBuiltIn, true), isNull(drills.archivedAt))).orderBy(asc(drills.sortOrder), asc(drills.name)),
    q.select({ name: programs.name }).from(programs).where(inStudio(programs, studioId, eq(programs.isBuiltIn, true), isNull(programs.archivedAt))).orderBy(asc(programs.name)),
  ]);
  return { drills: ownDrill || assignment, client, hours, plans: plan, builtInDrills, builtInPrograms: builtInPrograms.map((p) => p.name) };
}
