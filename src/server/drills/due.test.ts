import { describe, expect, it } from "vitest";

import { localDateIn } from "@/lib/local-date";
import { isAssignmentActiveOn, listDueDrills, type DueAssignment } from "./due";
import type { AssignmentStatus, Schedule } from "@/lib/drills/vocabulary";

type Assignment = DueAssignment & { drillSlug: string };

const daily: Schedule = { daily: true, beforeRun: false };
const beforeRun: Schedule = { daily: false, beforeRun: true };
const both: Schedule = { daily: true, beforeRun: true };

function assignment(
  id: string,
  schedule: Schedule,
  dates: { start: string; end?: string | null },
  status: AssignmentStatus = "active",
): Assignment {
  return {
    id,
    drillSlug: id,
    status,
    prescription: { schedule, startDate: dates.start, endDate: dates.end ?? null },
  };
}

const due = (assignments: Assignment[], date: string) =>
  listDueDrills(assignments, date).map((d) => ({
    id: d.assignment.id,
    isDueToday: d.isDueToday,
    isBeforeRun: d.isBeforeRun,
  }));

describe("listDueDrills", () => {
  const march = { start: "2026-03-02", end: "2026-03-29" };

  it.each([
    { why: "on the start date", date: "2026-03-02", expected: true },
    { why: "the day before the start", date: "2026-03-01", expected: false },
    { why: "on the end date (inclusive)", date: "2026-03-29", expected: true },
    { why: "the day after the end", date: "2026-03-30", expected: false },
    { why: "in the middle", date: "2026-03-15", expected: true },
  ])("a daily drill from 2 to 29 March, $why: due = $expected", ({ date, expected }) => {
    expect(due([assignment("knee-drive", daily, march)], date)).toEqual(
      expected ? [{ id: "knee-drive", isDueToday: true, isBeforeRun: false }] : [],
    );
  });

  it.each<{ status: AssignmentStatus; expected: boolean }>([
    { status: "active", expected: true },
    { status: "paused", expected: false },
    { status: "ended", expected: false },
  ])("a $status assignment is due: $expected", ({ status, expected }) => {
    expect(due([assignment("knee-drive", both, { start: "2026-03-02" }, status)], "2026-03-10")).toHaveLength(
      expected ? 1 : 0,
    );
  });

  it("lists the runner's foundation: daily, before a run, and both", () => {
    const assignments = [
      assignment("knee-drive", daily, { start: "2026-03-02" }),
      assignment("back-rotations", both, { start: "2026-03-02" }),
      assignment("hopping", beforeRun, { start: "2026-03-02" }),
    ];
    expect(due(assignments, "2026-03-10")).toEqual([
      { id: "knee-drive", isDueToday: true, isBeforeRun: false },
      { id: "back-rotations", isDueToday: true, isBeforeRun: true },
      { id: "hopping", isDueToday: false, isBeforeRun: true },
    ]);
  });

  it("keeps the caller's assignment object, extra fields included", () => {
    const knee = assignment("knee-drive", daily, { start: "2026-03-02" });
    expect(listDueDrills([knee], "2026-03-02")[0]?.assignment).toBe(knee);
  });

  it("skips an assignment with no schedule at all", () => {
    expect(due([assignment("x", { daily: false, beforeRun: false }, { start: "2026-03-02" })], "2026-03-02")).toEqual([]);
  });

  it("follows a change of prescription: the old one ends, the new one starts the next day", () => {
    const assignments = [
      assignment("old", daily, { start: "2026-03-02", end: "2026-03-15" }),
      assignment("new", both, { start: "2026-03-16" }),
    ];
    expect(due(assignments, "2026-03-15").map((d) => d.id)).toEqual(["old"]);
    expect(due(assignments, "2026-03-16").map((d) => d.id)).toEqual(["new"]);
  });

  it("refuses a malformed date", () => {
    expect(() => listDueDrills([], "2026-3-2")).toThrow(RangeError);
  });
});

describe("due today across midnight and DST", () => {
  // Starts on the day London moves to BST; the client's date, not UTC's, decides.
  const knee = assignment("knee-drive", daily, { start: "2026-03-29", end: "2026-03-29" });

  it.each([
    { instant: "2026-03-28T23:30:00Z", zone: "Europe/London", expected: false, why: "23:30 on the 28th in London" },
    { instant: "2026-03-29T00:30:00Z", zone: "Europe/London", expected: true, why: "00:30 on the 29th in London" },
    { instant: "2026-03-29T23:30:00Z", zone: "Europe/London", expected: false, why: "00:30 BST on the 30th though UTC says the 29th" },
    { instant: "2026-03-28T13:30:00Z", zone: "Australia/Sydney", expected: true, why: "00:30 on the 29th in Sydney while UTC says the 28th" },
    { instant: "2026-03-29T13:30:00Z", zone: "Australia/Sydney", expected: false, why: "00:30 on the 30th in Sydney" },
  ])("$instant in $zone: due = $expected ($why)", ({ instant, zone, expected }) => {
    const localDate = localDateIn(new Date(instant), zone);
    expect(isAssignmentActiveOn(knee, localDate)).toBe(expected);
    expect(listDueDrills([knee], localDate)).toHaveLength(expected ? 1 : 0);
  });
});
