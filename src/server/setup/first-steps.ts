import { eq } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { assignments, availabilityWindows, clients, drills, plans } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";

/** What a new studio's owner does first, each step done or not, in the order to do them. */
export type FirstSteps = {
  /** The studio has a drill of its own, or has assigned one (the three built-ins are there from the start). */
  drills: boolean;
  client: boolean;
  /** The trainer's own bookable hours. */
  hours: boolean;
  plans: boolean;
};

const hasAny = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/** Where a studio stands on its first steps (what the empty dashboard lists). */
export async function firstStepsOf(q: Queryable, studioId: string, memberId: string): Promise<FirstSteps> {
  const [ownDrill, assignment, client, hours, plan] = await Promise.all([
    hasAny(q.select({ id: drills.id }).from(drills).where(inStudio(drills, studioId, eq(drills.isBuiltIn, false))).limit(1)),
    hasAny(q.select({ id: assignments.id }).from(assignments).where(inStudio(assignments, studioId)).limit(1)),
    hasAny(q.select({ id: clients.id }).from(clients).where(inStudio(clients, studioId)).limit(1)),
    hasAny(q.select({ id: availabilityWindows.id }).from(availabilityWindows).where(inStudio(availabilityWindows, studioId, eq(availabilityWindows.memberId, memberId))).limit(1)),
    hasAny(q.select({ id: plans.id }).from(plans).where(inStudio(plans, studioId)).limit(1)),
  ]);
  return { drills: ownDrill || assignment, client, hours, plans: plan };
}
