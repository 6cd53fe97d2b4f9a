import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { lockHistoriesForRebuild } from "@/server/db/history-lock";
import { clients, progressSnapshots, users } from "@/server/db/schema";
import { clientNotDeleted, inStudio } from "@/server/db/tenancy";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { adherenceSegments } from "./adherence-sql";
import { appendSegment, EMPTY_HISTORY, MAX_RECENT_DAYS, readSnapshot, snapshotThrough, type HistorySnapshot } from "./history";

/**
 * Reading and rebuilding the cached part of clients' adherence histories (progress_snapshots;
 * why and how it stays correct: schema/progression.ts and drizzle/0011). A rebuild reads the
 * facts and writes the cache inside one transaction under the history lock (db/history-lock.ts).
 * The other history cache, mastery_checks, is the lock rules' (drills/mastery-history.ts).
 */

export type ClosedHistory = { clientId: string; today: LocalDate; through: LocalDate; history: HistorySnapshot };

/**
 * Each client's history up to their cache date (a Sunday 7–13 days back), from the cache or,
 * when missing or a week behind, rebuilt (extending the cached part when there is one).
 */
export async function closedHistoryOf(
  q: Queryable,
  studioId: string,
  clientIds: readonly string[],
  now: Date,
  options: { withWeeksAndDays: boolean; unusableZones?: readonly string[] } = { withWeeksAndDays: true },
): Promise<ClosedHistory[]> {
  // The overview needs only the streak parts: leaving the weeks out spares reading two years of them per client.
  const summary = options.withWeeksAndDays ? progressSnapshots.summary : progressSnapshots.summaryHead;
  const rows = await q
    .select({ clientId: clients.id, timeZone: users.timeZone, through: progressSnapshots.through, summary })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .leftJoin(progressSnapshots, eq(progressSnapshots.clientId, clients.id))
    // A deleted client has no history left to cache, and gets no cache row written back.
    .where(inStudio(clients, studioId, inArray(clients.id, [...clientIds]), clientNotDeleted));
  const found = rows.map((r) => {
    const today = localDateIn(now, usableZone(r.timeZone));
    const history = readSnapshot(r.summary);
    return { clientId: r.clientId, today, through: snapshotThrough(today), cached: r.through === null || history === null ? null : { through: r.through, history } };
  });
  const stale = found.filter((f) => f.cached?.through !== f.through);
  const rebuilt = stale.length > 0 ? await rebuild(q, studioId, stale, now, options.unusableZones) : new Map<string, HistorySnapshot>();
  return found.map((f) => ({ clientId: f.clientId, today: f.today, through: f.through, history: rebuilt.get(f.clientId) ?? f.cached?.history ?? EMPTY_HISTORY }));
}

async function rebuild(q: Queryable, studioId: string, stale: readonly { clientId: string; through: LocalDate }[], now: Date, unusableZones?: readonly string[]) {
  return q.transaction(async (tx) => {
    await lockHistoriesForRebuild(tx, stale.map((s) => s.clientId));
    // Read again under the lock: a backdated write may have deleted what was read before it.
    const current = await tx
      .select({ clientId: progressSnapshots.clientId, through: progressSnapshots.through, summary: progressSnapshots.summary })
      .from(progressSnapshots)
      .where(inArray(progressSnapshots.clientId, stale.map((s) => s.clientId)));
    const base = new Map(current.flatMap((c) => {
      const history = readSnapshot(c.summary);
      return history ? [[c.clientId, { through: c.through, history }] as const] : [];
    }));
    // A cache newer than wanted (another zone's today) is rebuilt from scratch, not shrunk.
    const from = (s: { clientId: string; through: LocalDate }) => {
      const b = base.get(s.clientId);
      return b && b.through < s.through ? b : null;
    };
    const segments = await adherenceSegments(
      tx,
      studioId,
      stale.map((s) => ({ clientId: s.clientId, after: from(s)?.through ?? null, until: s.through })),
      now,
      MAX_RECENT_DAYS,
      unusableZones,
    );
    const built = new Map<string, HistorySnapshot>();
    for (const s of stale) {
      const segment = segments.get(s.clientId);
      if (!segment) continue;
      const before = from(s);
      built.set(s.clientId, appendSegment(before?.history ?? EMPTY_HISTORY, segment));
    }
    if (built.size > 0) {
      await tx
        .insert(progressSnapshots)
        .values(stale.filter((s) => built.has(s.clientId)).map((s) => ({ clientId: s.clientId, studioId, through: s.through, summary: built.get(s.clientId)! })))
        .onConflictDoUpdate({ target: progressSnapshots.clientId, set: { through: sql`excluded.through`, summary: sql`excluded.summary`, computedAt: sql`now()` } });
    }
    return built;
  });
}
