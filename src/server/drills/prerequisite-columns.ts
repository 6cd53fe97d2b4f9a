import { alias } from "drizzle-orm/pg-core";
import { drillPrerequisites, drills } from "@/server/db/schema";

/** The drill a prerequisite requires, joined under one name wherever rules are read. */
export const requiredDrill = alias(drills, "required_drill");

/**
 * A prerequisite rule as every reader selects it (join `requiredDrill` on requiresDrillId):
 * which drill needs which, the mastery rule's numbers and its pain condition (both null: none). Readers add what they show.
 */
export const prerequisiteRuleColumns = {
  drillId: drillPrerequisites.drillId,
  requiresDrillId: drillPrerequisites.requiresDrillId,
  requiresDrillName: requiredDrill.name,
  minValuePerSide: drillPrerequisites.minValuePerSide,
  requiredDays: drillPrerequisites.requiredDays,
  windowDays: drillPrerequisites.windowDays,
  painMaxScore: drillPrerequisites.painMaxScore,
  painCheckins: drillPrerequisites.painCheckins,
};
