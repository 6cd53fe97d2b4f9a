import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  type ICalCalendar,
  ICalEventStatus,
} from "ical-generator";

// iCalendar (RFC 5545) for bookings: the attachment of a confirmation email and the private
// feed a calendar app subscribes to. Calendar apps match events by UID and keep the one
// with the highest SEQUENCE, so the UID never changes for a booking and SEQUENCE is the
// booking's version: every reschedule or cancellation bumps it and the app updates the
// event in place instead of adding a second one. Times are written in UTC (…Z), which every
// app reads without needing time-zone definitions.

export interface BookingCalendarEvent {
  id: string;
  /** Starts at 0; bumped by every change the client should see (reschedule, cancel). */
  version: number;
  start: Date;
  end: Date;
  status: "confirmed" | "cancelled";
  summary: string;
  description?: string;
  /** A street address; when absent the online URL is shown as the location. */
  location?: string;
  onlineUrl?: string;
  updatedAt?: Date;
}

export interface CalendarPerson {
  name: string;
  email: string;
}

const PROD_ID = { company: "Stride", product: "Stride bookings", language: "EN" } as const;

/** The stable UID of a booking's event. */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@stride`;
}

/**
 * The .ics attached to a booking email. It is an invitation (METHOD:REQUEST) from the
 * trainer to the client, which makes mail apps offer "add to calendar" and update the
 * existing event on a later version; a cancelled booking goes out as METHOD:CANCEL, which
 * is how RFC 5546 tells the app to remove it.
 */
export function buildBookingInvite(input: {
  booking: BookingCalendarEvent;
  /** DTSTAMP: when this message was created. */
  now: Date;
  organizer: CalendarPerson;
  attendee?: CalendarPerson;
}): string {
  const { booking } = input;
  const calendar = ical({
    prodId: PROD_ID,
    method: booking.status === "cancelled" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  addBookingEvent(calendar, booking, input.now, input.organizer, input.attendee);
  return calendar.toString();
}

/**
 * The private feed of a trainer's (or a client's) bookings. Include recently cancelled
 * bookings so subscribed apps learn of the cancellation; the refresh hint asks apps to
 * poll every `refreshIntervalMinutes` (most apps treat it as a suggestion).
 */
export function buildBookingFeed(input: {
  name: string;
  bookings: BookingCalendarEvent[];
  now: Date;
  description?: string;
  refreshIntervalMinutes?: number;
}): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: input.name,
    description: input.description ?? null,
    ttl: Math.max(1, Math.round(input.refreshIntervalMinutes ?? 60)) * 60,
  });
  for (const booking of input.bookings) addBookingEvent(calendar, booking, input.now);
  return calendar.toString();
}

function addBookingEvent(
  calendar: ICalCalendar,
  booking: BookingCalendarEvent,
  now: Date,
  organizer?: CalendarPerson,
  attendee?: CalendarPerson,
): void {
  const description = [booking.description, booking.onlineUrl ? `Join online: ${booking.onlineUrl}` : undefined]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
  calendar.createEvent({
    id: bookingUid(booking.id),
    sequence: Math.max(0, Math.trunc(booking.version)),
    stamp: now,
    start: booking.start,
    end: booking.end,
    summary: booking.summary,
    description: description || null,
    location: booking.location ?? booking.onlineUrl ?? null,
    url: booking.onlineUrl ?? null,
    status: booking.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    lastModified: booking.updatedAt ?? null,
    organizer: organizer ? { name: organizer.name, email: organizer.email } : null,
    attendees: attendee
      ? [
          {
            name: attendee.name,
            email: attendee.email,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.ACCEPTED,
            rsvp: false,
          },
        ]
      : [],
  });
}
