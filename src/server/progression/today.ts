import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { practiceEntries, practiceSessions } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { todayFor, TodayDrill } from "@/server/drills/assignments";
import { drillDoneToday, streakCountingToday, type DrillDoneToday, type LoggedEntry } from "@/lib/drills/done-today";
import { adherenceFor } from "./client-adherence";

export type TodayWithDone = Omit<Awaited<ReturnType<typeof todayFor>>, "drills"> & {
  drills: (TodayDrill & { done: DrillDoneToday })[];
  streak: { current: number; isTodayDone: boolean };
};

/**
 * Today with its done state: each drill's entries on the client's local date (as the log stored
 * them), done by the per-side rule, and the streak counting today.
 */
export async function withDoneState(q: Queryable, studioId: string, clientId: string, today: Awaited<ReturnType<typeof todayFor>>, now: Date): Promise<TodayWithDone> {
  const drillIds = [...new Set(today.drills.map((d) => d.drill.id))];
  const rows = drillIds.length
    ? await q
        .select({ drillId: practiceEntries.drillId, localDate: practiceEntries.localDate, setNumber: practiceEntries.setNumber, side: practiceEntries.side, value: practiceEntries.value })
        .from(practiceEntries)
        .innerJoin(practiceSessions, and(eq(practiceSessions.studioId, practiceEntries.studioId), eq(practiceSessions.id, practiceEntries.sessionId)))
        .where(inStudio(practiceEntries, studioId, eq(practiceEntries.clientId, clientId), eq(practiceEntries.localDate, today.localDate), inArray(practiceEntries.drillId, drillIds)))
        .orderBy(asc(practiceSessions.performedAt), asc(practiceEntries.setNumber), asc(practiceEntries.side))
    : [];
  const byDrill = new Map<string, LoggedEntry[]>();
  for (const r of rows) byDrill.set(r.drillId, [...(byDrill.get(r.drillId) ?? []), r]);
  const drills = today.drills.map((d) => ({ ...d, done: drillDoneToday(d.drill, byDrill.get(d.drill.id) ?? [], today.localDate) }));
  const adherence = (await adherenceFor(q, studioId, [clientId], now, { recentDays: 1, weeks: 1 })).get(clientId);
  const everyDueDone = drills.filter((d) => d.isDueToday).every((d) => d.done.isDone);
  const streak = streakCountingToday(adherence?.streaks ?? { current: 0, isTodayDone: false }, everyDueDone);
  return { ...today, drills, streak };
}
