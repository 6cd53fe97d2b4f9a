import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./_columns";
import { clients, studioMembers, studios } from "./studios";

// A client's session credits as an append-only ledger: the balance is the sum of deltas,
// never a column someone must remember to update.
export const creditLedger = pgTable(
  "credit_ledger",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    kind: text("kind", { enum: ["grant", "purchase", "spend", "refund", "forfeit"] }).notNull(),
    delta: integer("delta").notNull(),
    reason: text("reason").notNull(),
    /** What caused it: a booking id, a Stripe checkout session id… One effect per source and kind. */
    sourceRef: text("source_ref"),
    createdByMemberId: uuid("created_by_member_id").references(() => studioMembers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("credit_ledger_studio_client_idx").on(t.studioId, t.clientId, t.createdAt),
    uniqueIndex("credit_ledger_source_kind_unique").on(t.sourceRef, t.kind).where(sql`${t.sourceRef} is not null`),
    check("credit_ledger_delta_nonzero", sql`${t.delta} <> 0`),
  ],
);

export type CreditEntry = typeof creditLedger.$inferSelect;
