import { describe, expect, it } from "vitest";
import { drillDoneToday, formatLoggedValue, hasEverySide, streakCountingToday, todayOf, type LoggedEntry } from "./done-today";

const entry = (localDate: string, side: LoggedEntry["side"], value: number | null, setNumber = 1): LoggedEntry => ({ localDate, side, value, setNumber });
const knee = { measure: "hold_seconds" as const, perSide: true };

describe("hasEverySide: a per-side drill is done only with both sides", () => {
  it.each([
    { perSide: true, sides: [], want: false, why: "nothing logged" },
    { perSide: true, sides: ["left"], want: false, why: "left only" },
    { perSide: true, sides: ["right", "right"], want: false, why: "right twice is still one side" },
    { perSide: true, sides: ["left", "right"], want: true, why: "both sides" },
    { perSide: false, sides: ["both"], want: true, why: "a two-sided drill needs one entry" },
    { perSide: false, sides: [], want: false, why: "nothing logged" },
  ] as const)("$why", ({ perSide, sides, want }) => {
    expect(hasEverySide(perSide, sides.map((side) => ({ side })))).toBe(want);
  });
});

describe("drillDoneToday", () => {
  it("shows the values per side, in the drill's unit", () => {
    const got = drillDoneToday(knee, [entry("2026-03-20", "left", 30), entry("2026-03-20", "right", 28), entry("2026-03-20", "left", 32.5, 2)], "2026-03-20");
    expect(got).toEqual({ isDone: true, missingSide: null, lines: [{ label: "Left", values: "30 s, 32.5 s" }, { label: "Right", values: "28 s" }] });
  });
  it("names the missing side of a half-logged drill", () => {
    expect(drillDoneToday(knee, [entry("2026-03-20", "left", 30)], "2026-03-20")).toMatchObject({ isDone: false, missingSide: "right" });
    expect(drillDoneToday(knee, [entry("2026-03-20", "right", 30)], "2026-03-20")).toMatchObject({ isDone: false, missingSide: "left" });
  });
  it("counts only today's entries: yesterday's left and today's right are not a day done", () => {
    expect(drillDoneToday(knee, [entry("2026-03-19", "left", 30), entry("2026-03-20", "right", 30)], "2026-03-20")).toMatchObject({ isDone: false, missingSide: "left", lines: [{ label: "Right", values: "30 s" }] });
  });
  it("reads reps, metres and free drills", () => {
    expect(formatLoggedValue(12, "reps")).toBe("12 reps");
    expect(formatLoggedValue(40, "distance_m")).toBe("40 m");
    expect(formatLoggedValue(null, "free")).toBe("done");
    expect(drillDoneToday({ measure: "reps", perSide: false }, [entry("2026-03-20", "both", 15)], "2026-03-20")).toEqual({ isDone: true, missingSide: null, lines: [{ label: "Logged", values: "15 reps" }] });
  });
});

describe("today is the client's own day: midnight, time zones and DST", () => {
  const loggedOn = (date: string) => [entry(date, "left", 30), entry(date, "right", 30)];
  it.each([
    { now: "2026-03-20T23:30:00Z", zone: "Europe/London", today: "2026-03-20", why: "23:30 in London in March (UTC) is still the 20th" },
    { now: "2026-03-20T23:30:00Z", zone: "Europe/Berlin", today: "2026-03-21", why: "the same instant is past midnight in Berlin" },
    { now: "2026-03-21T03:00:00Z", zone: "America/New_York", today: "2026-03-20", why: "03:00 UTC is the evening before in New York" },
    { now: "2026-03-29T00:30:00Z", zone: "Europe/London", today: "2026-03-29", why: "the night the clocks go forward (00:30 UTC = 00:30 GMT)" },
    { now: "2026-03-29T23:30:00Z", zone: "Europe/London", today: "2026-03-30", why: "after the change 23:30 UTC is 00:30 BST, the next day" },
    { now: "2026-10-25T23:30:00Z", zone: "Europe/London", today: "2026-10-25", why: "after the clocks go back 23:30 UTC is 23:30 GMT, the same day" },
    { now: "2026-03-20T10:30:00Z", zone: "Pacific/Kiritimati", today: "2026-03-21", why: "UTC+14 is a day ahead" },
  ])("$why", ({ now, zone, today }) => {
    const day = todayOf(new Date(now), zone);
    expect(day).toBe(today);
    expect(drillDoneToday(knee, loggedOn(today), day).isDone).toBe(true);
    // A log stored under the UTC date, when that differs, is not today's.
    const utcDate = now.slice(0, 10);
    if (utcDate !== today) expect(drillDoneToday(knee, loggedOn(utcDate), day).isDone).toBe(false);
  });
});

describe("streakCountingToday", () => {
  it.each([
    { streak: { current: 0, isTodayDone: false }, every: false, want: { current: 0, isTodayDone: false }, why: "a fresh client, nothing logged" },
    { streak: { current: 1, isTodayDone: true }, every: true, want: { current: 1, isTodayDone: true }, why: "a fresh client's first full day moves the streak to 1" },
    { streak: { current: 4, isTodayDone: false }, every: false, want: { current: 4, isTodayDone: false }, why: "today still open keeps yesterday's streak" },
    { streak: { current: 5, isTodayDone: true }, every: true, want: { current: 5, isTodayDone: true }, why: "today done extends it" },
    { streak: { current: 5, isTodayDone: true }, every: false, want: { current: 4, isTodayDone: false }, why: "a drill logged on one side only does not count today yet" },
    { streak: { current: 1, isTodayDone: true }, every: false, want: { current: 0, isTodayDone: false }, why: "half a first day is not a streak" },
  ])("$why", ({ streak, every, want }) => {
    expect(streakCountingToday(streak, every)).toEqual(want);
  });
});
