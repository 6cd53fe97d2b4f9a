import { z } from "zod";
import { isValidLocalDate } from "@/lib/local-date";
import { isValidTimeZone } from "@/lib/time-zones";

// Booking settings as plain data. The zod schemas are what a router validates input with
// (messages a trainer can act on); the types are what the pure rules take. Wall times and
// dates are in the trainer's IANA zone; instants (Date) are UTC.

const wallTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
// "24:00" is allowed as an end so a window can run to midnight.
const wallEndPattern = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since local midnight of an 'HH:mm' wall time ('24:00' is 1440). */
export function wallTimeToMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":");
  return Number(hours) * 60 + Number(minutes);
}

export const wallTimeSchema = z
  .string()
  .regex(wallTimePattern, { message: "Enter a time as HH:mm, for example 09:00." });

export const wallEndTimeSchema = z
  .string()
  .regex(wallEndPattern, { message: "Enter a time as HH:mm, for example 17:30 (24:00 for midnight)." });

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a date as YYYY-MM-DD." })
  .refine(isValidLocalDate, { message: "Enter a date that exists on the calendar." });

const TIME_ZONE_MESSAGE = "Choose a time zone from the list, for example Europe/London.";
// The longest IANA name is 32 characters (America/Argentina/ComodRivadavia).
export const timeZoneSchema = z.string().max(64, { message: TIME_ZONE_MESSAGE, abort: true }).refine(isValidTimeZone, { message: TIME_ZONE_MESSAGE });

const endAfterStart = {
  check: (window: { start: string; end: string }) =>
    wallTimeToMinutes(window.end) > wallTimeToMinutes(window.start),
  message: { message: "The end time must be after the start time.", path: ["end"] },
};

export const availabilityWindowSchema = z
  .object({
    /** ISO weekday: Monday = 1 … Sunday = 7. */
    weekday: z
      .number()
      .int()
      .min(1, { message: "Pick a weekday from Monday to Sunday." })
      .max(7, { message: "Pick a weekday from Monday to Sunday." }),
    start: wallTimeSchema,
    end: wallEndTimeSchema,
  })
  .refine(endAfterStart.check, endAfterStart.message);

export const weeklyAvailabilitySchema = z.array(availabilityWindowSchema);

export const availabilityExceptionSchema = z.discriminatedUnion("kind", [
  z.object({ date: localDateSchema, kind: z.literal("day_off") }),
  z
    .object({ date: localDateSchema, kind: z.literal("extra"), start: wallTimeSchema, end: wallEndTimeSchema })
    .refine(endAfterStart.check, endAfterStart.message),
]);

export const MAX_SESSION_PRICE_MINOR = 999_999_999;
/** As many as the largest pack holds. */
export const MAX_SESSION_CREDITS = 100;

export const sessionPriceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("money"),
    // The caps keep prices inside the integer columns (past 2^31 the insert was a 500, found by
    // the fuzzer); a plan's price stops at the same 9,999,999.99 (billing's parseMoney).
    amountMinor: z
      .number()
      .int()
      .min(0, { message: "Enter a price of zero or more." })
      .max(MAX_SESSION_PRICE_MINOR, { message: "That price is too high; check the amount." }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: "Enter a three-letter currency code, for example GBP." }),
  }),
  z.object({
    kind: z.literal("credits"),
    credits: z
      .number()
      .int()
      .min(1, { message: "A session costs at least one credit." })
      .max(MAX_SESSION_CREDITS, { message: `A session costs at most ${MAX_SESSION_CREDITS} credits.` }),
  }),
]);

const minutes = (what: string) =>
  z
    .number()
    .int({ message: `Enter ${what} as whole minutes.` })
    .min(0, { message: `Enter ${what} of zero minutes or more.` });

// A session lasts 5 minutes to 8 hours: a longer one is a typo (4800 for 480), not a session.
// The database's check (5 to 1440) is only the outer fence.
const SESSION_MAX_MINUTES = 8 * 60;
export const sessionLengthSchema = z
  .number({ error: "Enter the length in minutes." })
  .int({ error: "Enter the length as whole minutes." })
  .min(5, { error: "A session lasts at least 5 minutes." })
  .max(SESSION_MAX_MINUTES, { error: "A session lasts at most 8 hours." });

export const sessionTypeSchema = z.object({
  id: z.string().min(1),
  durationMinutes: sessionLengthSchema,
  bufferAfterMinutes: minutes("a break after the session"),
  minNoticeMinutes: minutes("the notice"),
  maxDaysAhead: z
    .number()
    .int()
    .min(1, { message: "Let clients book at least 1 day ahead." })
    .max(366, { message: "Let clients book at most 366 days ahead." }),
  /** Distance between offered start times; defaults to the duration (or 15 when unusable). */
  slotStepMinutes: z
    .number()
    .int()
    .min(5, { message: "Offer start times at least 5 minutes apart." })
    .optional(),
  /** Free cancellation until this many hours before the start; defaults to 24. */
  cancelFreeUntilHours: z.number().min(0, { message: "Enter zero hours or more." }).optional(),
  price: sessionPriceSchema,
});

export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;
/** The trainer's repeating week, in the trainer's zone. */
export type WeeklyAvailability = AvailabilityWindow[];
/** A dated change to the week: a day off removes that date's weekly hours, extra adds a window. */
export type AvailabilityException = z.infer<typeof availabilityExceptionSchema>;
export type SessionPrice = z.infer<typeof sessionPriceSchema>;
export type SessionType = z.infer<typeof sessionTypeSchema>;

/**
 * A booking that already holds the trainer's time: the session itself, without buffer.
 * The rule adds the buffer after it: `bufferAfterMinutes` when given (the buffer of that
 * booking's own session type), otherwise the buffer of the session type being booked.
 */
export interface ExistingBooking {
  start: Date;
  end: Date;
  bufferAfterMinutes?: number;
}

/** One bookable start, as UTC instants. */
export interface Slot {
  start: Date;
  end: Date;
}

export const DEFAULT_CANCEL_FREE_UNTIL_HOURS = 24;

/** The step between offered start times: the session type's own, else its duration, else 15. */
export function slotStepMinutesOf(sessionType: SessionType): number {
  const step = sessionType.slotStepMinutes ?? sessionType.durationMinutes;
  return Number.isInteger(step) && step > 0 ? step : 15;
}
