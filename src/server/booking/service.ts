import { asc, desc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { refundCredit, spendCredit } from "@/server/credits/service";
import { zoneOf } from "@/server/dates/zones";
import type { Db, Queryable, Tx } from "@/server/db/client";
import { bookings, clients, sessionTypes, studioMembers, users, type Booking } from "@/server/db/schema";
import { hasSqlState } from "@/server/db/sql-errors";
import { clientNotDeleted, clientVisibleTo, inStudio } from "@/server/db/tenancy";
import type { ClientScope } from "@/lib/client-visibility";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/server/jobs/service";
import { evaluateCancellation, evaluateReschedule, type CancellationOutcome } from "./cancellation";
import { formatWhen } from "@/lib/time-wording";
import { queueBookingEmail, REMINDER_JOB, reminderJob } from "./emails";
import type { ReminderPlan } from "./reminders";
import { getAvailability, priceOf, toSessionTypeRule } from "./settings";
import { generateSlots, getBlockedInterval, isSlotBookable } from "./slots";
import type { ExistingBooking, Slot } from "./types";

// Booking, rescheduling and cancelling, each in one transaction: the rule decides, the
// database guarantees (the exclusion constraint on `blocked` refuses an overlap that two
// requests race into; spending a credit locks the client's row).

const DAY_MS = 86_400_000;
export const SLOT_TAKEN_MESSAGE = "That time was just taken. Pick one of the next free times.";

type Actor = { by: "client"; clientId: string } | { by: "trainer"; memberId: string };

async function loadSessionType(q: Queryable, studioId: string, sessionTypeId: string, options: { forBooking: boolean }) {
  const [row] = await q.select().from(sessionTypes).where(inStudio(sessionTypes, studioId, eq(sessionTypes.id, sessionTypeId)));
  if (!row) throw notFound("session type");
  if (options.forBooking && row.archivedAt) throw new DomainError("BAD_REQUEST", "That session type is no longer offered. Pick another one.", "sessionTypeId");
  return row;
}

/** Live bookings of a trainer that reach into [from, to), breaks included. */
async function loadBusy(q: Queryable, studioId: string, memberId: string, from: Date, to: Date, exceptBookingId?: string): Promise<ExistingBooking[]> {
  const rows = await q
    .select({ start: bookings.startsAt, end: bookings.endsAt, bufferAfterMinutes: bookings.bufferAfterMinutes })
    .from(bookings)
    .where(
      inStudio(
        bookings,
        studioId,
        eq(bookings.memberId, memberId),
        ne(bookings.status, "cancelled"),
        lt(bookings.startsAt, to),
        sql`${bookings.endsAt} + ${bookings.bufferAfterMinutes} * interval '1 minute' > ${from.toISOString()}::timestamptz`,
        exceptBookingId ? ne(bookings.id, exceptBookingId) : undefined,
      ),
    );
  return rows;
}

/** The open start times of a session type in [from, to), as UTC instants. */
export async function listSlots(q: Queryable, input: { studioId: string; sessionTypeId: string; now: Date; from: Date; to: Date }) {
  const type = await loadSessionType(q, input.studioId, input.sessionTypeId, { forBooking: true });
  const availability = await getAvailability(q, input.studioId, type.memberId);
  const existingBookings = await loadBusy(q, input.studioId, type.memberId, new Date(input.from.getTime() - DAY_MS), new Date(input.to.getTime() + DAY_MS));
  const slots = generateSlots({
    availability: availability.weekly,
    exceptions: availability.exceptions,
    trainerTimeZone: availability.timeZone,
    sessionType: toSessionTypeRule(type),
    existingBookings,
    now: input.now,
    range: { from: input.from, to: input.to },
  });
  return { trainerTimeZone: availability.timeZone, slots };
}

const isExclusionViolation = (error: unknown) => hasSqlState(error, "23P01");

/** Runs a booking transaction; a lost race on the exclusion constraint becomes a clear refusal. */
async function withSlotGuard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isExclusionViolation(error)) throw new DomainError("CONFLICT", SLOT_TAKEN_MESSAGE, "start");
    throw error;
  }
}

async function checkSlot(tx: Tx, studioId: string, type: typeof sessionTypes.$inferSelect, start: Date, now: Date, exceptBookingId?: string): Promise<Slot> {
  const availability = await getAvailability(tx, studioId, type.memberId);
  const existingBookings = await loadBusy(tx, studioId, type.memberId, new Date(start.getTime() - DAY_MS), new Date(start.getTime() + 2 * DAY_MS), exceptBookingId);
  const check = isSlotBookable({
    availability: availability.weekly,
    exceptions: availability.exceptions,
    trainerTimeZone: availability.timeZone,
    sessionType: toSessionTypeRule(type),
    existingBookings,
    now,
    requestedStart: start,
  });
  if (!check.ok) {
    if (check.reason === "overlaps") throw new DomainError("CONFLICT", SLOT_TAKEN_MESSAGE, "start");
    throw new DomainError("BAD_REQUEST", check.message, "start");
  }
  return check.slot;
}

/**
 * Loads and locks the client's row. A client's bookings serialise on it, and spending a
 * credit locks it too: taking the lock before the booking's insert (whose foreign key
 * takes a share lock on the same row) keeps two bookings of one client from deadlocking.
 */
async function lockActiveClient(tx: Tx, studioId: string, clientId: string) {
  const [client] = await tx.select().from(clients).where(inStudio(clients, studioId, eq(clients.id, clientId), clientNotDeleted)).for("update");
  if (!client) throw notFound("client");
  if (client.status !== "active") throw new DomainError("BAD_REQUEST", "That client is not active yet. Book once they have accepted their invite.", "clientId");
  return client;
}

const blockedRange = (slot: Slot, bufferAfterMinutes: number) => {
  const blocked = getBlockedInterval(slot, bufferAfterMinutes);
  return sql`tstzrange(${blocked.start.toISOString()}::timestamptz, ${blocked.end.toISOString()}::timestamptz, '[)')`;
};

/** Books a session for a client at one of the offered times; spends the credit in the same transaction. */
export async function bookSession(
  db: Db,
  input: { studioId: string; sessionTypeId: string; clientId: string; start: Date; now: Date; actor: Actor },
): Promise<Booking> {
  return withSlotGuard(() =>
    db.transaction(async (tx) => {
      const type = await loadSessionType(tx, input.studioId, input.sessionTypeId, { forBooking: true });
      const client = await lockActiveClient(tx, input.studioId, input.clientId);
      const slot = await checkSlot(tx, input.studioId, type, input.start, input.now);
      const [booking] = await tx
        .insert(bookings)
        .values({
          studioId: input.studioId,
          memberId: type.memberId,
          clientId: input.clientId,
          sessionTypeId: type.id,
          startsAt: slot.start,
          endsAt: slot.end,
          bufferAfterMinutes: type.bufferAfterMinutes,
          blocked: blockedRange(slot, type.bufferAfterMinutes),
          priceKind: type.priceKind,
          priceAmountMinor: type.priceAmountMinor,
          priceCurrency: type.priceCurrency,
          priceCredits: type.priceCredits,
          cancelFreeUntilHours: type.cancelFreeUntilHours,
          bookedByMemberId: input.actor.by === "trainer" ? input.actor.memberId : null,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning();
      if (type.priceKind === "credits") {
        const reader = input.actor.by === "trainer" ? { kind: "trainer" as const, clientName: client.name } : { kind: "client" as const };
        await spendCredit(tx, { studioId: input.studioId, clientId: input.clientId, bookingId: booking!.id, credits: type.priceCredits ?? 1, reason: `Booked ${type.name}`, reader });
      }
      await scheduleReminder(tx, booking!, await queueBookingEmail(tx, booking!, "confirmed", input.now));
      return booking!;
    }),
  );
}

async function scheduleReminder(tx: Tx, booking: Booking, plan: ReminderPlan) {
  // Booked too close to the start for a reminder to help: the confirmation said it is the reminder.
  if (!plan.at) return;
  await enqueueJob(tx, { kind: REMINDER_JOB, ...reminderJob(booking, plan.at) });
}

/** Locks a booking of the studio (of this client, when a client is acting). */
async function lockBooking(tx: Tx, studioId: string, bookingId: string, actor?: Actor) {
  const [booking] = await tx
    .select()
    .from(bookings)
    .where(inStudio(bookings, studioId, eq(bookings.id, bookingId), actor?.by === "client" ? eq(bookings.clientId, actor.clientId) : undefined))
    .for("update");
  if (!booking) throw notFound("booking");
  return booking;
}

function outcomeFor(booking: Booking, actor: Actor, now: Date, timeZone: string, action: "cancel" | "reschedule", isPolicyWaived = false): CancellationOutcome {
  const args = {
    bookingStart: booking.startsAt,
    now,
    freeUntilHours: booking.cancelFreeUntilHours,
    price: priceOf(booking),
    cancelledBy: actor.by,
    isPolicyWaived,
    timeZone,
  };
  return action === "cancel" ? evaluateCancellation(args) : evaluateReschedule(args);
}

function assertChangeable(booking: Booking, now: Date, action: "cancel" | "reschedule") {
  if (booking.status === "cancelled") throw new DomainError("PRECONDITION_FAILED", "That booking is already cancelled.");
  if (booking.status !== "confirmed" || booking.startsAt.getTime() <= now.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", `That session has already started, so it can no longer be ${action === "cancel" ? "cancelled" : "moved"}.`);
  }
}

/** A move is only offered inside the free window: a late one would be a cancellation plus a new booking. */
function lateMoveMessage(outcome: CancellationOutcome, timeZone: string, now: Date): string {
  return `Sessions can be moved for free until ${formatWhen(outcome.freeUntil, timeZone, now)}, so this one can't be moved any more. You can still cancel it, or keep it.`;
}

/** What cancelling (or moving) a booking now would cost, worded for the person asking. */
export async function previewChange(q: Queryable, input: { studioId: string; bookingId: string; actor: Actor; now: Date; action: "cancel" | "reschedule" }) {
  const [booking] = await q
    .select()
    .from(bookings)
    .where(inStudio(bookings, input.studioId, eq(bookings.id, input.bookingId), input.actor.by === "client" ? eq(bookings.clientId, input.actor.clientId) : undefined));
  if (!booking) throw notFound("booking");
  assertChangeable(booking, input.now, input.action);
  const timeZone = await zoneOf(q, input.studioId, input.actor);
  const outcome = outcomeFor(booking, input.actor, input.now, timeZone, input.action);
  if (input.action === "reschedule" && !outcome.isFree) return { ...outcome, message: lateMoveMessage(outcome, timeZone, input.now), canProceed: false };
  return { ...outcome, canProceed: true };
}

/**
 * Cancels a booking. Free (inside the policy, or by the trainer): a credit goes back. Late:
 * the credit stays spent, or the money price is recorded as a late fee for billing to collect.
 * A late cancellation needs `acceptCost`, so the client has seen the cost before it applies.
 */
export async function cancelBooking(
  db: Db,
  input: { studioId: string; bookingId: string; actor: Actor; now: Date; acceptCost?: boolean; /** A deletion's cancellations cost the client nothing, whoever asked. */ isPolicyWaived?: boolean },
) {
  return db.transaction(async (tx) => {
    const booking = await lockBooking(tx, input.studioId, input.bookingId, input.actor);
    return cancelLocked(tx, booking, input);
  });
}

async function cancelLocked(tx: Tx, booking: Booking, input: { studioId: string; actor: Actor; now: Date; acceptCost?: boolean; isPolicyWaived?: boolean }) {
  assertChangeable(booking, input.now, "cancel");
  const outcome = outcomeFor(booking, input.actor, input.now, await zoneOf(tx, input.studioId, input.actor), "cancel", input.isPolicyWaived);
  if (!outcome.isFree && !input.acceptCost) throw new DomainError("PRECONDITION_FAILED", `${outcome.message} Confirm to cancel anyway.`);
  const [updated] = await tx
    .update(bookings)
    .set({
      status: "cancelled",
      cancelledAt: input.now,
      cancelledBy: input.actor.by,
      version: sql`${bookings.version} + 1`,
      updatedAt: input.now,
      ...(outcome.consequence === "charge" ? { lateFeeAmountMinor: outcome.amountMinor, lateFeeCurrency: outcome.currency } : {}),
      ...(outcome.consequence === "forfeit_credit" ? { creditForfeited: outcome.credits ?? 1 } : {}),
    })
    .where(inStudio(bookings, input.studioId, eq(bookings.id, booking.id)))
    .returning();
  if (outcome.consequence === "refund_credit") {
    await refundCredit(tx, { studioId: input.studioId, clientId: booking.clientId, bookingId: booking.id, reason: input.actor.by === "trainer" ? "Session cancelled by the trainer" : input.isPolicyWaived ? "Cancelled at no cost by the studio" : "Cancelled in time" });
  }
  await queueBookingEmail(tx, updated!, "cancelled", input.now, outcome.isFree ? undefined : outcome);
  return { booking: updated!, outcome };
}

/**
 * A trainer leaving the studio: their sessions from now on are cancelled by the trainer (free
 * for the client, a credit back, the client emailed), and their session types stop being
 * offered. Moving them to another coach could clash with that coach's own week and surprise
 * the client with a stranger; the client books again with their new coach. Runs inside the
 * caller's transaction, so it happens with the deactivation or not at all.
 */
export async function cancelUpcomingBookingsOf(tx: Tx, input: { studioId: string; memberId: string; now: Date }): Promise<number> {
  const upcoming = await tx
    .select()
    .from(bookings)
    .where(inStudio(bookings, input.studioId, eq(bookings.memberId, input.memberId), eq(bookings.status, "confirmed"), gt(bookings.startsAt, input.now)))
    .orderBy(asc(bookings.startsAt))
    .for("update");
  for (const booking of upcoming) await cancelLocked(tx, booking, { studioId: input.studioId, actor: { by: "trainer", memberId: input.memberId }, now: input.now });
  await tx
    .update(sessionTypes)
    .set({ archivedAt: input.now })
    .where(inStudio(sessionTypes, input.studioId, eq(sessionTypes.memberId, input.memberId), sql`${sessionTypes.archivedAt} is null`));
  return upcoming.length;
}

/** Moves a booking to another offered time, inside the free window; the credit moves with it. */
export async function rescheduleBooking(db: Db, input: { studioId: string; bookingId: string; start: Date; actor: Actor; now: Date }) {
  return withSlotGuard(() =>
    db.transaction(async (tx) => {
      const booking = await lockBooking(tx, input.studioId, input.bookingId, input.actor);
      assertChangeable(booking, input.now, "reschedule");
      const timeZone = await zoneOf(tx, input.studioId, input.actor);
      const outcome = outcomeFor(booking, input.actor, input.now, timeZone, "reschedule");
      if (!outcome.isFree) throw new DomainError("PRECONDITION_FAILED", lateMoveMessage(outcome, timeZone, input.now));
      const type = await loadSessionType(tx, input.studioId, booking.sessionTypeId, { forBooking: false });
      const slot = await checkSlot(tx, input.studioId, { ...type, archivedAt: null, bufferAfterMinutes: booking.bufferAfterMinutes }, input.start, input.now, booking.id);
      const [updated] = await tx
        .update(bookings)
        .set({
          startsAt: slot.start,
          endsAt: slot.end,
          blocked: blockedRange(slot, booking.bufferAfterMinutes),
          version: sql`${bookings.version} + 1`,
          updatedAt: input.now,
        })
        .where(inStudio(bookings, input.studioId, eq(bookings.id, booking.id)))
        .returning();
      await scheduleReminder(tx, updated!, await queueBookingEmail(tx, updated!, "rescheduled", input.now));
      return updated!;
    }),
  );
}

/** The trainer records what happened once the session has started. */
export async function markAttendance(db: Db, input: { studioId: string; bookingId: string; status: "attended" | "no_show"; now: Date }) {
  return db.transaction(async (tx) => {
    const booking = await lockBooking(tx, input.studioId, input.bookingId);
    if (booking.status === "cancelled") throw new DomainError("PRECONDITION_FAILED", "That booking was cancelled, so there is no attendance to record.");
    if (booking.startsAt.getTime() > input.now.getTime()) throw new DomainError("PRECONDITION_FAILED", "Mark attendance once the session has started.");
    const [updated] = await tx
      .update(bookings)
      .set({ status: input.status, updatedAt: input.now })
      .where(inStudio(bookings, input.studioId, eq(bookings.id, booking.id)))
      .returning();
    return updated!;
  });
}

const trainerUser = alias(users, "trainer_user");

export const bookingColumns = {
  id: bookings.id,
  memberId: bookings.memberId,
  clientId: bookings.clientId,
  clientName: clients.name,
  trainerName: trainerUser.name,
  sessionTypeId: bookings.sessionTypeId,
  sessionName: sessionTypes.name,
  location: sessionTypes.location,
  onlineUrl: sessionTypes.onlineUrl,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  status: bookings.status,
  priceKind: bookings.priceKind,
  priceAmountMinor: bookings.priceAmountMinor,
  priceCurrency: bookings.priceCurrency,
  priceCredits: bookings.priceCredits,
  cancelFreeUntilHours: bookings.cancelFreeUntilHours,
  cancelledAt: bookings.cancelledAt,
  cancelledBy: bookings.cancelledBy,
  lateFeeAmountMinor: bookings.lateFeeAmountMinor,
  lateFeeCurrency: bookings.lateFeeCurrency,
  creditForfeited: bookings.creditForfeited,
  version: bookings.version,
  updatedAt: bookings.updatedAt,
};

function bookingQuery(q: Queryable) {
  return q
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, bookings.sessionTypeId))
    .innerJoin(studioMembers, eq(studioMembers.id, bookings.memberId))
    .innerJoin(trainerUser, eq(trainerUser.id, studioMembers.userId));
}

/** The studio calendar between two instants (one trainer's, or everyone's), cancelled ones too. */
export function listCalendar(q: Queryable, input: { studioId: string; from: Date; to: Date; memberIds?: string[]; clientScope?: ClientScope }) {
  return bookingQuery(q)
    .where(
      inStudio(
        bookings,
        input.studioId,
        lt(bookings.startsAt, input.to),
        gt(bookings.endsAt, input.from),
        input.memberIds?.length ? inArray(bookings.memberId, input.memberIds) : undefined,
        clientVisibleTo(input.clientScope ?? null, bookings.clientId),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

/** A client's bookings: upcoming first (soonest first), then the recent past. */
export async function listClientBookings(q: Queryable, input: { studioId: string; clientId: string; now: Date }) {
  const upcoming = await bookingQuery(q)
    .where(inStudio(bookings, input.studioId, eq(bookings.clientId, input.clientId), gt(bookings.endsAt, input.now)))
    .orderBy(asc(bookings.startsAt));
  const past = await bookingQuery(q)
    .where(inStudio(bookings, input.studioId, eq(bookings.clientId, input.clientId), or(lt(bookings.endsAt, input.now), eq(bookings.endsAt, input.now))))
    .orderBy(desc(bookings.startsAt))
    .limit(20);
  return { upcoming, past };
}

export type CalendarBooking = Awaited<ReturnType<typeof listCalendar>>[number];
