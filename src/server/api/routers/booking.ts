import { z } from "zod";
import { getFeedStatus, rotateFeed } from "@/server/booking/feed";
import { clientSchedule, openTimesByDay, trainerCalendar } from "@/server/booking/schedule";
import { bookSession, cancelBooking, markAttendance } from "@/server/booking/service";
import {
  addAvailabilityException,
  archiveSessionType,
  getAvailability,
  listSessionTypes,
  removeAvailabilityException,
  saveSessionType,
  setWeeklyAvailability,
} from "@/server/booking/settings";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
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
import { clientIdInput, theClient } from "./inputs";

const theBooking = (input: { bookingId: string }) => ({ bookingId: input.bookingId });

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
  calendar: trainerProcedure
    .input(calendarInput)
    .query(({ ctx, input }) =>
      trainerCalendar(ctx.db, { ...input, studioId: ctx.studioId, memberId: input.memberId ?? ctx.memberId, clientScope: ctx.clientScope, timeZone: ctx.viewer.timeZone, now: ctx.now() }),
    ),

  /** Open times of a session type, in the trainer's zone (to book for a client). */
  slots: trainerProcedure.input(slotsInput).query(({ ctx, input }) => openTimesByDay(ctx.db, { ...input, studioId: ctx.studioId, timeZone: ctx.viewer.timeZone, now: ctx.now() })),
  bookForClient: trainerProcedure
    .input(z.object({ sessionTypeId: sessionTypeIdInput.shape.sessionTypeId, clientId: z.uuid({ error: "Pick a client." }), start: startInput }))
    .use(namesClientRow(theClient))
    .mutation(({ ctx, input }) =>
      bookSession(ctx.db, { studioId: ctx.studioId, ...input, now: ctx.now(), actor: { by: "trainer", memberId: ctx.memberId } }),
    ),
  /** A trainer's cancellation is always free for the client (a credit goes back). */
  cancel: trainerProcedure
    .input(bookingIdInput)
    .use(namesClientRow(theBooking))
    .mutation(async ({ ctx, input }) => {
      const { booking, outcome } = await cancelBooking(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, actor: { by: "trainer", memberId: ctx.memberId }, now: ctx.now() });
      return { id: booking.id, status: booking.status, message: outcome.message };
    }),
  mark: trainerProcedure
    .input(bookingIdInput.extend({ status: z.enum(["attended", "no_show"], { error: "Mark it attended or no-show." }) }))
    .use(namesClientRow(theBooking))
    .mutation(async ({ ctx, input }) => {
      const booking = await markAttendance(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, status: input.status, now: ctx.now() });
      return { id: booking.id, status: booking.status };
    }),

  /** One client's sessions (upcoming, then the recent past), in the trainer's zone. */
  clientBookings: trainerProcedure
    .input(clientIdInput)
    .use(namesClientRow(theClient))
    .query(({ ctx, input }) => clientSchedule(ctx.db, { studioId: ctx.studioId, clientId: input.clientId, timeZone: ctx.viewer.timeZone, now: ctx.now() })),

  feed: trainerProcedure.query(({ ctx }) => getFeedStatus(ctx.db, ctx.studioId, { memberId: ctx.memberId })),
  rotateFeed: trainerProcedure.mutation(({ ctx }) => rotateFeed(ctx.db, { studioId: ctx.studioId, owner: { memberId: ctx.memberId }, appUrl: ctx.appUrl, now: ctx.now() })),
});
