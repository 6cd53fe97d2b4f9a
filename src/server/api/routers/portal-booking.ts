import { z } from "zod";
import { getFeedStatus, rotateFeed } from "@/server/booking/feed-service";
import { openTimesByDay } from "@/server/booking/schedule-service";
import { bookSession, cancelBooking, listClientBookings, previewChange, rescheduleBooking } from "@/server/booking/service";
import { bookableSessionTypes } from "@/server/booking/settings-service";
import { ownCredits } from "@/server/credits/service";
import { clientProcedure, createTRPCRouter } from "../trpc";
import { bookingIdInput, sessionTypeIdInput, slotsInput, startInput } from "./booking-inputs";

// The client's side of bookings, always in the client's own zone and on their own rows.
const me = (ctx: { clientId: string }) => ({ by: "client" as const, clientId: ctx.clientId });

export const portalBookingRouter = createTRPCRouter({
  sessionTypes: clientProcedure.query(({ ctx }) => bookableSessionTypes(ctx.db, ctx.studioId)),
  slots: clientProcedure.input(slotsInput).query(({ ctx, input }) => openTimesByDay(ctx.db, { ...input, studioId: ctx.studioId, timeZone: ctx.viewer.timeZone, now: ctx.now() })),
  book: clientProcedure
    .input(z.object({ sessionTypeId: sessionTypeIdInput.shape.sessionTypeId, start: startInput }))
    .mutation(async ({ ctx, input }) => {
      const booking = await bookSession(ctx.db, { studioId: ctx.studioId, clientId: ctx.clientId, ...input, now: ctx.now(), actor: me(ctx) });
      return { id: booking.id, startsAt: booking.startsAt, endsAt: booking.endsAt, status: booking.status };
    }),
  list: clientProcedure.query(async ({ ctx }) => ({
    timeZone: ctx.viewer.timeZone,
    ...(await listClientBookings(ctx.db, { studioId: ctx.studioId, clientId: ctx.clientId, now: ctx.now() })),
  })),
  /** What cancelling or moving would cost now, before the client confirms. */
  preview: clientProcedure
    .input(bookingIdInput.extend({ action: z.enum(["cancel", "reschedule"]) }))
    .query(({ ctx, input }) => previewChange(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, action: input.action, actor: me(ctx), now: ctx.now() })),
  cancel: clientProcedure
    .input(bookingIdInput.extend({ acceptCost: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const { booking, outcome } = await cancelBooking(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, actor: me(ctx), now: ctx.now(), acceptCost: input.acceptCost });
      return { id: booking.id, status: booking.status, isFree: outcome.isFree, message: outcome.message };
    }),
  reschedule: clientProcedure.input(bookingIdInput.extend({ start: startInput })).mutation(async ({ ctx, input }) => {
    const booking = await rescheduleBooking(ctx.db, { studioId: ctx.studioId, bookingId: input.bookingId, start: input.start, actor: me(ctx), now: ctx.now() });
    return { id: booking.id, startsAt: booking.startsAt, endsAt: booking.endsAt, version: booking.version };
  }),
  credits: clientProcedure.query(({ ctx }) => ownCredits(ctx.db, { studioId: ctx.studioId, clientId: ctx.clientId })),
  feed: clientProcedure.query(({ ctx }) => getFeedStatus(ctx.db, ctx.studioId, { clientId: ctx.clientId })),
  rotateFeed: clientProcedure.mutation(({ ctx }) => rotateFeed(ctx.db, { studioId: ctx.studioId, owner: { clientId: ctx.clientId }, appUrl: ctx.appUrl, now: ctx.now() })),
});
