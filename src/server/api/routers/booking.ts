import { z } from "zod";
import { getFeedStatus, rotateFeed } from "@/server/booking/feed-service";
import { bookSession, cancelBooking, listCalendar, listClientBookings, listSlots, markAttendance } from "@/server/booking/service";
import {
  addAvailabilityException,
  archiveSessionType,
  getAvailability,
  listSessionTypes,
  removeAvailabilityException,
  saveSessionType,
  setWeeklyAvailability,
} from "@/server/booking/settings-service";
import { localDateIn } from "@/lib/local-date";
import { groupSlotsByLocalDate, localDateRange } from "@/server/booking/views";
import { getClient, listCoaches } from "@/server/clients/service";
import { notFound } from "@/server/errors";
import { createTRPCRouter, trainerProcedure } from "../trpc";
import {
  addExceptionInput,
  bookingIdInput,
  calendarInput,
  exceptionIdInput,
  readSessionPrice,
  saveSessionTypeInput,
  sessionTypeIdInput,
  setAvailabilityInput,
  slotsInput,
  startInput,
} from "./booking-inputs";

// The trainer's side of bookings: what they offer, when, and their calendar.
export const bookingRouter = createTRPCRouter({
  sessionTypes: trainerProcedure
    .input(z.object({ mine: z.boolean().default(false), includeArchived: z.boolean().default(false) }).default({ mine: false, includeArchived: false }))
    .query(({ ctx, input }) => listSessionTypes(ctx.db, ctx.studioId, { memberId: input.mine ? ctx.memberId : undefined, includeArchived: input.includeArchived })),
  saveSessionType: trainerProcedure
    .input(saveSessionTypeInput)
    .mutation(({ ctx, input }) => saveSessionType(ctx.db, ctx.studioId, ctx.memberId, { ...input, price: readSessionPrice(input.price) })),
  archiveSessionType: trainerProcedure
    .input(sessionTypeIdInput)
    .mutation(({ ctx, input }) => archiveSessionType(ctx.db, ctx.studioId, ctx.memberId, input.sessionTypeId, ctx.now())),

  availability: trainerProcedure.query(({ ctx }) => getAvailability(ctx.db, ctx.studioId, ctx.memberId)),
  setAvailability: trainerProcedure.input(setAvailabilityInput).mutation(({ ctx, input }) => setWeeklyAvailability(ctx.db, ctx.studioId, ctx.memberId, input)),
  addException: trainerProcedure.input(addExceptionInput).mutation(({ ctx, input }) => addAvailabilityException(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  removeException: trainerProcedure
    .input(exceptionIdInput)
    .mutation(({ ctx, input }) => removeAvailabilityException(ctx.db, ctx.studioId, ctx.memberId, input.exceptionId)),

  /** The week calendar, in the trainer's zone: one trainer's bookings (their own by default). */
  calendar: trainerProcedure.input(calendarInput).query(async ({ ctx, input }) => {
    const timeZone = ctx.viewer.timeZone;
    const memberId = input.memberId ?? ctx.memberId;
    const trainers = await listCoaches(ctx.db, ctx.studioId);
    if (!trainers.some((t) => t.id === memberId)) throw notFound("trainer");
    const from = input.from ?? localDateIn(ctx.now(), timeZone);
    const range = localDateRange(from, input.days, timeZone);
    const bookings = await listCalendar(ctx.db, { studioId: ctx.studioId, ...range, memberIds: [memberId] });
    return { timeZone, from, memberId, trainers, bookings };
  }),

  /** Open times of a session type, in the trainer's zone (to book for a client). */
  slots: trainerProcedure.input(slotsInput).query(async ({ ctx, input }) => {
    const timeZone = ctx.viewer.timeZone;
    const range = localDateRange(input.from ?? localDateIn(ctx.now(), timeZone), input.days, timeZone);
    const { slots } = await listSlots(ctx.db, { studioId: ctx.studioId, sessionTypeId: input.sessionTypeId, now: ctx.now(), ...range });
    return { timeZone, days: groupSlotsByLocalDate(slots, timeZone) };
  }),
  bookForClient: trainerProcedure
    .input(z.object({ sessionTypeId: sessionTypeIdInput.shape.sessionTypeId, clientId: z.uuid({ error: "Pick a client." }), start: startInput }))
    .mutation(({ ctx, input }) =>
      bookSession(ctx.db, { studioId: ctx.studioId, ...input, now: ctx.now(), actor: { by: "trainer", memberId: ctx.memberId } }),
    ),
  /** A trainer's cancellation is always free for the client (a credit goes back). */
  cancel: trainerProcedure
    .input(bookingIdInput)
    .mutation(async ({ ctx, input }) => {
      const { booking, outcome } = await cancelBooking(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, actor: { by: "trainer", memberId: ctx.memberId }, now: ctx.now() });
      return { id: booking.id, status: booking.status, message: outcome.message };
    }),
  mark: trainerProcedure
    .input(bookingIdInput.extend({ status: z.enum(["attended", "no_show"], { error: "Mark it attended or no-show." }) }))
    .mutation(async ({ ctx, input }) => {
      const booking = await markAttendance(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, status: input.status, now: ctx.now() });
      return { id: booking.id, status: booking.status };
    }),

  /** One client's sessions (upcoming, then the recent past), in the trainer's zone. */
  clientBookings: trainerProcedure.input(z.object({ clientId: z.uuid({ error: "That client id is not valid." }) })).query(async ({ ctx, input }) => {
    await getClient(ctx.db, ctx.studioId, input.clientId);
    return { timeZone: ctx.viewer.timeZone, ...(await listClientBookings(ctx.db, { studioId: ctx.studioId, clientId: input.clientId, now: ctx.now() })) };
  }),

  feed: trainerProcedure.query(({ ctx }) => getFeedStatus(ctx.db, ctx.studioId, { memberId: ctx.memberId })),
  rotateFeed: trainerProcedure.mutation(({ ctx }) => rotateFeed(ctx.db, { studioId: ctx.studioId, owner: { memberId: ctx.memberId }, appUrl: ctx.appUrl, now: ctx.now() })),
});
