import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";

import { createZoneCalendar, type CalendarDay, nextCalendarDay } from "./wall-time";

// The fast resolver against luxon's slow, obviously-right path: read the wall time in the
// zone, call it skipped when luxon had to move it, and take the earliest of its offsets.
function referenceResolve(zone: string, date: CalendarDay, minuteOfDay: number): number | null {
  const wall = { ...date, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
  const local = DateTime.fromObject(wall, { zone });
  const moved =
    local.year !== wall.year ||
    local.month !== wall.month ||
    local.day !== wall.day ||
    local.hour !== wall.hour ||
    local.minute !== wall.minute;
  if (moved) return null;
  return Math.min(local.toMillis(), ...local.getPossibleOffsets().map((d) => d.toMillis()));
}

/** Dates in `year` on which the zone's offset changes, with the day either side. */
function datesAroundChanges(zone: string, year: number): CalendarDay[] {
  const dates: CalendarDay[] = [];
  for (let day = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }); day.year === year; day = day.plus({ days: 1 })) {
    if (day.offset !== day.plus({ days: 1 }).offset) {
      for (const d of [day.minus({ days: 1 }), day, day.plus({ days: 1 })]) {
        dates.push({ year: d.year, month: d.month, day: d.day });
      }
    }
  }
  return dates;
}

describe("createZoneCalendar", () => {
  it.each([
    { zone: "Europe/London", year: 2026, changes: 2 },
    { zone: "America/New_York", year: 2026, changes: 2 },
    { zone: "Australia/Sydney", year: 2026, changes: 2 },
    { zone: "Australia/Lord_Howe", year: 2026, changes: 2 }, // moves by 30 minutes
    { zone: "America/Santiago", year: 2026, changes: 2 }, // changes at midnight
    { zone: "America/Havana", year: 2026, changes: 2 }, // falls back from 01:00 to midnight
    { zone: "Asia/Kolkata", year: 2026, changes: 0 },
  ])("resolves every 15 minutes of $zone's change days like luxon does", ({ zone, year, changes }) => {
    const dates = datesAroundChanges(zone, year);
    expect(dates.length).toBe(changes * 3);
    // One calendar for all dates, as slot generation uses it: its offset guess goes stale
    // across the skipped months, which it must notice.
    const calendar = createZoneCalendar(zone);
    for (const date of [{ year, month: 1, day: 15 }, ...dates]) {
      const day = calendar.day(date);
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const label = `${zone} ${date.year}-${date.month}-${date.day} minute ${minute}`;
        expect(day.resolve(minute), label).toBe(referenceResolve(zone, date, minute));
      }
    }
  });

  it.each(["Europe/London", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "America/Santiago", "America/Havana", "Pacific/Apia"])(
    "resolves %s the same from the zone-year offset tables as from luxon at every instant",
    (zone) => {
      const fast = createZoneCalendar(zone);
      const slow = createZoneCalendar(zone, { useTables: false });
      for (let date: CalendarDay = { year: 2026, month: 1, day: 1 }; date.year === 2026; date = nextCalendarDay(date)) {
        const [a, b] = [fast.day(date), slow.day(date)];
        expect(a.isPlain, `${zone} ${date.month}-${date.day}`).toBe(b.isPlain);
        for (let minute = 0; minute <= 24 * 60; minute += 30) {
          expect(a.resolve(minute), `${zone} ${date.month}-${date.day} ${minute}`).toBe(b.resolve(minute));
          expect(a.resolveBoundary(minute)).toBe(b.resolveBoundary(minute));
        }
      }
    },
  );

  it("knows the skipped day in Samoa (30 December 2011)", () => {
    const calendar = createZoneCalendar("Pacific/Apia");
    const day = calendar.day({ year: 2011, month: 12, day: 30 });
    expect(day.resolve(9 * 60)).toBeNull();
    expect(calendar.day({ year: 2011, month: 12, day: 31 }).resolve(9 * 60)).toBe(Date.parse("2011-12-30T19:00:00Z"));
  });

  it.each([
    { zone: "Europe/London", date: { year: 2026, month: 3, day: 29 }, wall: "01:30", expected: "2026-03-29T01:00:00.000Z" },
    { zone: "America/New_York", date: { year: 2026, month: 3, day: 8 }, wall: "02:30", expected: "2026-03-08T07:00:00.000Z" },
    { zone: "Australia/Sydney", date: { year: 2026, month: 10, day: 4 }, wall: "02:00", expected: "2026-10-03T16:00:00.000Z" },
    { zone: "Europe/London", date: { year: 2026, month: 10, day: 25 }, wall: "01:30", expected: "2026-10-25T00:30:00.000Z" },
    { zone: "Europe/London", date: { year: 2026, month: 6, day: 10 }, wall: "24:00", expected: "2026-06-10T23:00:00.000Z" },
  ])("a window boundary at $wall in $zone inside a change resolves to $expected", ({ zone, date, wall, expected }) => {
    const [hours, minutes] = wall.split(":").map(Number) as [number, number];
    const boundary = createZoneCalendar(zone).day(date).resolveBoundary(hours * 60 + minutes);
    expect(new Date(boundary).toISOString()).toBe(expected);
  });

  it("steps calendar dates across month and year ends", () => {
    expect(nextCalendarDay({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 });
    expect(nextCalendarDay({ year: 2028, month: 2, day: 28 })).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
