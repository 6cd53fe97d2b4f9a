import { sql } from "drizzle-orm";
import { bigserial, check, customType, date, index, integer, jsonb, pgTable, smallint, text, time, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./_columns";
import { clients, studioMembers, studios } from "./studios";

/** A PostgreSQL range of instants, read and written as its text form ('[a,b)'). */
const tstzrange = customType<{ data: string }>({ dataType: () => "tstzrange" });

// What a trainer offers: length, where, price (money or credits), and the booking rules.
export const sessionTypes = pgTable(
  "session_types",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    memberId: uuid("member_id").notNull().references(() => studioMembers.id),
    name: text("name").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    location: text("location"),
    onlineUrl: text("online_url"),
    priceKind: text("price_kind", { enum: ["money", "credits"] }).notNull(),
    priceAmountMinor: integer("price_amount_minor"),
    priceCurrency: text("price_currency"),
    priceCredits: integer("price_credits"),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(720),
    maxDaysAhead: integer("max_days_ahead").notNull().default(56),
    cancelFreeUntilHours: integer("cancel_free_until_hours").notNull().default(24),
    archivedAt: instant("archived_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("session_types_studio_member_idx").on(t.studioId, t.memberId),
    check("session_types_duration", sql`${t.durationMinutes} between 5 and 1440`),
    check("session_types_rules", sql`${t.bufferAfterMinutes} >= 0 and ${t.minNoticeMinutes} >= 0 and ${t.maxDaysAhead} between 1 and 366 and ${t.cancelFreeUntilHours} >= 0`),
    check(
      "session_types_price",
      sql`(${t.priceKind} = 'money' and ${t.priceAmountMinor} >= 0 and ${t.priceCurrency} ~ '^[A-Z]{3}$' and ${t.priceCredits} is null)
        or (${t.priceKind} = 'credits' and ${t.priceCredits} >= 1 and ${t.priceAmountMinor} is null and ${t.priceCurrency} is null)`,
    ),
  ],
);

// A trainer's repeating week, as wall time in the trainer's own zone (users.time_zone):
// "Mondays 09:00–12:00" stays 09:00 local on both sides of a DST change.
export const availabilityWindows = pgTable(
  "availability_windows",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    memberId: uuid("member_id").notNull().references(() => studioMembers.id),
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
  },
  (t) => [
    index("availability_windows_studio_member_idx").on(t.studioId, t.memberId),
    check("availability_windows_weekday", sql`${t.weekday} between 1 and 7`),
    check("availability_windows_order", sql`${t.endTime} > ${t.startTime}`),
  ],
);

// A dated change to the week: a day off, or extra hours.
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    memberId: uuid("member_id").notNull().references(() => studioMembers.id),
    date: date("date").notNull(),
    kind: text("kind", { enum: ["day_off", "extra"] }).notNull(),
    startTime: time("start_time"),
    endTime: time("end_time"),
  },
  (t) => [
    index("availability_exceptions_studio_member_date_idx").on(t.studioId, t.memberId, t.date),
    check(
      "availability_exceptions_shape",
      sql`(${t.kind} = 'day_off' and ${t.startTime} is null and ${t.endTime} is null)
        or (${t.kind} = 'extra' and ${t.startTime} is not null and ${t.endTime} > ${t.startTime})`,
    ),
  ],
);

// A booked session. `blocked` is the time the trainer is busy (session plus break) and is
// what the exclusion constraint compares (drizzle/*_bookings_no_overlap.sql); the check
// keeps it equal to starts_at/ends_at/buffer. The price is a snapshot taken at booking.
export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    memberId: uuid("member_id").notNull().references(() => studioMembers.id),
    clientId: uuid("client_id").notNull().references(() => clients.id),
    sessionTypeId: uuid("session_type_id").notNull().references(() => sessionTypes.id),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    blocked: tstzrange("blocked").notNull(),
    status: text("status", { enum: ["confirmed", "cancelled", "attended", "no_show"] }).notNull().default("confirmed"),
    priceKind: text("price_kind", { enum: ["money", "credits"] }).notNull(),
    priceAmountMinor: integer("price_amount_minor"),
    priceCurrency: text("price_currency"),
    priceCredits: integer("price_credits"),
    cancelFreeUntilHours: integer("cancel_free_until_hours").notNull().default(24),
    /** Bumped by every reschedule and cancellation: the iCalendar SEQUENCE. */
    version: integer("version").notNull().default(0),
    cancelledAt: instant("cancelled_at"),
    cancelledBy: text("cancelled_by", { enum: ["client", "trainer"] }),
    /** A late cancellation of a money-priced session: what billing is to collect. */
    lateFeeAmountMinor: integer("late_fee_amount_minor"),
    lateFeeCurrency: text("late_fee_currency"),
    /** A late cancellation of a credit-priced session: the credit stays spent. */
    creditForfeited: integer("credit_forfeited").notNull().default(0),
    bookedByMemberId: uuid("booked_by_member_id").references(() => studioMembers.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("bookings_studio_member_start_idx").on(t.studioId, t.memberId, t.startsAt),
    index("bookings_studio_client_start_idx").on(t.studioId, t.clientId, t.startsAt),
    check("bookings_order", sql`${t.endsAt} > ${t.startsAt} and ${t.bufferAfterMinutes} >= 0`),
    check(
      "bookings_blocked_matches",
      sql`${t.blocked} = tstzrange(${t.startsAt}, ${t.endsAt} + ${t.bufferAfterMinutes} * interval '1 minute', '[)')`,
    ),
    check(
      "bookings_cancelled_shape",
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelledBy} is not null)`,
    ),
  ],
);

// A private calendar feed: one per trainer and one per client. Only the SHA-256 of the
// secret in the URL is stored; rotating replaces it, and the old URL stops working.
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    studioId: uuid("studio_id").notNull().references(() => studios.id),
    memberId: uuid("member_id").references(() => studioMembers.id),
    clientId: uuid("client_id").references(() => clients.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index("calendar_feeds_studio_idx").on(t.studioId),
    uniqueIndex("calendar_feeds_member_unique").on(t.memberId).where(sql`${t.memberId} is not null`),
    uniqueIndex("calendar_feeds_client_unique").on(t.clientId).where(sql`${t.clientId} is not null`),
    check("calendar_feeds_one_owner", sql`(${t.memberId} is null) <> (${t.clientId} is null)`),
  ],
);

// Background jobs (reminders, …) kept in the database, so they survive restarts and any
// number of app instances share them: a worker claims a job with FOR UPDATE SKIP LOCKED and
// finishes it in the same transaction as its effect.
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** One job per key: enqueuing the same key again changes nothing. */
    key: text("key").notNull().unique(),
    runAt: instant("run_at").notNull(),
    doneAt: instant("done_at"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null`)],
);

export type SessionTypeRow = typeof sessionTypes.$inferSelect;
export type AvailabilityWindowRow = typeof availabilityWindows.$inferSelect;
export type AvailabilityExceptionRow = typeof availabilityExceptions.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
export type Job = typeof jobs.$inferSelect;
