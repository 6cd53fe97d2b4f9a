import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/server/db/client";
import { lockHistoriesForRebuild } from "@/server/db/history-lock";
import { isAnyOf, preparedQuery, value } from "@/server/db/prepared";
import { masteryChecks } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { dailyBestsFor } from "./daily-bests";
import { addDays, type LocalDate } from "@/lib/local-date";
import { findFirstMasteredDate, type DailyBest } from "./mastery";
import type { MasteryRule } from "@/lib/drills/vocabulary";

/**
 * The part of a client's history the mastery rules need, read through mastery_checks: the first
 * day each rule was met, remembered once later logging can no longer change it (a derived cache:
 * schema/progression.ts and drizzle/0011 say how it stays true to the facts).
 */

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
    await lockHistoriesForRebuild(tx, [clientId]);
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

// Read with every lock (Today's too): prepared once (db/prepared.ts).
const checksQuery = preparedQuery("mastery_checks_of", (q, name) =>
  q
    .select({ requiresDrillId: masteryChecks.requiresDrillId, ruleKey: masteryChecks.ruleKey, checkedThrough: masteryChecks.checkedThrough, firstMet: masteryChecks.firstMet })
    .from(masteryChecks)
    .where(inStudio(masteryChecks, value("studioId"), eq(masteryChecks.clientId, value("clientId")), isAnyOf(masteryChecks.requiresDrillId, value("drillIds"))))
    .prepare(name),
);

async function loadChecks(q: Queryable, studioId: string, clientId: string, rules: readonly RuleOf[]): Promise<Map<string, Check>> {
  const rows = await checksQuery(q).execute({ studioId, clientId, drillIds: [...new Set(rules.map((r) => r.requiresDrillId))] });
  return new Map(rows.map((r) => [`${r.requiresDrillId}:${r.ruleKey}`, { checkedThrough: r.checkedThrough, firstMet: r.firstMet }]));
}
