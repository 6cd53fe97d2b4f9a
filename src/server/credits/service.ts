import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { clients, creditLedger } from "@/server/db/schema";
import { inStudio, clientNotDeleted } from "@/server/db/tenancy";
import { DomainError, notFound } from "@/lib/errors";
import { notEnoughCreditsMessage, type CreditReader } from "./rules";

type ClientRef = { studioId: string; clientId: string };

export async function creditBalance(q: Queryable, ref: ClientRef): Promise<number> {
  const [row] = await q
    .select({ balance: sql<number>`coalesce(sum(${creditLedger.delta}), 0)::int` })
    .from(creditLedger)
    .where(inStudio(creditLedger, ref.studioId, eq(creditLedger.clientId, ref.clientId)));
  return row?.balance ?? 0;
}

export function listCreditEntries(q: Queryable, ref: ClientRef, limit = 100) {
  return q
    .select()
    .from(creditLedger)
    .where(inStudio(creditLedger, ref.studioId, eq(creditLedger.clientId, ref.clientId)))
    .orderBy(desc(creditLedger.createdAt))
    .limit(limit);
}

// A trainer acts on a client of their studio who has not been deleted; anyone else is "not found".
async function assertClientToCredit(q: Queryable, ref: ClientRef) {
  const [row] = await q.select({ id: clients.id }).from(clients).where(inStudio(clients, ref.studioId, eq(clients.id, ref.clientId), clientNotDeleted)).limit(1);
  if (!row) throw notFound("client");
}

/** A client's balance and latest entries, for their trainer. */
export async function clientCredits(q: Queryable, ref: ClientRef) {
  await assertClientToCredit(q, ref);
  return { balance: await creditBalance(q, ref), entries: await listCreditEntries(q, ref, 50) };
}

/** The client's own balance and latest entries: what happened and why, not who granted it or what it came from. */
export async function ownCredits(q: Queryable, ref: ClientRef) {
  const entries = await listCreditEntries(q, ref, 20);
  return {
    balance: await creditBalance(q, ref),
    entries: entries.map((e) => ({ id: e.id, kind: e.kind, delta: e.delta, reason: e.reason, createdAt: e.createdAt })),
  };
}

/** A trainer gives credits by hand (until packs are sold): the client's balance after the grant. */
export async function grantCreditsByHand(db: Db, input: ClientRef & { amount: number; reason: string; memberId: string }) {
  return db.transaction(async (tx) => {
    await assertClientToCredit(tx, input);
    await grantCredits(tx, input);
    return { balance: await creditBalance(tx, input) };
  });
}

// Spends serialise on the client's row, so two bookings at once cannot both take the last credit.
async function lockClient(tx: Tx, ref: ClientRef) {
  const [row] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(inStudio(clients, ref.studioId, eq(clients.id, ref.clientId)))
    .for("update");
  if (!row) throw new DomainError("NOT_FOUND", "That client does not exist or is not part of your studio.");
}

/** Adds credits (by hand, or from a pack purchase: `sourceRef` makes a repeat a no-op). */
export async function grantCredits(
  tx: Tx,
  input: ClientRef & { amount: number; reason: string; kind?: "grant" | "purchase"; sourceRef?: string; memberId?: string },
): Promise<boolean> {
  if (!Number.isInteger(input.amount) || input.amount < 1) throw new DomainError("BAD_REQUEST", "Grant at least one whole credit.", "amount");
  await lockClient(tx, input);
  const inserted = await tx
    .insert(creditLedger)
    .values({
      studioId: input.studioId,
      clientId: input.clientId,
      kind: input.kind ?? "grant",
      delta: input.amount,
      reason: input.reason,
      sourceRef: input.sourceRef,
      createdByMemberId: input.memberId,
    })
    .onConflictDoNothing()
    .returning({ id: creditLedger.id });
  return inserted.length > 0;
}

/** Takes a booking's credits, in the booking's transaction; refuses, worded for `reader`, when too few are left. */
export async function spendCredit(tx: Tx, input: ClientRef & { bookingId: string; reason: string; credits?: number; reader: CreditReader }) {
  const credits = input.credits ?? 1;
  await lockClient(tx, input);
  const balance = await creditBalance(tx, input);
  if (balance < credits) throw new DomainError("PRECONDITION_FAILED", notEnoughCreditsMessage(input.reader, balance, credits));
  await tx.insert(creditLedger).values({
    studioId: input.studioId,
    clientId: input.clientId,
    kind: "spend",
    delta: -credits,
    reason: input.reason,
    sourceRef: input.bookingId,
  });
}

/** Gives back what a booking spent (a free cancellation). A second refund changes nothing. */
export async function refundCredit(tx: Tx, input: ClientRef & { bookingId: string; reason: string }): Promise<boolean> {
  await lockClient(tx, input);
  const [spent] = await tx
    .select({ delta: creditLedger.delta })
    .from(creditLedger)
    .where(inStudio(creditLedger, input.studioId, and(eq(creditLedger.sourceRef, input.bookingId), eq(creditLedger.kind, "spend"))));
  if (!spent) return false;
  const inserted = await tx
    .insert(creditLedger)
    .values({ studioId: input.studioId, clientId: input.clientId, kind: "refund", delta: -spent.delta, reason: input.reason, sourceRef: input.bookingId })
    .onConflictDoNothing()
    .returning({ id: creditLedger.id });
  return inserted.length > 0;
}
