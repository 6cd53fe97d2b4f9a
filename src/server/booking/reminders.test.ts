import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { planReminder } from "./reminders";

const at = (localIso: string, zone = "Europe/London") => DateTime.fromISO(localIso, { zone }).toJSDate();
const local = (date: Date | null, zone = "Europe/London") => (date ? DateTime.fromJSDate(date, { zone }).toFormat("yyyy-MM-dd HH:mm ZZZZ") : null);

describe("when a booking's reminder goes out", () => {
  it.each([
    // booked at, session at → reminder (London), kind
    ["2027-04-01T09:00", "2027-04-05T10:00", "2027-04-04 10:00 GMT+1", "day_before"],
    ["2027-04-01T09:00", "2027-04-03T09:00", "2027-04-02 09:00 GMT+1", "day_before"],
    // Booked 30 hours ahead: the day-before time is 6 hours away, closer to the booking than to the session.
    ["2027-04-01T09:00", "2027-04-02T15:00", "2027-04-02 13:00 GMT+1", "hours_before"],
    ["2027-04-01T09:00", "2027-04-01T21:00", "2027-04-01 19:00 GMT+1", "hours_before"],
    // Booked 3 hours ahead (the outside test's case): an hour before.
    ["2027-04-01T09:00", "2027-04-01T12:00", "2027-04-01 11:00 GMT+1", "hours_before"],
    ["2027-04-01T09:00", "2027-04-01T13:00", "2027-04-01 11:00 GMT+1", "hours_before"],
    ["2027-04-01T09:00", "2027-04-01T11:00", "2027-04-01 10:00 GMT+1", "hours_before"],
    // Under two hours ahead: the confirmation is the reminder.
    ["2027-04-01T09:00", "2027-04-01T10:59", null, "none"],
    ["2027-04-01T09:00", "2027-04-01T09:30", null, "none"],
    // The night the clocks go forward (28 March 2027, 01:00 → 02:00): the same clock time the day before, 23 hours earlier.
    ["2027-03-20T09:00", "2027-03-28T09:00", "2027-03-27 09:00 GMT", "day_before"],
    ["2027-03-20T09:00", "2027-03-29T09:00", "2027-03-28 09:00 GMT+1", "day_before"],
    // A session at 01:30 the day after: 01:30 did not happen on the 28th; the reminder goes when the clocks reach it.
    ["2027-03-20T09:00", "2027-03-29T01:30", "2027-03-28 02:30 GMT+1", "day_before"],
    // The night the clocks go back (31 October 2027, 02:00 → 01:00): 25 hours earlier.
    ["2027-10-20T09:00", "2027-11-01T09:00", "2027-10-31 09:00 GMT", "day_before"],
    ["2027-10-20T09:00", "2027-10-31T09:00", "2027-10-30 09:00 GMT+1", "day_before"],
    // Hours before cross the change in elapsed time: 2 hours before 03:30 BST is 00:30 GMT.
    ["2027-03-27T22:00", "2027-03-28T03:30", "2027-03-28 00:30 GMT", "hours_before"],
  ] as const)("booked %s for %s: %s (%s)", (booked, start, reminder, kind) => {
    const plan = planReminder({ start: at(start), bookedAt: at(booked), timeZone: "Europe/London" });
    expect([local(plan.at), plan.kind]).toEqual([reminder, kind]);
  });

  it("follows the client's own zone", () => {
    // 07:00 in Sydney the day before, whatever London's clock says. Sydney's clocks go back at
    // 03:00 on 4 April 2027, so the reminder for 07:00 that day comes 25 hours ahead.
    const start = at("2027-04-04T07:00", "Australia/Sydney");
    const plan = planReminder({ start, bookedAt: at("2027-03-30T07:00", "Australia/Sydney"), timeZone: "Australia/Sydney" });
    expect(local(plan.at, "Australia/Sydney")).toBe("2027-04-03 07:00 GMT+11");
    expect((start.getTime() - plan.at!.getTime()) / 3_600_000).toBe(25);
  });

  it("never sends one after the session has started or before the booking was made", () => {
    for (let minutes = 0; minutes <= 3 * 24 * 60; minutes += 7) {
      const bookedAt = at("2027-04-01T09:00");
      const start = new Date(bookedAt.getTime() + minutes * 60_000);
      const plan = planReminder({ start, bookedAt, timeZone: "Europe/London" });
      if (plan.at) {
        expect(plan.at.getTime()).toBeGreaterThan(bookedAt.getTime());
        expect(plan.at.getTime()).toBeLessThan(start.getTime());
      }
    }
  });
});
