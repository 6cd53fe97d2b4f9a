import { DateTime } from "luxon";

import type { GenerateSlotsInput } from "./slots";
import type { ExistingBooking, SessionType, WeeklyAvailability } from "./types";

// The performance budget's input: one trainer in Europe/London, eight weeks of a busy
// calendar that crosses the end of summer time (25 October 2026), 100 bookings already in.
// Deterministic (no random numbers, no clock) so every run measures the same work.

export const BENCH_TIME_ZONE = "Europe/London";

export function buildSlotsBenchInput(): GenerateSlotsInput {
  const zone = BENCH_TIME_ZONE;
  const now = DateTime.fromISO("2026-10-05T07:30", { zone });
  const from = now.startOf("day");
  const to = from.plus({ weeks: 8 });

  const availability: WeeklyAvailability = [
    ...[1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: "07:00", end: "12:00" },
      { weekday, start: "13:00", end: "20:00" },
    ]),
    { weekday: 6, start: "08:00", end: "13:00" },
  ];

  const sessionType: SessionType = {
    id: "bench-pt-60",
    durationMinutes: 60,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 12 * 60,
    maxDaysAhead: 60,
    slotStepMinutes: 15,
    cancelFreeUntilHours: 24,
    price: { kind: "credits", credits: 1 },
  };

  // Spread 100 one-hour bookings over the working days, at most three per day, each at a
  // different hour so they never overlap one another, breaks included.
  const workingDays: DateTime[] = [];
  for (let day = from; day < to; day = day.plus({ days: 1 })) {
    if (day.weekday <= 6) workingDays.push(day);
  }
  const hours = [8, 10, 14, 16, 18, 10, 15];
  const existingBookings: ExistingBooking[] = [];
  for (let i = 0; i < 100; i++) {
    const day = workingDays[Math.floor((i * workingDays.length) / 100)]!;
    const isSaturday = day.weekday === 6;
    const hour = isSaturday ? 8 + 2 * (i % 3) : hours[i % hours.length]!;
    const start = day.set({ hour, minute: isSaturday || i % 2 === 0 ? 0 : 30 });
    existingBookings.push({
      start: start.toJSDate(),
      end: start.plus({ minutes: 60 }).toJSDate(),
    });
  }

  return {
    availability,
    exceptions: [
      { date: "2026-10-16", kind: "day_off" },
      { date: "2026-10-25", kind: "extra", start: "00:00", end: "04:00" },
      { date: "2026-11-08", kind: "extra", start: "09:00", end: "12:00" },
    ],
    trainerTimeZone: zone,
    sessionType,
    existingBookings,
    now: now.toJSDate(),
    range: { from: from.toJSDate(), to: to.toJSDate() },
  };
}
