import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { answeredLabel, closedSentence, describeOpening, formatLocalDay, pausedSentences } from "./answer-wording";

describe("what the client reads about a check-in", () => {
  it.each([
    // [answeredAt, zone, today, label]
    ["2026-03-10T07:12:00Z", "Europe/London", "2026-03-10", "Answered at 07:12"],
    // 23:30 UTC is already the next morning in Sydney: the client's clock decides.
    ["2026-03-09T23:30:00Z", "Australia/Sydney", "2026-03-10", "Answered at 10:30"],
    ["2026-03-08T18:20:00Z", "Europe/London", "2026-03-10", "Answered at 18:20 on Sun 8 March"],
    // The first day of summer time in London: 07:12 BST is 06:12 UTC.
    ["2026-03-29T06:12:00Z", "Europe/London", "2026-03-29", "Answered at 07:12"],
  ])("answered at %s in %s, seen on %s: %s", (at, zone, today, label) => {
    expect(answeredLabel(new Date(at), zone, today)).toBe(label);
  });

  it("says when a closed check-in's next one opens, or to answer today's when it is open", () => {
    const at = { timeZone: "Europe/London", today: "2026-03-10", now: new Date("2026-03-10T06:00:00Z") };
    expect(closedSentence("2026-03-09", { opensAt: new Date("2026-03-10T07:00:00Z") }, at)).toBe("This check-in closed on Mon 9 March; the next one opens today at 07:00.");
    expect(closedSentence("2026-03-09", { opensAt: new Date("2026-03-10T05:00:00Z") }, at)).toBe("This check-in closed on Mon 9 March; answer today's instead.");
    expect(closedSentence("2026-03-03", { opensAt: new Date("2026-03-15T18:00:00Z") }, at)).toBe("This check-in closed on Tue 3 March; the next one opens at 18:00 on Sun 15 March.");
    expect(closedSentence("2026-03-03", null, at)).toBe("This check-in closed on Tue 3 March; answer the next one your coach asks.");
    expect(describeOpening(new Date("2026-03-29T01:00:00Z"), "Europe/London", "2026-03-28")).toBe("at 02:00 on Sun 29 March");
    expect(formatLocalDay("2026-12-31")).toBe("Thu 31 December");
  });

  // Written without luxon (the card ships to the phone): it reads as luxon wrote it, in any zone.
  it("agrees with luxon's wording on any instant in any zone", () => {
    const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC", "America/Santiago"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), fc.boolean(), (ms, zone, isToday) => {
        const local = DateTime.fromMillis(ms, { zone }).setLocale("en-GB");
        const today = isToday ? local.toISODate()! : local.plus({ days: 1 }).toISODate()!;
        const time = local.toFormat("HH:mm");
        expect(answeredLabel(new Date(ms), zone, today)).toBe(isToday ? `Answered at ${time}` : `Answered at ${time} on ${local.toFormat("ccc d MMMM")}`);
        expect(formatLocalDay(local.toISODate()!)).toBe(local.toFormat("ccc d MMMM"));
      }),
      { numRuns: 1000 },
    );
  });

  it("says which drills the answers paused, and that the coach knows", () => {
    expect(pausedSentences([{ drillName: "Hopping", reason: "left knee pain 6/10 is above your coach's limit of 5." }])).toEqual(["Hopping is paused: left knee pain 6/10 is above your coach's limit of 5; your coach has been told."]);
    expect(pausedSentences([])).toEqual([]);
  });
});
