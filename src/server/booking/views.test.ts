import { describe, expect, it } from "vitest";
import { reminderJob } from "./emails";
import { groupSlotsByLocalDate, localDateRange } from "./views";

const slot = (iso: string) => ({ start: new Date(iso), end: new Date(new Date(iso).getTime() + 3_600_000) });

describe("groupSlotsByLocalDate", () => {
  it("groups by the reader's date, not UTC's: 23:30Z is already tomorrow in Warsaw", () => {
    const days = groupSlotsByLocalDate([slot("2026-11-25T10:00:00Z"), slot("2026-11-25T23:30:00Z")], "Europe/Warsaw");
    expect(days.map((d) => [d.date, d.label, d.slots.map((s) => s.label)])).toEqual([
      ["2026-11-25", "Wednesday 25 November", ["11:00"]],
      ["2026-11-26", "Thursday 26 November", ["00:30"]],
    ]);
  });
});

describe("localDateRange", () => {
  it("covers whole local days, 23 hours on the spring-forward day", () => {
    const { from, to } = localDateRange("2027-03-28", 1, "Europe/London");
    expect(from.toISOString()).toBe("2027-03-28T00:00:00.000Z");
    expect(to.toISOString()).toBe("2027-03-28T23:00:00.000Z");
  });
});

describe("reminderJob", () => {
  it("is due when planned (reminders.ts), with one key per version so a move queues a new one", () => {
    const job = reminderJob({ id: "b1", version: 2 }, new Date("2026-11-30T09:00:00Z"));
    expect(job).toEqual({ key: "booking-reminder:b1:v2", runAt: new Date("2026-11-30T09:00:00Z"), payload: { bookingId: "b1", version: 2 } });
  });
});
