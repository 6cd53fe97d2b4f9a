import { failedPaymentSource } from "@/server/billing/attention";
import type { Queryable } from "@/server/db/client";
import type { AttentionItem } from "./attention-types";
import { listAttention } from "./attention";

/** The whole attention queue of a studio: logging's own sources plus every other domain's. */
export function listStudioAttention(q: Queryable, studioId: string, now: Date): Promise<AttentionItem[]> {
  return listAttention(q, studioId, now, [failedPaymentSource(q)]);
}
