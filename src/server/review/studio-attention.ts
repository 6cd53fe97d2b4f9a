import { failedPaymentSource } from "@/server/billing/attention";
import type { Db } from "@/server/db/client";
import { asymmetrySource, loadSpikeSource, unlockSource } from "@/server/progression/attention-sources";
import type { AttentionItem, AttentionSource } from "@/lib/attention";
import type { DistanceUnit } from "@/lib/distance-units";
import { unansweredSource } from "@/server/messages/attention-source";
import { checkinSources } from "@/server/checkins/attention-source";
import { studioReads, type StudioReads } from "@/server/progression/studio-reads";
import { listAttention, loggingSources } from "./attention";

/** Every other domain's sources of the queue, by name (the benchmark times each alone). */
function otherSources(db: Db, reads?: StudioReads): [string, AttentionSource][] {
  return [
    ["failed payments", failedPaymentSource(db)],
    ["asymmetry", asymmetrySource(db, reads)],
    ["unlocks", unlockSource(db)],
    ["unanswered messages", unansweredSource(db)],
    ["load spikes", loadSpikeSource(db, reads)],
    ...checkinSources(db).map((source, i): [string, AttentionSource] => [`check-ins ${i + 1}`, source]),
  ];
}

/** Every source of a studio's queue, logging's and the other domains', by name. */
export function studioAttentionSources(db: Db): [string, AttentionSource][] {
  return [...loggingSources(db), ...otherSources(db)];
}

/**
 * The attention queue of a studio, or of the clients one member coaches (`coachId`): logging's
 * own sources plus every other domain's.
 */
export function listStudioAttention(db: Db, studioId: string, now: Date, options: { coachId?: string | null; distanceUnit?: DistanceUnit } = {}): Promise<AttentionItem[]> {
  // The studio's zones and thresholds, read once for all the sources of this queue.
  const reads = studioReads(db, studioId);
  return listAttention(db, { studioId, now, coachId: options.coachId ?? null, distanceUnit: options.distanceUnit ?? "km" }, otherSources(db, reads).map(([, source]) => source), reads);
}
