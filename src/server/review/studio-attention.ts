import { failedPaymentSource } from "@/server/billing/attention";
import type { Db } from "@/server/db/client";
import { asymmetrySource, unlockSource } from "@/server/progression/attention-sources";
import type { AttentionItem } from "./attention-types";
import { listAttention } from "./attention";

/** The whole attention queue of a studio: logging's own sources plus every other domain's. */
export function listStudioAttention(db: Db, studioId: string, now: Date): Promise<AttentionItem[]> {
  return listAttention(db, studioId, now, [failedPaymentSource(db), asymmetrySource(db), unlockSource(db)]);
}
