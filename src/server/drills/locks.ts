import { and, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { notify } from "@/server/notifications/notify";
import { assignments, clients, drillPainPlaces, drillPrerequisites, drills, unlockEvents, unlockOverrides, users } from "@/server/db/schema";
import { painReadingsOf } from "@/server/checkins/pain-readings";
import type { PainPlace } from "@/lib/checkins/vocabulary";
import { inStudio, inStudioSql } from "@/server/db/tenancy";
import { isAnyOf, preparedQuery, value } from "@/server/db/prepared";
import { localDateIn, type LocalDate } from "@/lib/local-date";
import { usableZone } from "@/lib/time-zones";
import { masteryHistoryOf, ruleKeyOf, type RuleOf } from "./mastery-history";
import { prerequisiteRuleColumns, requiredDrill } from "./prerequisite-columns";
import { evaluateLock, masteredOn, type LockState, type PrerequisiteOf } from "./unlock";

/**
 * Which drills' locks are read. Every scope reads the same rules, early unlocks and mastery
 * history and evaluates them with `evaluateLock`; they differ only in the drills they cover:
 * - `drills`: these drills, assigned or not (Today, logging, the trainer's assignment list);
 * - `assigned`: the client's assigned drills (not ended) that have a prerequisite (Progress);
 * - `unrecorded`: those assigned drills not yet recorded as unlocked, narrowed to `drillIds`
 *   and/or to the drills with a rule on one of `requiring` (what a write may have just unlocked).
 */
export type LockScope =
  | { kind: "drills"; drillIds: readonly string[] }
  | { kind: "assigned" }
  | { kind: "unrecorded"; drillIds?: readonly string[]; requiring?: readonly string[] };

/** One drill's lock as evaluated now, with the day it opened by mastery (null while it has not). */
export type DrillLock = { drillId: string; name: string; lock: LockState; masteredOn: LocalDate | null };

const uuids = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

function scopeCondition(studioId: string, clientId: string, scope: LockScope): SQL | undefined {
  if (scope.kind === "drills") return inArray(drillPrerequisites.drillId, [...scope.drillIds]);
  if (scope.kind === "assigned") return undefined;
  // All of a drill's rules are read, not only those on `requiring`: a drill that also needs
  // another drill must stay locked until that one is met too.
  return and(
    scope.drillIds ? inArray(drillPrerequisites.drillId, [...scope.drillIds]) : undefined,
    scope.requiring
      ? sql`${drillPrerequisites.drillId} in (select r.drill_id from ${drillPrerequisites} r where ${inStudioSql("r", studioId)} and r.requires_drill_id in (${uuids(scope.requiring)}))`
      : undefined,
    sql`not exists (select 1 from ${unlockEvents} e where ${inStudioSql("e", studioId)} and e.client_id = ${clientId} and e.drill_id = ${drillPrerequisites.drillId})`,
  );
}

function isEmpty(scope: LockScope) {
  if (scope.kind === "drills") return scope.drillIds.length === 0;
  return scope.kind === "unrecorded" && (scope.drillIds?.length === 0 || scope.requiring?.length === 0);
}

const rulesFrom = (q: Queryable) =>
  q
    .select({ ...prerequisiteRuleColumns, drillName: drills.name, measure: requiredDrill.measure })
    .from(drillPrerequisites)
    .innerJoin(drills, eq(drills.id, drillPrerequisites.drillId))
    .innerJoin(requiredDrill, eq(requiredDrill.id, drillPrerequisites.requiresDrillId));

// The rules of given drills are read by every Today: prepared once (db/prepared.ts).
const rulesOfDrillsQuery = preparedQuery("prerequisite_rules_of_drills", (q, name) =>
  rulesFrom(q)
    .where(inStudio(drillPrerequisites, value("studioId"), isAnyOf(drillPrerequisites.drillId, value("drillIds"))))
    .orderBy(drills.sortOrder, drills.name)
    .prepare(name),
);

/** The prerequisite rules in scope, in the order the drills are listed (sort order, then name). */
function rulesIn(q: Queryable, studioId: string, clientId: string, scope: LockScope) {
  if (scope.kind === "drills") return rulesOfDrillsQuery(q).execute({ studioId, drillIds: [...scope.drillIds] });
  const scoped = rulesFrom(q).innerJoin(assignments, and(eq(assignments.studioId, studioId), eq(assignments.drillId, drillPrerequisites.drillId), eq(assignments.clientId, clientId), ne(assignments.status, "ended")));
  return scoped.where(inStudio(drillPrerequisites, studioId, scopeCondition(studioId, clientId, scope))).orderBy(drills.sortOrder, drills.name);
}

type RuleRow = Awaited<ReturnType<typeof rulesIn>>[number];

const prerequisiteOf = (r: RuleRow): PrerequisiteOf => ({
  requiresDrillId: r.requiresDrillId,
  requiresDrillName: r.requiresDrillName,
  measure: r.measure,
  rule: { minValuePerSide: Number(r.minValuePerSide), requiredDays: r.requiredDays, windowDays: r.windowDays },
  painCondition: r.painMaxScore !== null && r.painCheckins !== null ? { maxScore: r.painMaxScore, checkins: r.painCheckins } : null,
});

/**
 * What the pain conditions among these rules read: the client's last check-ins (as many as the
 * longest condition needs), the places of each drill, and which drills already unlocked (pain no
 * longer locks those). Nothing is read when no rule has a pain condition.
 */
async function painFactsOf(q: Queryable, studioId: string, clientId: string, rows: readonly RuleRow[]) {
  const withPain = rows.filter((r) => r.painCheckins !== null);
  if (withPain.length === 0) return { readings: [], placesByDrill: new Map<string, PainPlace[]>(), recorded: new Set<string>() };
  const drillIds = [...new Set(withPain.map((r) => r.drillId))];
  const [readings, places, events] = await Promise.all([
    painReadingsOf(q, studioId, clientId, { limit: Math.max(...withPain.map((r) => r.painCheckins!)) }),
    q.select({ drillId: drillPainPlaces.drillId, place: drillPainPlaces.place }).from(drillPainPlaces).where(inStudio(drillPainPlaces, studioId, inArray(drillPainPlaces.drillId, drillIds))),
    q.select({ drillId: unlockEvents.drillId }).from(unlockEvents).where(inStudio(unlockEvents, studioId, eq(unlockEvents.clientId, clientId), inArray(unlockEvents.drillId, drillIds))),
  ]);
  const placesByDrill = new Map<string, PainPlace[]>();
  for (const p of places) placesByDrill.set(p.drillId, [...(placesByDrill.get(p.drillId) ?? []), p.place]);
  return { readings, placesByDrill, recorded: new Set(events.map((e) => e.drillId)) };
}

// Read with every lock (Today's too): prepared once (db/prepared.ts).
const overridesQuery = preparedQuery("unlock_overrides_of", (q, name) =>
  q
    .select({ drillId: unlockOverrides.drillId, reason: unlockOverrides.reason })
    .from(unlockOverrides)
    .where(inStudio(unlockOverrides, value("studioId"), eq(unlockOverrides.clientId, value("clientId")), isAnyOf(unlockOverrides.drillId, value("drillIds")), isNull(unlockOverrides.revokedAt)))
    .prepare(name),
);

/**
 * The lock of each drill in scope that has a prerequisite, for one client on their `today`
 * (drills without one are not listed: they are open). The one loader of locks.
 */
export async function drillLocks(q: Queryable, studioId: string, clientId: string, today: LocalDate, scope: LockScope): Promise<DrillLock[]> {
  if (isEmpty(scope)) return [];
  const rows = await rulesIn(q, studioId, clientId, scope);
  if (rows.length === 0) return [];
  const drillIds = [...new Set(rows.map((r) => r.drillId))];
  const rules: RuleOf[] = rows.map((r) => ({ requiresDrillId: r.requiresDrillId, rule: prerequisiteOf(r).rule }));
  const [history, overrides, pain] = await Promise.all([
    masteryHistoryOf(q, studioId, clientId, today, rules),
    overridesQuery(q).execute({ studioId, clientId, drillIds }),
    painFactsOf(q, studioId, clientId, rows),
  ]);
  return drillIds.map((drillId) => {
    const mine = rows.filter((r) => r.drillId === drillId);
    const prerequisites = mine.map(prerequisiteOf);
    const firstMet = new Map(prerequisites.map((p) => [p.requiresDrillId, history.firstMet.get(ruleKeyOf(p)) ?? null]));
    const override = overrides.find((o) => o.drillId === drillId) ?? null;
    const lock = evaluateLock({
      prerequisites,
      dailyBestsByDrill: history.bestsByDrill,
      override,
      today,
      firstMetByPrerequisite: firstMet,
      painReadings: pain.readings,
      places: pain.placesByDrill.get(drillId) ?? [],
      isRecorded: pain.recorded.has(drillId),
    });
    return { drillId, name: mine[0]!.drillName, lock, masteredOn: opensOn(lock, [...firstMet.values()], today) };
  });
}

// Mastered on the day the last prerequisite was; with a pain condition, not before the day the
// client's check-ins made it hold too (today, when it holds now).
function opensOn(lock: LockState, firstMet: (LocalDate | null)[], today: LocalDate): LocalDate | null {
  const mastered = masteredOn(firstMet);
  if (mastered === null || !lock.progress.some((p) => p.pain !== null)) return mastered;
  if (!lock.progress.every((p) => p.isSatisfied)) return null;
  return mastered > today ? mastered : today;
}

const OPEN: LockState = { isUnlocked: true, reason: "no_prerequisite", overrideReason: null, progress: [] };

/** Lock state of each of these drills for one client: prerequisites, progress, overrides. */
export async function lockStatesFor(q: Queryable, studioId: string, clientId: string, drillIds: readonly string[], today: LocalDate): Promise<Map<string, LockState>> {
  const locks = new Map((await drillLocks(q, studioId, clientId, today, { kind: "drills", drillIds })).map((d) => [d.drillId, d.lock]));
  return new Map(drillIds.map((id) => [id, locks.get(id) ?? OPEN]));
}

/** A drill on the client's Progress: its lock, and the day it unlocked (as recorded, once it is). */
export type LockedDrill = { drillId: string; name: string; lock: LockState; unlockedOn: LocalDate | null; isRecorded: boolean };

/** Each assigned drill with a prerequisite: how close the client is to its rule, and the lock state. */
export async function assignedDrillLocks(q: Queryable, studioId: string, clientId: string, today: LocalDate): Promise<LockedDrill[]> {
  const [locks, events] = await Promise.all([
    drillLocks(q, studioId, clientId, today, { kind: "assigned" }),
    q.select({ drillId: unlockEvents.drillId, metOn: unlockEvents.metOn }).from(unlockEvents).where(inStudio(unlockEvents, studioId, eq(unlockEvents.clientId, clientId))),
  ]);
  return locks.map(({ masteredOn: computed, ...d }) => {
    const recorded = events.find((e) => e.drillId === d.drillId);
    return { ...d, unlockedOn: recorded?.metOn ?? computed, isRecorded: recorded !== undefined };
  });
}

/**
 * Records the unlocks a write has just made: each assigned drill in scope whose prerequisites
 * have all been mastered, not recorded before, gets its one unlock event (the client's notice,
 * the trainer's attention item). Called where mastery can change: after a session is logged or
 * edited, a drill is assigned, or a prerequisite rule is set; never by a read. Idempotent;
 * returns the unlocks this call recorded.
 */
export async function recordUnlocksFor(q: Queryable, studioId: string, clientId: string, today: LocalDate, scope: { drillIds?: readonly string[]; requiring?: readonly string[] } = {}) {
  const mastered = (await drillLocks(q, studioId, clientId, today, { kind: "unrecorded", ...scope })).filter((d) => d.masteredOn !== null);
  if (mastered.length === 0) return [];
  const recorded = await q
    .insert(unlockEvents)
    .values(mastered.map((d) => ({ studioId, clientId, drillId: d.drillId, metOn: d.masteredOn! })))
    .onConflictDoNothing()
    .returning();
  await notifyUnlocks(q, studioId, clientId, recorded.map((e) => e.drillId));
  return recorded;
}

// The client is told once, with the unlock event (recorded once, so told once).
async function notifyUnlocks(q: Queryable, studioId: string, clientId: string, drillIds: string[]) {
  if (drillIds.length === 0) return;
  const [client] = await q.select({ userId: clients.userId }).from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId)));
  if (!client?.userId) return;
  const unlocked = await q.select({ name: drills.name }).from(drills).where(inArray(drills.id, drillIds));
  for (const drill of unlocked) {
    await notify(q, { studioId, userId: client.userId, kind: "drill_unlocked", title: `${drill.name} is unlocked`, body: "You mastered what it builds on. It is on Today from now on.", url: "/portal" });
  }
}

/** After a trainer sets a drill's prerequisite: each client it is assigned to who already meets the new rule has it unlocked now. */
export async function recordUnlocksOfDrill(q: Queryable, studioId: string, drillId: string, now: Date) {
  const assigned = await q
    .selectDistinct({ clientId: assignments.clientId, timeZone: users.timeZone })
    .from(assignments)
    .innerJoin(clients, eq(clients.id, assignments.clientId))
    .leftJoin(users, eq(users.id, clients.userId))
    .where(inStudio(assignments, studioId, eq(assignments.drillId, drillId), ne(assignments.status, "ended")));
  for (const { clientId, timeZone } of assigned) await recordUnlocksFor(q, studioId, clientId, localDateIn(now, usableZone(timeZone)), { drillIds: [drillId] });
}
