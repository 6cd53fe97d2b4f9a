import type { Queryable } from "@/server/db/client";
import { addDays, type LocalDate } from "@/lib/local-date";
import { isoWeekOf, type Streaks, type WeekAdherence } from "./adherence";
import { adherenceSegments } from "./adherence-sql";
import { closedHistoryOf } from "./history-cache";
import { appendSegment, LIVE_MIN_DAYS, MAX_RECENT_DAYS, streaksOf, type SqlDay } from "./history";
import { studioReads, type StudioReads } from "./studio-reads";

/**
 * A client's adherence as shown: the closed weeks from the cache (history-cache.ts) followed
 * by the live days after them (adherence-sql.ts), joined by the rules of history.ts.
 */

export type ClientAdherence = {
  clientId: string;
  today: LocalDate;
  /** The first day looked at (the first prescribed day, or the lookback's start). */
  from: LocalDate | null;
  days: SqlDay[];
  weeks: WeekAdherence[];
  streaks: Streaks;
};

export type AdherenceOptions = {
  /** Days returned day by day, ending today (at most MAX_RECENT_DAYS). */
  recentDays?: number;
  /** Weeks returned, ending with this week; default all. */
  weeks?: number;
  /** The read's studio facts, when it has them (studio-reads.ts). */
  reads?: StudioReads;
};

/** Prescribed against done, per day and per ISO week, and streaks, for these clients of the studio as of `now`. */
export async function adherenceFor(
  q: Queryable,
  studioId: string,
  clientIds: readonly string[],
  now: Date,
  options: AdherenceOptions = {},
): Promise<Map<string, ClientAdherence>> {
  const result = new Map<string, ClientAdherence>();
  if (clientIds.length === 0) return result;
  const recentDays = options.recentDays ?? 28;
  if (recentDays > MAX_RECENT_DAYS) throw new RangeError(`adherenceFor: at most ${MAX_RECENT_DAYS} recent days are kept day by day`);
  // This week and the last LIVE_MIN_DAYS days are always in the live part.
  const withWeeksAndDays = recentDays > LIVE_MIN_DAYS || options.weeks === undefined || options.weeks > 1;
  // Before the histories: a rebuild's transaction must not wait for a read outside it (PGlite).
  const unusableZones = await (options.reads ?? studioReads(q, studioId)).unusableZones();
  const histories = await closedHistoryOf(q, studioId, clientIds, now, { withWeeksAndDays, unusableZones });
  const live = await adherenceSegments(
    q,
    studioId,
    histories.map((h) => ({ clientId: h.clientId, after: h.through, until: null })),
    now,
    recentDays,
    unusableZones,
  );
  for (const h of histories) {
    const segment = live.get(h.clientId);
    if (!segment) continue;
    const whole = appendSegment(h.history, segment);
    const thisWeek = isoWeekOf(segment.today).weekStart;
    const weeks = options.weeks === undefined ? whole.weeks : whole.weeks.filter((w) => w.weekStart > addDays(thisWeek, -7 * options.weeks!));
    result.set(h.clientId, {
      clientId: h.clientId,
      today: segment.today,
      from: whole.firstDay,
      days: whole.days.filter((d) => d.localDate > addDays(segment.today, -recentDays)),
      weeks: weeks.map((w) => ({ ...w, rate: w.prescribed === 0 ? null : w.done / w.prescribed })),
      streaks: streaksOf(whole.streaks, segment.isTodayDone),
    });
  }
  return result;
}
