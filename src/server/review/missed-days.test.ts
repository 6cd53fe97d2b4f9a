import { describe, expect, it } from "vitest";
import { daysBefore, missedDaysOf as missedOver, type DailyPrescription } from "./missed-days";

const missedDaysOf = (today: string, windowDays: number, ...rest: [DailyPrescription[], (drill: string, day: string) => boolean]) => missedOver(daysBefore(today, windowDays), ...rest);

const TODAY = "2026-03-31";
const knee: DailyPrescription = { drillId: "knee", startDate: "2026-01-01", endDate: null };
const logs = (entries: [string, string][]) => {
  const set = new Set(entries.map(([drill, day]) => `${drill}|${day}`));
  return (drill: string, day: string) => set.has(`${drill}|${day}`);
};

describe("missed days over the last complete week", () => {
  it("counts each prescribed day with nothing logged, and names the last one", () => {
    const result = missedDaysOf(TODAY, 7, [knee], logs([["knee", "2026-03-24"], ["knee", "2026-03-30"]]));
    expect(result).toEqual({ missed: 5, prescribedDays: 7, lastMissed: "2026-03-29" });
  });

  it("does not count today, which is not over yet", () => {
    expect(missedDaysOf(TODAY, 7, [knee], logs([["knee", "2026-03-31"]])).missed).toBe(7);
  });

  it("a day is done when any of that day's prescribed drills was logged; an unprescribed drill does not count", () => {
    const hop: DailyPrescription = { drillId: "hop", startDate: "2026-01-01", endDate: null };
    const everyDay = ["2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30"];
    expect(missedDaysOf(TODAY, 7, [knee, hop], logs(everyDay.map((d) => ["hop", d]))).missed).toBe(0);
    expect(missedDaysOf(TODAY, 7, [knee], logs(everyDay.map((d) => ["rotations", d]))).missed).toBe(7);
  });

  it("counts only the days inside a prescription's dates", () => {
    const started = { ...knee, startDate: "2026-03-28" };
    expect(missedDaysOf(TODAY, 7, [started], logs([]))).toEqual({ missed: 3, prescribedDays: 3, lastMissed: "2026-03-30" });
    const ended = { ...knee, endDate: "2026-03-25" };
    expect(missedDaysOf(TODAY, 7, [ended], logs([]))).toEqual({ missed: 2, prescribedDays: 2, lastMissed: "2026-03-25" });
  });

  it("the window is the complete days before today, oldest first", () => {
    expect(daysBefore("2026-03-02", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("a client with nothing prescribed missed nothing", () => {
    expect(missedDaysOf(TODAY, 7, [], logs([]))).toEqual({ missed: 0, prescribedDays: 0, lastMissed: null });
  });

  it("crosses month ends and the March clock change as plain calendar days", () => {
    const result = missedDaysOf("2026-04-02", 7, [knee], logs([["knee", "2026-03-29"]]));
    expect(result).toEqual({ missed: 6, prescribedDays: 7, lastMissed: "2026-04-01" });
  });
});
