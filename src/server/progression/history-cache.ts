import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { clients, masteryChecks, progressSnapshots, users } from "@/server/db/schema";
import { addDays, localDateIn, type LocalDate } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { findFirstMasteredDate, type DailyBest } from "@/server/drills/mastery";
import type { MasteryRule } from "@/server/drills/types";
import { adherenceSegments } from "./adherence-sql";
import { dailyBestsFor } from "./daily-bests";
import { appendSegment, EMPTY_HISTORY, MAX_RECENT_DAYS, readSnapshot, snapshotThrough, type HistorySnapshot } from "./history";

/**
 * Reading and rebuilding the cached part of clients' histories (progress_snapshots and
 * mastery_checks; why and how they stay correct: schema/progression.ts and drizzle/0011).
 *
 * A rebuild reads the facts and writes the cache inside one transaction that first takes a
 * shared advisory lock per client; the invalidating trigger takes the same lock exclusively.
 * So a backdated write either commits before the rebuild reads (and the rebuild sees it), or
 * waits until the rebuild has committed (and its trigger then deletes what was written).
 */

const LOCK_NAMESPACE = 74020;

async function lockForRebuild(q: Queryable, clientIds: readonly string[]) {
  // Sorted, so two rebuilds of overlapping sets never wait on each other in a cycle.
  const ids = [...clientIds].sort();
  await q.execute(sql`select pg_advisory_xact_lock_shared(${LOCK_NAMESPACE}, hashtext(id)) from unnest(${sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]`}) as id`);
}

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
  options: { withWeeksAndDays: boolean } = { withWeeksAndDays: true },
): Promise<ClosedHistory[]> {
  // The overview needs only the streak parts: leaving the weeks out spares reading two years of them per client.
  const summary = options.withWeeksAndDays ? progressSnapshots.summary : sql<unknown>`${progressSnapshots.summary} - 'weeks' - 'days'`;
  const rows = await q
    .select({ clientId: clients.id, timeZone: users.timeZone, through: progressSnapshots.through, summary })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .leftJoin(progressSnapshots, eq(progressSnapshots.clientId, clients.id))
    .where(and(eq(clients.studioId, studioId), inArray(clients.id, [...clientIds])));
  const found = rows.map((r) => {
    const today = localDateIn(now, usableZone(r.timeZone));
    const history = readSnapshot(r.summary);
    return { clientId: r.clientId, today, through: snapshotThrough(today), cached: r.through === null || history === null ? null : { through: r.through, history } };
  });
  const stale = found.filter((f) => f.cached?.through !== f.through);
  const rebuilt = stale.length > 0 ? await rebuild(q, studioId, stale, now) : new Map<string, HistorySnapshot>();
  return found.map((f) => ({ clientId: f.clientId, today: f.today, through: f.through, history: rebuilt.get(f.clientId) ?? f.cached?.history ?? EMPTY_HISTORY }));
}

async function rebuild(q: Queryable, studioId: string, stale: readonly { clientId: string; through: LocalDate }[], now: Date) {
  return q.transaction(async (tx) => {
    await lockForRebuild(tx, stale.map((s) => s.clientId));
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

// ---------------------------------------------------------------- mastery

export type RuleOf = { requiresDrillId: string; rule: MasteryRule };

export type MasteryHistory = {
  /** Daily bests of the prerequisite drills, as far back as the rules still need them. */
  bestsByDrill: Map<string, DailyBest[]>;
  /** The first day each rule was met, up to today; key: ruleKeyOf. */
  firstMet: Map<string, LocalDate | null>;
};

export const ruleKeyOf = (r: RuleOf) => `${r.requiresDrillId}:${r.rule.minValuePerSide}/${r.rule.requiredDays}/${r.rule.windowDays}`;
const storedKey = (rule: MasteryRule) => `${rule.minValuePerSide}/${rule.requiredDays}/${rule.windowDays}`;

// What may be remembered is what later logging cannot change: days up to the day before yesterday.
const settledThrough = (today: LocalDate) => addDays(today, -2);
// A remembered "not met yet" is moved forward at most weekly, so reads rarely write.
const ADVANCE_AFTER_DAYS = 7;

/**
 * The daily bests and first-met days the mastery rules of these prerequisites need for one client.
 * Only the days after what mastery_checks remembers are read (a rule's window back from there),
 * instead of the client's whole history; what is learnt is remembered under the rebuild lock.
 */
export async function masteryHistoryOf(q: Queryable, studioId: string, clientId: string, today: LocalDate, rules: readonly RuleOf[]): Promise<MasteryHistory> {
  if (rules.length === 0) return { bestsByDrill: new Map(), firstMet: new Map() };
  const read = async (tx: Queryable, checks: Map<string, Check>, write: boolean): Promise<MasteryHistory> => {
    const needFrom = rules.map((r) => {
      const check = checks.get(ruleKeyOf(r));
      const window = addDays(today, -(r.rule.windowDays - 1));
      if (!check) return null;
      if (check.firstMet !== null) return window;
      const resume = addDays(check.checkedThrough, -(r.rule.windowDays - 2));
      return resume < window ? resume : window;
    });
    const from = needFrom.some((f) => f === null) ? null : (needFrom as LocalDate[]).sort()[0]!;
    const drillIds = [...new Set(rules.map((r) => r.requiresDrillId))];
    const bestsByDrill = await dailyBestsFor(tx, studioId, clientId, drillIds, from);
    const firstMet = new Map<string, LocalDate | null>();
    const remember: { rule: RuleOf; firstMet: LocalDate | null }[] = [];
    for (const r of rules) {
      const check = checks.get(ruleKeyOf(r));
      const met = check?.firstMet ?? findFirstMasteredDate(r.rule, bestsByDrill.get(r.requiresDrillId) ?? [], today);
      firstMet.set(ruleKeyOf(r), met);
      if (write && needsRemembering(check, met, today)) remember.push({ rule: r, firstMet: met !== null && met <= settledThrough(today) ? met : null });
    }
    if (remember.length > 0) {
      await tx
        .insert(masteryChecks)
        .values(remember.map((m) => ({ clientId, studioId, requiresDrillId: m.rule.requiresDrillId, ruleKey: storedKey(m.rule.rule), checkedThrough: settledThrough(today), firstMet: m.firstMet })))
        .onConflictDoUpdate({
          target: [masteryChecks.clientId, masteryChecks.requiresDrillId, masteryChecks.ruleKey],
          set: { checkedThrough: sql`excluded.checked_through`, firstMet: sql`excluded.first_met` },
        });
    }
    return { bestsByDrill, firstMet };
  };
  const checks = await loadChecks(q, studioId, clientId, rules);
  const wouldLearn = rules.some((r) => {
    const check = checks.get(ruleKeyOf(r));
    return !check || (check.firstMet === null && check.checkedThrough < addDays(settledThrough(today), -ADVANCE_AFTER_DAYS));
  });
  if (!wouldLearn) return read(q, checks, false);
  return q.transaction(async (tx) => {
    await lockForRebuild(tx, [clientId]);
    // Read again under the lock: a backdated write may have deleted what was read before it.
    return read(tx, await loadChecks(tx, studioId, clientId, rules), true);
  });
}

type Check = { checkedThrough: LocalDate; firstMet: LocalDate | null };

function needsRemembering(check: Check | undefined, met: LocalDate | null, today: LocalDate): boolean {
  if (!check) return true;
  if (check.firstMet !== null) return false;
  if (met !== null && met <= settledThrough(today)) return true;
  return check.checkedThrough < addDays(settledThrough(today), -ADVANCE_AFTER_DAYS);
}

async function loadChecks(q: Queryable, studioId: string, clientId: string, rules: readonly RuleOf[]): Promise<Map<string, Check>> {
  const rows = await q
    .select({ requiresDrillId: masteryChecks.requiresDrillId, ruleKey: masteryChecks.ruleKey, checkedThrough: masteryChecks.checkedThrough, firstMet: masteryChecks.firstMet })
    .from(masteryChecks)
    .where(and(eq(masteryChecks.studioId, studioId), eq(masteryChecks.clientId, clientId), inArray(masteryChecks.requiresDrillId, [...new Set(rules.map((r) => r.requiresDrillId))])));
  return new Map(rows.map((r) => [`${r.requiresDrillId}:${r.ruleKey}`, { checkedThrough: r.checkedThrough, firstMet: r.firstMet }]));
}
