import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { type BookingCalendarEvent, bookingUid, buildBookingFeed, buildBookingInvite } from "./ics";

const now = new Date("2026-10-20T12:00:00Z");
const organizer = { name: "Coach Kim", email: "kim@studio.example" };
const attendee = { name: "Sam Runner", email: "sam@example.com" };

// The Sunday the clocks go back in London: 10:00 GMT is 10:00Z.
const booking: BookingCalendarEvent = {
  id: "42",
  version: 0,
  start: new Date("2026-10-25T10:00:00Z"),
  end: new Date("2026-10-25T11:00:00Z"),
  status: "confirmed",
  summary: "Personal training; knee drive, hopping",
  description: "Bring running shoes.\nWe start with Knee Drive.",
  location: "Studio 2, 1 High Street, London",
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => ({
    vevent,
    event: new ICAL.Event(vevent),
  }));
  return { calendar, events };
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe("buildBookingInvite", () => {
  it("is an invitation with the booking's instants in UTC, a stable UID and its version", () => {
    const ics = buildBookingInvite({ booking, now, organizer, attendee });
    const { calendar, events } = parse(ics);
    const { event, vevent } = only(events);

    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(event.uid).toBe("booking-42@stride");
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-10-25T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-10-25T11:00:00.000Z");
    expect(event.startDate.zone.tzid).toBe("UTC");
    expect(ics).toContain("DTSTART:20261025T100000Z");
    expect(event.summary).toBe("Personal training; knee drive, hopping");
    expect(event.description).toBe("Bring running shoes.\nWe start with Knee Drive.");
    expect(event.location).toBe("Studio 2, 1 High Street, London");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-10-20T12:00:00Z");
    expect(event.organizer).toBe("mailto:kim@studio.example");
    const invited = only(event.attendees);
    expect(String(invited.getFirstValue()).toLowerCase()).toBe("mailto:sam@example.com"); // the scheme is case-insensitive
    expect(invited.getParameter("partstat")).toBe("ACCEPTED");
    expect(ics.includes("\r\n")).toBe(true);
  });

  it("gives an online session its link as the location, the URL and in the description", () => {
    const online = { ...booking, location: undefined, onlineUrl: "https://meet.example/kim-sam" };
    const { event, vevent } = only(parse(buildBookingInvite({ booking: online, now, organizer })).events);
    expect(event.location).toBe("https://meet.example/kim-sam");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://meet.example/kim-sam");
    expect(event.description).toContain("Join online: https://meet.example/kim-sam");
  });

  it("updates the same event on a reschedule: same UID, higher SEQUENCE, new times", () => {
    const first = only(parse(buildBookingInvite({ booking, now, organizer })).events).event;
    const moved = {
      ...booking,
      version: 1,
      start: new Date("2026-10-27T09:00:00Z"),
      end: new Date("2026-10-27T10:00:00Z"),
    };
    const second = only(parse(buildBookingInvite({ booking: moved, now, organizer })).events).event;
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.startDate.toJSDate().toISOString()).toBe("2026-10-27T09:00:00.000Z");
  });

  it("cancels with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const cancelled = { ...booking, version: 2, status: "cancelled" as const };
    const { calendar, events } = parse(buildBookingInvite({ booking: cancelled, now, organizer, attendee }));
    const { event, vevent } = only(events);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe(bookingUid("42"));
    expect(event.sequence).toBe(2);
  });

  it("is the same text for the same booking and moment", () => {
    expect(buildBookingInvite({ booking, now, organizer })).toBe(buildBookingInvite({ booking, now, organizer }));
  });
});

describe("buildBookingFeed", () => {
  const bookings: BookingCalendarEvent[] = [
    booking,
    { ...booking, id: "43", version: 3, status: "cancelled", start: new Date("2026-10-24T08:00:00Z"), end: new Date("2026-10-24T09:00:00Z") },
    { ...booking, id: "44", start: new Date("2026-03-29T08:00:00Z"), end: new Date("2026-03-29T08:45:00Z"), updatedAt: new Date("2026-03-01T09:00:00Z") },
  ];

  it("names the calendar, hints how often to refresh and lists every booking", () => {
    const ics = buildBookingFeed({ name: "Coach Kim: bookings", bookings, now, refreshIntervalMinutes: 30 });
    const { calendar, events } = parse(ics);

    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Coach Kim: bookings");
    expect(calendar.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT30M");
    expect(calendar.getFirstPropertyValue("x-published-ttl")).toBe("PT30M");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");

    expect(
      events.map(({ event, vevent }) => ({
        uid: event.uid,
        sequence: event.sequence,
        status: vevent.getFirstPropertyValue("status"),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      })),
    ).toEqual([
      { uid: "booking-42@stride", sequence: 0, status: "CONFIRMED", start: "2026-10-25T10:00:00.000Z", end: "2026-10-25T11:00:00.000Z" },
      { uid: "booking-43@stride", sequence: 3, status: "CANCELLED", start: "2026-10-24T08:00:00.000Z", end: "2026-10-24T09:00:00.000Z" },
      { uid: "booking-44@stride", sequence: 0, status: "CONFIRMED", start: "2026-03-29T08:00:00.000Z", end: "2026-03-29T08:45:00.000Z" },
    ]);
    expect(events[2]!.vevent.getFirstPropertyValue("last-modified")?.toString()).toBe("2026-03-01T09:00:00Z");
  });

  it("refreshes hourly unless told otherwise, and may be empty", () => {
    const { calendar, events } = parse(buildBookingFeed({ name: "Empty", bookings: [], now }));
    expect(calendar.getFirstPropertyValue("refresh-interval")?.toString()).toBe("PT1H");
    expect(events).toEqual([]);
  });
});
