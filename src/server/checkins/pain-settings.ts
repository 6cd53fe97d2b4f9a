import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/server/db/client";
import { progressionSettings } from "@/server/db/schema";

/** Pain above this (0–10) pauses the drills that load the place; the studio may set 1 to 9. */
export const DEFAULT_PAIN_PAUSE_ABOVE = 5;

const message = "Enter the pain score above which drills pause, a whole number from 1 to 9.";
export const painPauseAboveInput = z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(9, { error: message });

/** The studio's pause threshold (default 5: a 6 at a drill's place pauses it). */
export async function painPauseAboveOf(q: Queryable, studioId: string): Promise<number> {
  const [row] = await q.select({ p: progressionSettings.painPauseAbove }).from(progressionSettings).where(eq(progressionSettings.studioId, studioId)).limit(1);
  return row?.p ?? DEFAULT_PAIN_PAUSE_ABOVE;
}

export async function setPainPauseAbove(q: Queryable, studioId: string, memberId: string, painPauseAbove: number, now: Date) {
  await q
    .insert(progressionSettings)
    .values({ studioId, painPauseAbove, updatedByMemberId: memberId, updatedAt: now })
    .onConflictDoUpdate({ target: progressionSettings.studioId, set: { painPauseAbove, updatedByMemberId: memberId, updatedAt: now } });
  return { painPauseAbove };
}
