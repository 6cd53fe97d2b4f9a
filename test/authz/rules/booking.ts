import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { bookSession } from "@/server/booking/service";
import { addAvailabilityException, saveSessionType } from "@/server/booking/settings";
import { bookings } from "@/server/db/schema";
import type { Db } from "@/server/db/client";
import { addDays, localDateIn } from "@/lib/local-date";
import { makeBookable } from "../../booking-factories";
import { CLIENTS, CLIENT_A, TRAINERS, type AuthzFixture, type ProcedureRules } from "../roles";

// The home studio made bookable once per run; every booking an input needs is fresh, so
// each allowed role acts on a booking of its own (a cancel can't be done twice).
// Days off lie within the dates a trainer may type (from today, two years ahead).
const daysFromToday = (days: number) => addDays(localDateIn(new Date(), "Europe/London"), days);

const bookable = new Map<string, ReturnType<typeof makeBookable>>();
function homeTypes(f: AuthzFixture, db: Db) {
  let types = bookable.get(f.home.studioId);
  if (!types) {
    // Every role of each booking procedure books once, and the matrix runs twice (trainers see
    // every client, or their own): enough credits for the roles to come.
    types = makeBookable(db, f.home, { credits: 250 });
    bookable.set(f.home.studioId, types);
  }
  return types;
}

let nextSlot = 0;
/** A distinct free start, some days ahead, every two hours inside 08:00–18:00 London (a session and its break fit). */
function freshStart(): Date {
  const n = nextSlot++;
  return DateTime.now().setZone("Europe/London").startOf("day").plus({ days: 3 + Math.floor(n / 5) }).set({ hour: 8 + 2 * (n % 5) }).toJSDate();
}

async function freshBookingOfA(f: AuthzFixture, db: Db, start = freshStart()) {
  const { creditType } = await homeTypes(f, db);
  const clientId = f.home.clientA.clientId;
  return bookSession(db, { studioId: f.home.studioId, sessionTypeId: creditType.id, clientId, start, now: new Date(), actor: { by: "client", clientId } });
}

const typeId = async (f: AuthzFixture, db: Db) => (await homeTypes(f, db)).creditType.id;

export const bookingRules: ProcedureRules = {
  // Another studio's trainer works on *their own* settings and calendar: the leak check proves none of ours come back.
  "booking.sessionTypes": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false, input: () => ({}) },
  "booking.saveSessionType": {
    allowed: [...TRAINERS, "otherTrainer"], clientScoped: false,
    input: () => ({ name: "Hill session", durationMinutes: 45, price: { kind: "money", amount: "30,00", currency: "GBP" }, bufferAfterMinutes: 0, minNoticeMinutes: 60, maxDaysAhead: 30, cancelFreeUntilHours: 24 }),
  },
  // Only the trainer who offers it may archive it (the owner gets "not found" like any other).
  "booking.archiveSessionType": {
    allowed: ["trainer"], clientScoped: false,
    input: async (f, db) => {
      const row = await saveSessionType(db, f.home.studioId, f.home.trainer.memberId, { name: "Temp", durationMinutes: 30, price: { kind: "credits", credits: 1 }, bufferAfterMinutes: 0, minNoticeMinutes: 0, maxDaysAhead: 30, cancelFreeUntilHours: 24 });
      return { sessionTypeId: row.id };
    },
  },
  "booking.availability": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  // The same hours makeBookable sets, so the bookings later in the run still fit.
  "booking.setAvailability": {
    allowed: [...TRAINERS, "otherTrainer"], clientScoped: false,
    input: () => ({ timeZone: "Europe/London", weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "18:00" })) }),
  },
  "booking.addException": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false, input: () => ({ date: daysFromToday(400), kind: "day_off" }) },
  "booking.removeException": {
    allowed: ["trainer"], clientScoped: false,
    input: async (f, db) => {
      return { exceptionId: (await addAvailabilityException(db, f.home.studioId, f.home.trainer.memberId, { date: daysFromToday(401), kind: "day_off" }, new Date())).id };
    },
  },
  "booking.calendar": { allowed: TRAINERS, clientScoped: false, input: async (f, db) => (await freshBookingOfA(f, db), { memberId: f.home.trainer.memberId, days: 31 }) },
  "booking.slots": { allowed: TRAINERS, clientScoped: false, input: async (f, db) => ({ sessionTypeId: await typeId(f, db), days: 7 }) },
  "booking.bookForClient": { allowed: TRAINERS, clientScoped: true, input: async (f, db) => ({ sessionTypeId: await typeId(f, db), clientId: f.home.clientA.clientId, start: freshStart() }) },
  "booking.cancel": { allowed: TRAINERS, clientScoped: true, input: async (f, db) => ({ bookingId: (await freshBookingOfA(f, db)).id }) },
  // Attendance is marked once the session has started: a booking made in the past, straight in the table.
  "booking.mark": {
    allowed: TRAINERS, clientScoped: true,
    input: async (f, db) => {
      const booking = await freshBookingOfA(f, db);
      const startsAt = DateTime.now().startOf("hour").minus({ days: 1 + nextSlot++ }).toJSDate();
      const endsAt = new Date(startsAt.getTime() + 3_600_000);
      const blockedEnd = new Date(endsAt.getTime() + booking.bufferAfterMinutes * 60_000);
      await db.update(bookings).set({ startsAt, endsAt, blocked: `[${startsAt.toISOString()},${blockedEnd.toISOString()})` }).where(eq(bookings.id, booking.id));
      return { bookingId: booking.id, status: "attended" };
    },
  },
  "booking.clientBookings": { allowed: TRAINERS, clientScoped: true, input: async (f, db) => (await freshBookingOfA(f, db), { clientId: f.home.clientA.clientId }) },
  "booking.feed": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },
  "booking.rotateFeed": { allowed: [...TRAINERS, "otherTrainer"], clientScoped: false },

  // Clients see their studio's session types and times, and act only on their own bookings.
  "portalBooking.sessionTypes": { allowed: CLIENTS },
  "portalBooking.slots": { allowed: CLIENTS, input: async (f, db) => ({ sessionTypeId: await typeId(f, db), days: 7 }) },
  "portalBooking.book": { allowed: CLIENTS, input: async (f, db) => ({ sessionTypeId: await typeId(f, db), start: freshStart() }) },
  "portalBooking.list": { allowed: CLIENTS, input: async (f, db) => (await freshBookingOfA(f, db), undefined) },
  "portalBooking.preview": { allowed: CLIENT_A, input: async (f, db) => ({ bookingId: (await freshBookingOfA(f, db)).id, action: "cancel" }) },
  "portalBooking.cancel": { allowed: CLIENT_A, input: async (f, db) => ({ bookingId: (await freshBookingOfA(f, db)).id }) },
  "portalBooking.reschedule": { allowed: CLIENT_A, input: async (f, db) => ({ bookingId: (await freshBookingOfA(f, db)).id, start: freshStart() }) },
  "portalBooking.credits": { allowed: CLIENTS },
  "portalBooking.feed": { allowed: CLIENTS },
  "portalBooking.rotateFeed": { allowed: CLIENTS },

  "credit.forClient": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId }) },
  "credit.grant": { allowed: TRAINERS, clientScoped: true, input: (f) => ({ clientId: f.home.clientA.clientId, amount: 1, reason: "authz check" }) },
};
