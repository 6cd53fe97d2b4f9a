import { failedPaymentSource } from "@/server/billing/attention";
import type { Db } from "@/server/db/client";
import { asymmetrySource, loadSpikeSource, unlockSource } from "@/server/progression/attention-sources";
import type { AttentionItem } from "@/lib/attention";
import type { DistanceUnit } from "@/lib/distance-units";
import { unansweredSource } from "@/server/messages/attention-source";
import { checkinSources } from "@/server/checkins/attention-source";
import { listAttention } from "./attention";

/**
 * The attention queue of a studio, or of the clients one member coaches (`coachId`): logging's
 * own sources plus every other domain's.
 */
export function listStudioAttention(db: Db, studioId: string, now: Date, options: { coachId?: string | null; distanceUnit?: DistanceUnit } = {}): Promise<AttentionItem[]> {
  return listAttention(db, { studioId, now, coachId: options.coachId ?? null, distanceUnit: options.distanceUnit ?? "km" }, [failedPaymentSource(db), asymmetrySource(db), unlockSource(db), unansweredSource(db), loadSpikeSource(db), ...checkinSources(db)]);
}
