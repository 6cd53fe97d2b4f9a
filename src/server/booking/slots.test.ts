import { DateTime, Settings } from "luxon";
import { afterEach, describe, expect, it } from "vitest";

import { buildSlotsBenchInput } from "./slots.bench-fixture";
import { type GenerateSlotsInput, generateSlots, getBlockedInterval, getBookableWindow, isSlotBookable } from "./slots";
import type { AvailabilityException, ExistingBooking, SessionType, Slot, WeeklyAvailability } from "./types";

const LONDON = "Europe/London";
const NEW_YORK = "America/New_York";
const SYDNEY = "Australia/Sydney";

function sessionType(overrides: Partial<SessionType> = {}): SessionType {
  return {
    id: "pt-60",
    durationMinutes: 60,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysAhead: 365,
    price: { kind: "credits", credits: 1 },
    ...overrides,
  };
}

function everyDay(start: string, end: string): WeeklyAvailability {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
}

/** A wall time that exists once in `zone` ("2026-06-10T09:00") as an instant. */
function at(zone: string, localIso: string): Date {
  return DateTime.fromISO(localIso, { zone }).toJSDate();
}

const utcIsos = (slots: Slot[]) => slots.map((s) => s.start.toISOString().replace(":00.000Z", "Z"));
const wallTimes = (slots: Slot[], zone: string) =>
  slots.map((s) => DateTime.fromJSDate(s.start, { zone }).toFormat("HH:mm"));
const wallDateTimes = (slots: Slot[], zone: string) =>
  slots.map((s) => DateTime.fromJSDate(s.start, { zone }).toFormat("MM-dd HH:mm"));

/** All slots on one local date, nothing else in the way. */
function slotsOn(
  zone: string,
  date: string,
  options: Partial<Omit<GenerateSlotsInput, "range" | "trainerTimeZone">> = {},
): Slot[] {
  const day = DateTime.fromISO(date, { zone });
  return generateSlots({
    availability: [],
    exceptions: [],
    sessionType: sessionType(),
    existingBookings: [],
    now: day.minus({ days: 30 }).toJSDate(),
    ...options,
    trainerTimeZone: zone,
    range: { from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate() },
  });
}

describe("generateSlots across daylight-saving changes", () => {
  const changes = [
    { zone: LONDON, change: "spring-forward", date: "2026-03-29", nineAm: ["2026-03-28T09:00Z", "2026-03-29T08:00Z", "2026-03-30T08:00Z"] },
    { zone: LONDON, change: "fall-back", date: "2026-10-25", nineAm: ["2026-10-24T08:00Z", "2026-10-25T09:00Z", "2026-10-26T09:00Z"] },
    { zone: NEW_YORK, change: "spring-forward", date: "2026-03-08", nineAm: ["2026-03-07T14:00Z", "2026-03-08T13:00Z", "2026-03-09T13:00Z"] },
    { zone: NEW_YORK, change: "fall-back", date: "2026-11-01", nineAm: ["2026-10-31T13:00Z", "2026-11-01T14:00Z", "2026-11-02T14:00Z"] },
    { zone: SYDNEY, change: "fall-back", date: "2026-04-05", nineAm: ["2026-04-03T22:00Z", "2026-04-04T23:00Z", "2026-04-05T23:00Z"] },
    { zone: SYDNEY, change: "spring-forward", date: "2026-10-04", nineAm: ["2026-10-02T23:00Z", "2026-10-03T22:00Z", "2026-10-04T22:00Z"] },
  ];

  it.each(changes)("a 09:00 slot stays 09:00 in $zone around the $change of $date", ({ zone, date, nineAm }) => {
    const day = DateTime.fromISO(date, { zone });
    const slots = generateSlots({
      availability: everyDay("09:00", "10:00"),
      exceptions: [],
      trainerTimeZone: zone,
      sessionType: sessionType(),
      existingBookings: [],
      now: day.minus({ days: 10 }).toJSDate(),
      range: { from: day.minus({ days: 1 }).toJSDate(), to: day.plus({ days: 2 }).toJSDate() },
    });
    expect(utcIsos(slots)).toEqual(nineAm);
    expect(wallTimes(slots, zone)).toEqual(["09:00", "09:00", "09:00"]);
    expect(slots.map((s) => s.end.getTime() - s.start.getTime())).toEqual([3_600_000, 3_600_000, 3_600_000]);
  });

  // The clocks skip an hour: its wall times do not exist and offer nothing.
  it.each([
    {
      zone: LONDON, date: "2026-03-29", window: ["00:00", "03:00"], skipped: "01",
      hourly: ["2026-03-29T00:00Z", "2026-03-29T01:00Z"],
      halfHourly: ["2026-03-29T00:00Z", "2026-03-29T00:30Z", "2026-03-29T01:00Z", "2026-03-29T01:30Z"],
    },
    {
      zone: NEW_YORK, date: "2026-03-08", window: ["01:00", "04:00"], skipped: "02",
      hourly: ["2026-03-08T06:00Z", "2026-03-08T07:00Z"],
      halfHourly: ["2026-03-08T06:00Z", "2026-03-08T06:30Z", "2026-03-08T07:00Z", "2026-03-08T07:30Z"],
    },
    {
      zone: SYDNEY, date: "2026-10-04", window: ["01:00", "04:00"], skipped: "02",
      hourly: ["2026-10-03T15:00Z", "2026-10-03T16:00Z"],
      halfHourly: ["2026-10-03T15:00Z", "2026-10-03T15:30Z", "2026-10-03T16:00Z", "2026-10-03T16:30Z"],
    },
  ])("availability over the skipped hour in $zone on $date offers no slot in it", ({ zone, date, window, skipped, hourly, halfHourly }) => {
    const [start, end] = window as [string, string];
    const hourlySlots = slotsOn(zone, date, { availability: everyDay(start, end) });
    expect(utcIsos(hourlySlots)).toEqual(hourly);

    const halfHourlySlots = slotsOn(zone, date, {
      availability: everyDay(start, end),
      sessionType: sessionType({ durationMinutes: 30 }),
    });
    expect(utcIsos(halfHourlySlots)).toEqual(halfHourly);
    expect(wallTimes(halfHourlySlots, zone).filter((t) => t.startsWith(`${skipped}:`))).toEqual([]);
  });

  it("a session that runs across the jump lasts its real length and must end inside the window", () => {
    // New York, 8 March 2026: 01:30 EST + 60 minutes is 03:30 EDT, inside a window to 04:00.
    const slots = slotsOn(NEW_YORK, "2026-03-08", {
      availability: everyDay("01:00", "04:00"),
      sessionType: sessionType({ durationMinutes: 60, slotStepMinutes: 30 }),
    });
    expect(wallTimes(slots, NEW_YORK)).toEqual(["01:00", "01:30", "03:00"]);
    expect(utcIsos(slots)).toEqual(["2026-03-08T06:00Z", "2026-03-08T06:30Z", "2026-03-08T07:00Z"]);
  });

  it("a window that ends inside the skipped hour ends when the clocks jump", () => {
    // London, 29 March 2026: "until 01:30" means until 01:00 GMT, when it becomes 02:00 BST.
    const slots = slotsOn(LONDON, "2026-03-29", {
      availability: everyDay("00:00", "01:30"),
      sessionType: sessionType({ durationMinutes: 30 }),
    });
    expect(utcIsos(slots)).toEqual(["2026-03-29T00:00Z", "2026-03-29T00:30Z"]);
  });

  // The clocks repeat an hour: its wall times offer one slot each, at the first occurrence.
  const repeated = [
    {
      zone: LONDON, date: "2026-10-25", window: ["00:00", "03:00"],
      hourly: ["2026-10-24T23:00Z", "2026-10-25T00:00Z", "2026-10-25T02:00Z"],
      halfHourly: ["2026-10-24T23:00Z", "2026-10-24T23:30Z", "2026-10-25T00:00Z", "2026-10-25T00:30Z", "2026-10-25T02:00Z", "2026-10-25T02:30Z"],
    },
    {
      zone: NEW_YORK, date: "2026-11-01", window: ["00:00", "03:00"],
      hourly: ["2026-11-01T04:00Z", "2026-11-01T05:00Z", "2026-11-01T07:00Z"],
      halfHourly: ["2026-11-01T04:00Z", "2026-11-01T04:30Z", "2026-11-01T05:00Z", "2026-11-01T05:30Z", "2026-11-01T07:00Z", "2026-11-01T07:30Z"],
    },
    {
      zone: SYDNEY, date: "2026-04-05", window: ["01:00", "04:00"],
      hourly: ["2026-04-04T14:00Z", "2026-04-04T15:00Z", "2026-04-04T17:00Z"],
      halfHourly: ["2026-04-04T14:00Z", "2026-04-04T14:30Z", "2026-04-04T15:00Z", "2026-04-04T15:30Z", "2026-04-04T17:00Z", "2026-04-04T17:30Z"],
    },
  ];

  it.each(repeated)("availability over the repeated hour in $zone on $date offers each time once", ({ zone, date, window, hourly, halfHourly }) => {
    const [start, end] = window as [string, string];
    const hourlySlots = slotsOn(zone, date, { availability: everyDay(start, end) });
    expect(utcIsos(hourlySlots)).toEqual(hourly);

    const halfHourlySlots = slotsOn(zone, date, {
      availability: everyDay(start, end),
      sessionType: sessionType({ durationMinutes: 30 }),
    });
    expect(utcIsos(halfHourlySlots)).toEqual(halfHourly);
    const labels = wallTimes(halfHourlySlots, zone);
    expect(new Set(labels).size).toBe(labels.length);
  });

  describe("whatever the offset in force on the machine running it", () => {
    const realNow = Settings.now;
    afterEach(() => {
      Settings.now = realNow;
    });

    // luxon resolves a repeated wall time by guessing from the current offset; the rule
    // must not inherit that guess.
    it.each(["2026-07-01T12:00:00Z", "2026-12-01T12:00:00Z"])("gives the same slots when the clock reads %s", (clock) => {
      Settings.now = () => Date.parse(clock);
      for (const { zone, date, window, hourly } of repeated) {
        const [start, end] = window as [string, string];
        expect(utcIsos(slotsOn(zone, date, { availability: everyDay(start, end) }))).toEqual(hourly);
      }
    });
  });
});

describe("generateSlots: breaks between bookings", () => {
  const day = "2026-06-10"; // a Wednesday in summer time
  const booking = (start: string, end: string, bufferAfterMinutes?: number): ExistingBooking => ({
    start: at(LONDON, `${day}T${start}`),
    end: at(LONDON, `${day}T${end}`),
    ...(bufferAfterMinutes === undefined ? {} : { bufferAfterMinutes }),
  });

  it.each([
    { name: "no break: back-to-back is fine", typeBuffer: 0, existing: booking("10:00", "11:00"), expected: ["09:00", "11:00", "11:30", "12:00"] },
    { name: "the session type's break after both", typeBuffer: 15, existing: booking("10:00", "11:00"), expected: ["11:30", "12:00"] },
    { name: "the booking's own break of 0, the new slot's break of 15", typeBuffer: 15, existing: booking("10:00", "11:00", 0), expected: ["11:00", "11:30", "12:00"] },
    { name: "the booking's own break of 30, the new slot's break of 0", typeBuffer: 0, existing: booking("10:00", "11:00", 30), expected: ["09:00", "11:30", "12:00"] },
  ])("$name", ({ typeBuffer, existing, expected }) => {
    const slots = slotsOn(LONDON, day, {
      availability: [{ weekday: 3, start: "09:00", end: "13:00" }],
      sessionType: sessionType({ bufferAfterMinutes: typeBuffer, slotStepMinutes: 30 }),
      existingBookings: [existing],
    });
    expect(wallTimes(slots, LONDON)).toEqual(expected);
  });

  it.each([
    { name: "overlapping the start of a slot", existing: [booking("08:30", "09:15")], expected: ["10:00", "11:00", "12:00"] },
    { name: "inside a slot", existing: [booking("10:15", "10:45")], expected: ["09:00", "11:00", "12:00"] },
    { name: "across two slots", existing: [booking("11:45", "12:15")], expected: ["09:00", "10:00"] },
    { name: "covering the whole window", existing: [booking("08:00", "14:00")], expected: [] },
    { name: "ending as the first slot starts", existing: [booking("08:00", "09:00")], expected: ["09:00", "10:00", "11:00", "12:00"] },
    { name: "starting as the last slot ends", existing: [booking("13:00", "14:00")], expected: ["09:00", "10:00", "11:00", "12:00"] },
    { name: "several, given out of order", existing: [booking("12:30", "12:45"), booking("09:10", "09:20")], expected: ["10:00", "11:00"] },
  ])("a booking $name removes exactly the slots it touches", ({ existing, expected }) => {
    const slots = slotsOn(LONDON, day, {
      availability: [{ weekday: 3, start: "09:00", end: "13:00" }],
      existingBookings: existing,
    });
    expect(wallTimes(slots, LONDON)).toEqual(expected);
  });

  it("stores the same interval the rule compares: the session plus its break, half-open", () => {
    const blocked = getBlockedInterval(booking("10:00", "11:00"), 15);
    expect(blocked.start.toISOString()).toBe("2026-06-10T09:00:00.000Z");
    expect(blocked.end.toISOString()).toBe("2026-06-10T10:15:00.000Z");
  });
});

describe("generateSlots: notice and how far ahead", () => {
  it.each([
    { minNoticeMinutes: 0, expected: ["08:00", "09:00", "10:00", "11:00"] },
    { minNoticeMinutes: 180, expected: ["09:00", "10:00", "11:00"] }, // exactly at the notice is fine
    { minNoticeMinutes: 181, expected: ["10:00", "11:00"] },
    { minNoticeMinutes: 12 * 60, expected: [] },
  ])("a notice of $minNoticeMinutes minutes from 06:00", ({ minNoticeMinutes, expected }) => {
    const slots = slotsOn(LONDON, "2026-06-10", {
      availability: everyDay("08:00", "12:00"),
      sessionType: sessionType({ minNoticeMinutes }),
      now: at(LONDON, "2026-06-10T06:00"),
    });
    expect(wallTimes(slots, LONDON)).toEqual(expected);
  });

  it("opens bookings up to maxDaysAhead days ahead, the end included", () => {
    const slots = generateSlots({
      availability: everyDay("09:00", "12:00"),
      exceptions: [],
      trainerTimeZone: LONDON,
      sessionType: sessionType({ maxDaysAhead: 2 }),
      existingBookings: [],
      now: at(LONDON, "2026-06-10T10:00"),
      range: { from: at(LONDON, "2026-06-10T00:00"), to: at(LONDON, "2026-06-15T00:00") },
    });
    expect(wallDateTimes(slots, LONDON)).toEqual([
      "06-10 10:00", "06-10 11:00",
      "06-11 09:00", "06-11 10:00", "06-11 11:00",
      "06-12 09:00", "06-12 10:00",
    ]);
  });

  it("counts days ahead on the trainer's calendar, across a clock change", () => {
    // 3 days after 10:00 GMT on 27 March is 10:00 BST on 30 March, not 72 hours later.
    const input = {
      availability: everyDay("09:00", "12:00"),
      exceptions: [],
      trainerTimeZone: LONDON,
      sessionType: sessionType({ maxDaysAhead: 3 }),
      existingBookings: [],
      now: at(LONDON, "2026-03-27T10:00"),
    };
    const slots = generateSlots({
      ...input,
      range: { from: at(LONDON, "2026-03-30T00:00"), to: at(LONDON, "2026-03-31T00:00") },
    });
    expect(wallTimes(slots, LONDON)).toEqual(["09:00", "10:00"]);
    expect(getBookableWindow(input).latest.toISOString()).toBe("2026-03-30T09:00:00.000Z");
  });
});

describe("generateSlots: days off, extra hours and the range", () => {
  const weekdays: WeeklyAvailability = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "11:00" }));
  const week = (exceptions: AvailabilityException[], availability = weekdays) =>
    generateSlots({
      availability,
      exceptions,
      trainerTimeZone: LONDON,
      sessionType: sessionType(),
      existingBookings: [],
      now: at(LONDON, "2026-06-01T00:00"),
      range: { from: at(LONDON, "2026-06-08T00:00"), to: at(LONDON, "2026-06-15T00:00") },
    });
  const onDate = (slots: Slot[], mmdd: string) =>
    wallDateTimes(slots, LONDON).filter((s) => s.startsWith(mmdd)).map((s) => s.slice(6));

  it("a day off removes that date's weekly hours and nothing else", () => {
    const slots = week([{ date: "2026-06-10", kind: "day_off" }]);
    expect(onDate(slots, "06-10")).toEqual([]);
    expect(onDate(slots, "06-09")).toEqual(["09:00", "10:00"]);
    expect(onDate(slots, "06-11")).toEqual(["09:00", "10:00"]);
    expect(slots).toHaveLength(8);
  });

  it("extra hours add a window on a day without weekly hours", () => {
    const slots = week([{ date: "2026-06-13", kind: "extra", start: "10:00", end: "12:00" }]);
    expect(onDate(slots, "06-13")).toEqual(["10:00", "11:00"]);
    expect(slots).toHaveLength(12);
  });

  it("extra hours still count on a day off", () => {
    const slots = week([
      { date: "2026-06-10", kind: "day_off" },
      { date: "2026-06-10", kind: "extra", start: "14:00", end: "15:00" },
    ]);
    expect(onDate(slots, "06-10")).toEqual(["14:00"]);
  });

  it("windows that touch or overlap on a date form one window", () => {
    const slots = week(
      [{ date: "2026-06-10", kind: "extra", start: "10:30", end: "12:00" }],
      [{ weekday: 3, start: "09:00", end: "10:30" }],
    );
    expect(onDate(slots, "06-10")).toEqual(["09:00", "10:00", "11:00"]);
  });

  it("returns slots sorted and once, even when windows repeat", () => {
    const slots = week(
      [{ date: "2026-06-10", kind: "extra", start: "09:00", end: "11:00" }],
      [...weekdays, ...weekdays],
    );
    const starts = slots.map((s) => s.start.getTime());
    expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
    expect(slots).toHaveLength(10);
  });

  it("keeps slots whose start lies in [from, to)", () => {
    const slots = generateSlots({
      availability: weekdays,
      exceptions: [],
      trainerTimeZone: LONDON,
      sessionType: sessionType(),
      existingBookings: [],
      now: at(LONDON, "2026-06-01T00:00"),
      range: { from: at(LONDON, "2026-06-10T10:00"), to: at(LONDON, "2026-06-11T10:00") },
    });
    expect(wallDateTimes(slots, LONDON)).toEqual(["06-10 10:00", "06-11 09:00"]);
  });

  it("offers nothing for an empty or reversed range", () => {
    const from = at(LONDON, "2026-06-10T00:00");
    const base = { availability: weekdays, exceptions: [], trainerTimeZone: LONDON, sessionType: sessionType(), existingBookings: [], now: at(LONDON, "2026-06-01T00:00") };
    expect(generateSlots({ ...base, range: { from, to: from } })).toEqual([]);
    expect(generateSlots({ ...base, range: { from, to: at(LONDON, "2026-06-09T00:00") } })).toEqual([]);
  });

  it("rejects a time zone that does not exist", () => {
    expect(() =>
      generateSlots({ availability: weekdays, exceptions: [], trainerTimeZone: "Europe/Atlantis", sessionType: sessionType(), existingBookings: [], now: new Date(0), range: { from: new Date(0), to: new Date(1) } }),
    ).toThrow(/Europe\/Atlantis/);
  });
});

describe("isSlotBookable", () => {
  const base = {
    availability: everyDay("08:00", "13:00"),
    exceptions: [],
    trainerTimeZone: LONDON,
    sessionType: sessionType({ minNoticeMinutes: 12 * 60, maxDaysAhead: 14 }),
    existingBookings: [{ start: at(LONDON, "2026-06-10T11:00"), end: at(LONDON, "2026-06-10T12:00") }],
    now: at(LONDON, "2026-06-09T08:00"),
  };

  it.each([
    { requested: "2026-06-10T09:00", reason: null, message: null },
    { requested: "2026-06-10T10:00", reason: null, message: null },
    { requested: "2026-06-09T07:00", reason: "in_past", message: "That time has already passed. Pick a later time." },
    { requested: "2026-06-09T12:00", reason: "too_soon", message: "Pick a time at least 12 hours from now." },
    { requested: "2026-06-23T08:00", reason: null, message: null }, // exactly 14 days ahead
    { requested: "2026-06-23T09:00", reason: "too_far", message: "Pick a time within the next 14 days." },
    { requested: "2026-06-10T09:30", reason: "outside_availability", message: "That time is outside the hours this session is offered. Pick one of the times shown." },
    { requested: "2026-06-10T13:00", reason: "outside_availability", message: "That time is outside the hours this session is offered. Pick one of the times shown." },
    { requested: "2026-06-10T11:00", reason: "overlaps", message: "That time is no longer free. Pick another time." },
  ])("$requested → $reason", ({ requested, reason, message }) => {
    const result = isSlotBookable({ ...base, requestedStart: at(LONDON, requested) });
    if (reason === null) {
      expect(result).toEqual({
        ok: true,
        slot: { start: at(LONDON, requested), end: new Date(at(LONDON, requested).getTime() + 3_600_000) },
      });
    } else {
      expect(result).toEqual({ ok: false, reason, message });
    }
  });

  it("words the notice the way a person would", () => {
    const check = (minNoticeMinutes: number) =>
      isSlotBookable({ ...base, sessionType: sessionType({ minNoticeMinutes }), requestedStart: at(LONDON, "2026-06-09T08:30") });
    expect(check(90)).toMatchObject({ reason: "too_soon", message: "Pick a time at least 1 hour 30 minutes from now." });
    expect(check(48 * 60)).toMatchObject({ reason: "too_soon", message: "Pick a time at least 2 days from now." });
    expect(check(60)).toMatchObject({ reason: "too_soon", message: "Pick a time at least 1 hour from now." });
  });

  it("accepts the first 01:00 of a fall-back night and refuses the second", () => {
    const night = { ...base, availability: everyDay("00:00", "03:00"), sessionType: sessionType(), existingBookings: [], now: at(LONDON, "2026-10-01T00:00") };
    expect(isSlotBookable({ ...night, requestedStart: new Date("2026-10-25T00:00:00Z") })).toMatchObject({ ok: true });
    expect(isSlotBookable({ ...night, requestedStart: new Date("2026-10-25T01:00:00Z") })).toMatchObject({
      ok: false,
      reason: "outside_availability",
    });
  });

  it("agrees with generateSlots on every quarter hour around a clock change", () => {
    const input = buildSlotsBenchInput();
    const offered = new Set(
      generateSlots({ ...input, range: { from: new Date("2026-10-22T00:00:00Z"), to: new Date("2026-10-28T00:00:00Z") } }).map((s) =>
        s.start.getTime(),
      ),
    );
    let accepted = 0;
    for (let t = Date.parse("2026-10-22T00:00:00Z"); t < Date.parse("2026-10-28T00:00:00Z"); t += 15 * 60_000) {
      const result = isSlotBookable({ ...input, requestedStart: new Date(t) });
      expect(result.ok, new Date(t).toISOString()).toBe(offered.has(t));
      if (result.ok) accepted++;
    }
    expect(accepted).toBe(offered.size);
    expect(accepted).toBeGreaterThan(50);
  });
});

describe("generateSlots at the size of a real calendar", () => {
  it("removes exactly what a booking-by-booking check removes", () => {
    const input = buildSlotsBenchInput();
    const blocked = input.existingBookings.map((b) => getBlockedInterval(b, input.sessionType.bufferAfterMinutes));
    const reach = (input.sessionType.durationMinutes + input.sessionType.bufferAfterMinutes) * 60_000;
    const expected = generateSlots({ ...input, existingBookings: [] }).filter(
      (slot) =>
        !blocked.some(
          (b) => b.start.getTime() < slot.start.getTime() + reach && slot.start.getTime() < b.end.getTime(),
        ),
    );
    const actual = generateSlots(input);
    expect(actual).toEqual(expected);
    expect(input.existingBookings).toHaveLength(100);
    expect(actual.length).toBeGreaterThan(500);
    // The fall-back night's extra hours: one slot per quarter hour, none in the second 01:00s.
    const fallBackNight = actual.filter((s) => s.start.toISOString().startsWith("2026-10-25T0") || s.start.toISOString().startsWith("2026-10-24T23"));
    const labels = wallTimes(fallBackNight, LONDON);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
