import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { clients, drills, unlockEvents } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import type { AttentionItem, AttentionSource } from "@/lib/attention";
import { asymmetriesAbove } from "./overview";
import { loadSpikesAbove } from "./load-service";
import { studioReads, type StudioReads } from "./studio-reads";
import { describeSpike } from "./running-load";

/** How long an unlock stays in the queue. */
export const UNLOCK_ATTENTION_DAYS = 14;

const progressHref = (clientId: string) => `/dashboard/clients/${clientId}/progress`;

// A client whose left and right 7-day averages differ by more than the studio's threshold (default 15%) needs the trainer's eye.
export function asymmetrySource(db: Db, reads?: StudioReads): AttentionSource {
  return async ({ studioId, now, coachId }) => {
    const facts = reads ?? studioReads(db, studioId);
    const { asymmetryThresholdPercent: threshold } = await facts.settings();
    const rows = await asymmetriesAbove(db, studioId, now, threshold, coachId ? { coachId } : {}, facts);
    return rows.map(
      (r): AttentionItem => ({
        kind: "asymmetry",
        key: `asymmetry:${r.clientId}:${r.drillId}`,
        clientId: r.clientId,
        clientName: r.clientName,
        at: new Date(`${r.lastDate}T12:00:00Z`),
        summary: `Left and right differ by ${Math.round(r.percent)}% in ${r.drillName} (7-day average; ${r.left < r.right ? "left" : "right"} is weaker).`,
        href: progressHref(r.clientId),
      }),
    );
  };
}

// A drill that unlocked by itself in the last two weeks: the trainer may want to check the technique.
export function unlockSource(db: Db): AttentionSource {
  return async ({ studioId, now, coachId }) => {
    const since = new Date(now.getTime() - UNLOCK_ATTENTION_DAYS * 86_400_000);
    const rows = await db
      .select({ id: unlockEvents.id, clientId: unlockEvents.clientId, clientName: clients.name, drillName: drills.name, at: unlockEvents.recordedAt })
      .from(unlockEvents)
      .innerJoin(clients, eq(clients.id, unlockEvents.clientId))
      .innerJoin(drills, eq(drills.id, unlockEvents.drillId))
      .where(inStudio(unlockEvents, studioId, gte(unlockEvents.recordedAt, since), coachId ? eq(clients.coachId, coachId) : undefined))
      .orderBy(desc(unlockEvents.recordedAt));
    return rows.map(
      (r): AttentionItem => ({
        kind: "unlocked",
        key: `unlocked:${r.id}`,
        clientId: r.clientId,
        clientName: r.clientName,
        at: r.at,
        summary: `${r.clientName} met the mastery rule: ${r.drillName} unlocked by itself.`,
        href: progressHref(r.clientId),
      }),
    );
  };
}

// A client whose last 7 days of running are above the studio's ratio (default 1.5) of a usual week of the last 28: load spikes injure runners.
// One item per client and week of their calendar (the key), however many runs that week adds; it goes when the ratio falls back.
export function loadSpikeSource(db: Db, reads?: StudioReads): AttentionSource {
  return async ({ studioId, now, coachId, distanceUnit = "km" }) => {
    const facts = reads ?? studioReads(db, studioId);
    const rows = await loadSpikesAbove(db, studioId, now, (await facts.settings()).loadSpikeRatio, { coachId }, facts);
    return rows.map(
      (r): AttentionItem => ({
        kind: "load_spike",
        key: `load_spike:${r.clientId}:${r.weekStart}`,
        clientId: r.clientId,
        clientName: r.clientName,
        at: r.lastRunAt,
        summary: describeSpike(r.load, distanceUnit),
        href: progressHref(r.clientId),
      }),
    );
  };
}

/** The progression sources of the attention queue, newest first. */
export async function progressionAttention(db: Db, input: { studioId: string; now: Date; coachId?: string | null }): Promise<AttentionItem[]> {
  const scope = { ...input, coachId: input.coachId ?? null };
  const items = (await Promise.all([asymmetrySource(db, studioReads(db, input.studioId))(scope), unlockSource(db)(scope)])).flat();
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}
