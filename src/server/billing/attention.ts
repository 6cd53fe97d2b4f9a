import type { Queryable } from "@/server/db/client";
import type { AttentionSource } from "@/lib/attention";
import { formatMoney } from "@/lib/money";
import { listFailedPayments } from "./service";

/** Failed payments still unpaid: the trainer follows up before the client loses access. */
export function failedPaymentSource(q: Queryable): AttentionSource {
  return async ({ studioId, coachId }) =>
    (await listFailedPayments(q, studioId, { coachId })).map((p) => ({
      kind: "failed_payment" as const,
      key: `failed_payment:${p.invoiceId}`,
      clientId: p.clientId,
      clientName: p.clientName,
      at: p.lastFailedAt ?? new Date(0),
      summary: `A payment of ${formatMoney(p.amountMinor, p.currency)} failed${p.attemptCount > 1 ? ` ${p.attemptCount} times` : ""} and is still unpaid.`,
      href: `/dashboard/clients/${p.clientId}`,
    }));
}
