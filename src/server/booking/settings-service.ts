import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Queryable } from "@/server/db/client";
import { availabilityExceptions, availabilityWindows, sessionTypes, studioMembers, users, type SessionTypeRow } from "@/server/db/schema";
import { inStudio } from "@/server/db/tenancy";
import { assertTypedDates, TYPED_DATE_WINDOWS } from "@/server/dates/typed-date";
import { localDateIn } from "@/lib/local-date";
import { zoneOf } from "@/server/dates/zones";
import { DomainError, notFound } from "@/lib/errors";
import type { AvailabilityException, SessionPrice, SessionType, WeeklyAvailability } from "./types";
import { wallTimeToMinutes } from "./types";

// A trainer's booking settings: what they offer (session types) and when (weekly hours in
// their own zone, plus dated exceptions).

export type SessionTypeInput = {
  name: string;
  durationMinutes: number;
  location?: string | null;
  onlineUrl?: string | null;
  price: SessionPrice;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number;
  cancelFreeUntilHours: number;
};

/** The rule's view of a stored session type. */
export function toSessionTypeRule(row: SessionTypeRow): SessionType {
  return {
    id: row.id,
    durationMinutes: row.durationMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    minNoticeMinutes: row.minNoticeMinutes,
    maxDaysAhead: row.maxDaysAhead,
    cancelFreeUntilHours: row.cancelFreeUntilHours,
    price: priceOf(row),
  };
}

export function priceOf(row: { priceKind: "money" | "credits"; priceAmountMinor: number | null; priceCurrency: string | null; priceCredits: number | null }): SessionPrice {
  return row.priceKind === "credits"
    ? { kind: "credits", credits: row.priceCredits ?? 1 }
    : { kind: "money", amountMinor: row.priceAmountMinor ?? 0, currency: row.priceCurrency ?? "GBP" };
}

function priceColumns(price: SessionPrice) {
  return price.kind === "credits"
    ? { priceKind: "credits" as const, priceCredits: price.credits, priceAmountMinor: null, priceCurrency: null }
    : { priceKind: "money" as const, priceAmountMinor: price.amountMinor, priceCurrency: price.currency, priceCredits: null };
}

const sessionTypeColumns = {
  id: sessionTypes.id,
  memberId: sessionTypes.memberId,
  trainerName: users.name,
  name: sessionTypes.name,
  durationMinutes: sessionTypes.durationMinutes,
  location: sessionTypes.location,
  onlineUrl: sessionTypes.onlineUrl,
  priceKind: sessionTypes.priceKind,
  priceAmountMinor: sessionTypes.priceAmountMinor,
  priceCurrency: sessionTypes.priceCurrency,
  priceCredits: sessionTypes.priceCredits,
  bufferAfterMinutes: sessionTypes.bufferAfterMinutes,
  minNoticeMinutes: sessionTypes.minNoticeMinutes,
  maxDaysAhead: sessionTypes.maxDaysAhead,
  cancelFreeUntilHours: sessionTypes.cancelFreeUntilHours,
  archivedAt: sessionTypes.archivedAt,
};

/** The studio's session types that clients can book (or one trainer's, archived too when asked). */
export function listSessionTypes(q: Queryable, studioId: string, filter: { memberId?: string; includeArchived?: boolean } = {}) {
  return q
    .select(sessionTypeColumns)
    .from(sessionTypes)
    .innerJoin(studioMembers, eq(studioMembers.id, sessionTypes.memberId))
    .innerJoin(users, eq(users.id, studioMembers.userId))
    .where(
      inStudio(
        sessionTypes,
        studioId,
        filter.memberId ? eq(sessionTypes.memberId, filter.memberId) : undefined,
        filter.includeArchived ? undefined : isNull(sessionTypes.archivedAt),
      ),
    )
    .orderBy(asc(users.name), asc(sessionTypes.name));
}

/** What a client sees of the session types they can book: archived ones never reach them, so neither does the field. */
export async function bookableSessionTypes(q: Queryable, studioId: string) {
  const types = await listSessionTypes(q, studioId);
  return types.map(({ archivedAt: _archived, ...type }) => type);
}

/** Creates a session type the trainer offers, or changes one of theirs. */
export async function saveSessionType(db: Db, studioId: string, memberId: string, input: SessionTypeInput & { id?: string }) {
  const values = {
    name: input.name,
    durationMinutes: input.durationMinutes,
    location: input.location || null,
    onlineUrl: input.onlineUrl || null,
    bufferAfterMinutes: input.bufferAfterMinutes,
    minNoticeMinutes: input.minNoticeMinutes,
    maxDaysAhead: input.maxDaysAhead,
    cancelFreeUntilHours: input.cancelFreeUntilHours,
    ...priceColumns(input.price),
  };
  if (!input.id) {
    const [row] = await db.insert(sessionTypes).values({ studioId, memberId, ...values }).returning();
    return row!;
  }
  // Bookings keep their own price and policy snapshot, so a change applies to new bookings only.
  const [row] = await db
    .update(sessionTypes)
    .set(values)
    .where(inStudio(sessionTypes, studioId, eq(sessionTypes.id, input.id), eq(sessionTypes.memberId, memberId)))
    .returning();
  if (!row) throw notFound("session type");
  return row;
}

/** Stops offering a session type; its bookings stay. */
export async function archiveSessionType(db: Db, studioId: string, memberId: string, sessionTypeId: string, now: Date) {
  const [row] = await db
    .update(sessionTypes)
    .set({ archivedAt: now })
    .where(inStudio(sessionTypes, studioId, eq(sessionTypes.id, sessionTypeId), eq(sessionTypes.memberId, memberId)))
    .returning({ id: sessionTypes.id });
  if (!row) throw notFound("session type");
  return { id: row.id };
}

/** 'HH:MM:SS' from a time column as 'HH:mm' ('24:00:00' stays '24:00'). */
const hhmm = (value: string) => value.slice(0, 5);

export type TrainerAvailability = {
  memberId: string;
  timeZone: string;
  weekly: WeeklyAvailability;
  exceptions: (AvailabilityException & { id: string })[];
};

/** A trainer's zone, weekly hours and exceptions (exceptions from `fromDate` on, when given). */
export async function getAvailability(q: Queryable, studioId: string, memberId: string): Promise<TrainerAvailability> {
  const timeZone = await zoneOf(q, studioId, { memberId });
  const weekly = await q
    .select()
    .from(availabilityWindows)
    .where(inStudio(availabilityWindows, studioId, eq(availabilityWindows.memberId, memberId)))
    .orderBy(asc(availabilityWindows.weekday), asc(availabilityWindows.startTime));
  const exceptions = await q
    .select()
    .from(availabilityExceptions)
    .where(inStudio(availabilityExceptions, studioId, eq(availabilityExceptions.memberId, memberId)))
    .orderBy(asc(availabilityExceptions.date), asc(availabilityExceptions.startTime));
  return {
    memberId,
    timeZone,
    weekly: weekly.map((w) => ({ weekday: w.weekday, start: hhmm(w.startTime), end: hhmm(w.endTime) })),
    exceptions: exceptions.map((e) =>
      e.kind === "day_off"
        ? { id: e.id, date: e.date, kind: "day_off" as const }
        : { id: e.id, date: e.date, kind: "extra" as const, start: hhmm(e.startTime!), end: hhmm(e.endTime!) },
    ),
  };
}

/** Replaces the trainer's weekly hours, written in `timeZone` (which becomes their zone). */
export async function setWeeklyAvailability(db: Db, studioId: string, memberId: string, input: { timeZone: string; weekly: WeeklyAvailability }) {
  const sorted = [...input.weekly].sort((a, b) => a.weekday - b.weekday || wallTimeToMinutes(a.start) - wallTimeToMinutes(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const [prev, next] = [sorted[i - 1]!, sorted[i]!];
    if (prev.weekday === next.weekday && wallTimeToMinutes(next.start) < wallTimeToMinutes(prev.end)) {
      throw new DomainError("BAD_REQUEST", "Two windows on the same day overlap. Merge them into one.", "weekly");
    }
  }
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: studioMembers.userId })
      .from(studioMembers)
      .where(inStudio(studioMembers, studioId, eq(studioMembers.id, memberId)));
    if (!member) throw notFound("trainer");
    await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, member.userId));
    await tx.delete(availabilityWindows).where(inStudio(availabilityWindows, studioId, eq(availabilityWindows.memberId, memberId)));
    if (sorted.length > 0) {
      await tx.insert(availabilityWindows).values(sorted.map((w) => ({ studioId, memberId, weekday: w.weekday, startTime: w.start, endTime: w.end })));
    }
    return getAvailability(tx, studioId, memberId);
  });
}

/** Adds a day off or extra hours on one date, from the trainer's today on. */
export async function addAvailabilityException(db: Db, studioId: string, memberId: string, exception: AvailabilityException, now: Date) {
  assertTypedDates(localDateIn(now, await zoneOf(db, studioId, { memberId })), [{ field: "date", value: exception.date, window: TYPED_DATE_WINDOWS.availability }]);
  const [row] = await db
    .insert(availabilityExceptions)
    .values({
      studioId,
      memberId,
      date: exception.date,
      kind: exception.kind,
      startTime: exception.kind === "extra" ? exception.start : null,
      endTime: exception.kind === "extra" ? exception.end : null,
    })
    .returning({ id: availabilityExceptions.id });
  return { id: row!.id };
}

export async function removeAvailabilityException(db: Db, studioId: string, memberId: string, exceptionId: string) {
  const [row] = await db
    .delete(availabilityExceptions)
    .where(and(inStudio(availabilityExceptions, studioId, eq(availabilityExceptions.id, exceptionId)), eq(availabilityExceptions.memberId, memberId)))
    .returning({ id: availabilityExceptions.id });
  if (!row) throw notFound("exception");
  return { id: row.id };
}
