import { z } from "zod";
import { CURRENCIES, parseMoney } from "@/lib/money";
import { availabilityExceptionSchema, localDateSchema, sessionLengthSchema, sessionPriceSchema, timeZoneSchema, weeklyAvailabilitySchema } from "@/server/booking/types";
import type { SessionPrice } from "@/server/booking/types";

// The booking procedures' inputs, shared by the trainer's and the client's routers.
const uuid = (what: string) => z.uuid({ error: `That ${what} id is not valid.` });

export const sessionTypeIdInput = z.object({ sessionTypeId: uuid("session type") });
export const bookingIdInput = z.object({ bookingId: uuid("booking") });

const wholeMinutes = (what: string, max: number) =>
  z
    .number({ error: `Enter ${what} in minutes.` })
    .int({ error: `Enter ${what} as whole minutes.` })
    .min(0, { error: `Enter ${what} of zero minutes or more.` })
    .max(max, { error: `Enter ${what} of at most ${max} minutes.` });

// A money price arrives as the trainer typed it ("40", "40.50", "40,50") and is read by the one
// money parser, as plans' prices are; credits are a plain count.
const typedSessionPriceInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("money"),
      amount: z.string({ error: "Enter a price such as 40 or 40.50." }).trim().min(1, { error: "Enter a price such as 40 or 40.50." }).max(20, { error: "That price is too long." }),
      currency: z.enum(CURRENCIES, { error: "Pick a currency from the list." }),
    }),
    sessionPriceSchema.options[1],
  ],
  { error: "Choose a price in money or in session credits." },
);

/** The stored price of a typed one: a refusal names the `price` field. */
export function readSessionPrice(price: z.output<typeof typedSessionPriceInput>): SessionPrice {
  return price.kind === "money" ? { kind: "money", amountMinor: parseMoney(price.amount, price.currency, { allowZero: true }), currency: price.currency } : price;
}

export const saveSessionTypeInput = z.object({
  id: uuid("session type").optional(),
  name: z.string().trim().min(1, { error: "Give the session type a name." }).max(80, { error: "Use at most 80 characters for the name." }),
  durationMinutes: sessionLengthSchema,
  location: z.string().trim().max(200, { error: "Use at most 200 characters for the place." }).optional(),
  onlineUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full link starting with https://." }).max(2000, { error: "Use a link of at most 2,000 characters." })])
    .optional(),
  price: typedSessionPriceInput,
  bufferAfterMinutes: wholeMinutes("the break after", 240),
  minNoticeMinutes: wholeMinutes("the notice", 14 * 24 * 60),
  maxDaysAhead: z
    .number({ error: "Enter how many days ahead clients may book." })
    .int({ error: "Enter whole days." })
    .min(1, { error: "Let clients book at least 1 day ahead." })
    .max(366, { error: "Let clients book at most 366 days ahead." }),
  cancelFreeUntilHours: z
    .number({ error: "Enter the hours before the session." })
    .int({ error: "Enter whole hours." })
    .min(0, { error: "Enter zero hours or more." })
    .max(336, { error: "Enter at most 336 hours (two weeks)." }),
});

export const setAvailabilityInput = z.object({ timeZone: timeZoneSchema, weekly: weeklyAvailabilitySchema.max(50, { error: "Use at most 50 windows a week." }) });
export const addExceptionInput = availabilityExceptionSchema;
export const exceptionIdInput = z.object({ exceptionId: uuid("exception") });

export const slotsInput = z.object({
  sessionTypeId: uuid("session type"),
  /** First local date to show (the reader's zone); today when absent. */
  from: localDateSchema.optional(),
  days: z.number().int().min(1).max(28, { error: "Show at most 28 days at a time." }).default(14),
});

// Slots lie within a year of today; a start outside this century is a broken request, and one
// near the end of JavaScript's dates (year 275760) overflowed the service's date sums into a 500.
const pickAStart = { error: "Pick a start time from the list." };
export const startInput = z.date(pickAStart).min(new Date("2000-01-01T00:00:00Z"), pickAStart).max(new Date("2100-01-01T00:00:00Z"), pickAStart);

export const calendarInput = z.object({
  /** The first local date of the week shown (the trainer's zone). */
  from: localDateSchema.optional(),
  days: z.number().int().min(1).max(31).default(7),
  memberId: uuid("trainer").optional(),
});
