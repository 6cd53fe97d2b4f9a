import { describe, expect, it } from "vitest";

import {
  logRunInput,
  logRunInputAt,
  logSessionInput,
  logSessionInputFor,
  parseRun,
  parseSession,
  sessionMessages,
  validateEntryValue,
  validateLoggedAt,
  type LoggableDrill,
  type LogRunInput,
  type LogSessionInput,
} from "./session-input";

const now = new Date("2026-04-07T09:00:00Z");
const HOUR = 3_600_000;

const KNEE = "11111111-1111-4111-8111-111111111111";
const BACK = "22222222-2222-4222-8222-222222222222";
const HOP = "33333333-3333-4333-8333-333333333333";
const STRETCH = "44444444-4444-4444-8444-444444444444";
const STRIDES = "55555555-5555-4555-8555-555555555555";
const UNASSIGNED = "66666666-6666-4666-8666-666666666666";

const kneeDrive: LoggableDrill = { name: "Knee Drive", measure: "hold_seconds", perSide: true, recordsContactFeel: false };
const backRotations: LoggableDrill = { name: "Back Rotations", measure: "reps", perSide: true, recordsContactFeel: false };
const hopping: LoggableDrill = { name: "Hopping", measure: "contacts", perSide: true, recordsContactFeel: true };
const stretch: LoggableDrill = { name: "Calf stretch", measure: "free", perSide: false, recordsContactFeel: false };
const strides: LoggableDrill = { name: "Strides", measure: "distance_m", perSide: false, recordsContactFeel: false };
const drills = new Map([
  [KNEE, kneeDrive],
  [BACK, backRotations],
  [HOP, hopping],
  [STRETCH, stretch],
  [STRIDES, strides],
]);

const session = (overrides: Partial<LogSessionInput> = {}): LogSessionInput => ({
  id: "9b2f7c1e-6a3d-4c5e-8f90-0a1b2c3d4e5f",
  performedAt: new Date("2026-04-07T07:30:00Z"),
  context: "standalone",
  effort: 6,
  hasPain: false,
  entries: [
    { drillId: KNEE, setNumber: 1, side: "left", value: 32.5 },
    { drillId: KNEE, setNumber: 1, side: "right", value: 28.1 },
  ],
  ...overrides,
});

const run = (overrides: Partial<LogRunInput> = {}): LogRunInput => ({
  id: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
  startedAt: new Date("2026-04-07T08:00:00Z"),
  distance: { value: 5, unit: "km" },
  durationSeconds: 1650,
  hasPain: false,
  ...overrides,
});

const issuesOf = (raw: unknown) => {
  const result = parseSession(raw, { now, drills });
  return result.success ? [] : result.issues.map(({ field, message }) => ({ field, message }));
};
const runIssuesOf = (raw: unknown) => {
  const result = parseRun(raw, { now });
  return result.success ? [] : result.issues.map(({ field, message }) => ({ field, message }));
};

describe("parseSession: the bad input named in issue 5", () => {
  it.each([
    {
      name: "negative seconds",
      entries: [{ drillId: KNEE, setNumber: 1, side: "left", value: -5 }],
      expected: { field: "entries.0.value", message: "Enter a hold between 0.1 and 600 seconds." },
    },
    {
      name: "a zero-second hold",
      entries: [{ drillId: KNEE, setNumber: 1, side: "left", value: 0 }],
      expected: { field: "entries.0.value", message: "Enter a hold between 0.1 and 600 seconds." },
    },
    {
      name: "500 reps",
      entries: [{ drillId: BACK, setNumber: 1, side: "right", value: 500 }],
      expected: { field: "entries.0.value", message: "500 reps is more than we can record; enter at most 200." },
    },
    {
      name: "a drill not assigned to this client",
      entries: [{ drillId: UNASSIGNED, setNumber: 1, side: "left", value: 10 }],
      expected: { field: "entries.0.drillId", message: sessionMessages.notAssigned },
    },
  ] as const)("$name", ({ entries, expected }) => {
    expect(issuesOf(session({ entries: [...entries] }))).toEqual([expected]);
  });

  it("a future date beyond tomorrow", () => {
    expect(issuesOf(session({ performedAt: new Date(now.getTime() + 25 * HOUR) }))).toEqual([
      { field: "performedAt", message: sessionMessages.tooFarAhead },
    ]);
  });

  it("points at the entry that is wrong, by its index", () => {
    const entries = [
      { drillId: KNEE, setNumber: 1, side: "left" as const, value: 40 },
      { drillId: KNEE, setNumber: 1, side: "right" as const, value: 41 },
      { drillId: BACK, setNumber: 1, side: "left" as const, value: 500 },
    ];
    expect(issuesOf(session({ entries }))).toEqual([
      { field: "entries.2.value", message: "500 reps is more than we can record; enter at most 200." },
    ]);
  });
});

describe("validateEntryValue: the range depends on the drill's measure", () => {
  it.each<{ drill: LoggableDrill; value: number | null; expected: string | null }>([
    { drill: kneeDrive, value: 0.1, expected: null },
    { drill: kneeDrive, value: 32.5, expected: null },
    { drill: kneeDrive, value: 600, expected: null },
    { drill: kneeDrive, value: 600.1, expected: "600.1 seconds is more than we can record; enter at most 600." },
    { drill: kneeDrive, value: 0.05, expected: "Enter a hold between 0.1 and 600 seconds." },
    { drill: kneeDrive, value: 12.34, expected: "Round the hold to one decimal place, e.g. 32.5." },
    { drill: kneeDrive, value: 0.3, expected: null },
    { drill: kneeDrive, value: null, expected: sessionMessages.valueMissing },
    { drill: backRotations, value: 1, expected: null },
    { drill: backRotations, value: 200, expected: null },
    { drill: backRotations, value: 0, expected: "Enter the reps as a whole number from 1 to 200." },
    { drill: backRotations, value: 15.5, expected: "Enter the reps as a whole number from 1 to 200." },
    { drill: backRotations, value: 201, expected: "201 reps is more than we can record; enter at most 200." },
    { drill: hopping, value: 500, expected: null },
    { drill: hopping, value: 501, expected: "501 contacts is more than we can record; enter at most 500." },
    { drill: hopping, value: -1, expected: "Enter the ground contacts as a whole number from 1 to 500." },
    { drill: strides, value: 80, expected: null },
    { drill: strides, value: 0, expected: "Enter a distance between 0.1 and 10000 metres." },
    { drill: strides, value: 20_000, expected: "20000 metres is more than we can record; enter at most 10000." },
    { drill: stretch, value: null, expected: null },
    { drill: stretch, value: 3, expected: sessionMessages.freeTakesNoValue },
  ])("$drill.measure $value → $expected", ({ drill, value, expected }) => {
    expect(validateEntryValue(drill, value)).toBe(expected);
  });
});

describe("parseSession: entries against their drills", () => {
  it.each([
    {
      name: "a per-side drill logged as both",
      entry: { drillId: KNEE, setNumber: 1, side: "both", value: 30 },
      expected: [{ field: "entries.0.side", message: sessionMessages.perSideNeeded }],
    },
    {
      name: "a drill not logged per side given a side",
      entry: { drillId: STRETCH, setNumber: 1, side: "left" },
      expected: [{ field: "entries.0.side", message: sessionMessages.notPerSide }],
    },
    {
      name: "hopping without how the contacts felt",
      entry: { drillId: HOP, setNumber: 1, side: "left", value: 40 },
      expected: [{ field: "entries.0.contactFeel", message: sessionMessages.contactFeel }],
    },
    {
      name: "contact feel on a drill that does not record it",
      entry: { drillId: BACK, setNumber: 1, side: "left", value: 18, contactFeel: "short" },
      expected: [{ field: "entries.0.contactFeel", message: sessionMessages.contactFeelNotUsed }],
    },
    {
      name: "a free drill with a number",
      entry: { drillId: STRETCH, setNumber: 1, side: "both", value: 2 },
      expected: [{ field: "entries.0.value", message: sessionMessages.freeTakesNoValue }],
    },
  ] as const)("$name", ({ entry, expected }) => {
    expect(issuesOf(session({ entries: [entry] }))).toEqual(expected);
  });

  it("accepts every built-in logger and a free drill done with a note", () => {
    const result = parseSession(
      session({
        context: "warmup_before_run",
        runId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
        entries: [
          { drillId: BACK, setNumber: 1, side: "left", value: 18 },
          { drillId: BACK, setNumber: 1, side: "right", value: 17 },
          { drillId: HOP, setNumber: 1, side: "left", value: 40, contactFeel: "short" },
          { drillId: HOP, setNumber: 1, side: "right", value: 38, contactFeel: "medium" },
          { drillId: STRETCH, setNumber: 1, side: "both", note: "30 s each calf" },
          { drillId: STRIDES, setNumber: 1, side: "both", value: 80 },
        ],
      }),
      { now, drills },
    );
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.entries[4]).toMatchObject({ value: null, contactFeel: null, note: "30 s each calf" });
      expect(result.data.runId).toBe("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    }
  });

  it("refuses the same set and side twice (the unique key the table will carry)", () => {
    const entries = [
      { drillId: KNEE, setNumber: 1, side: "left" as const, value: 30 },
      { drillId: KNEE, setNumber: 1, side: "left" as const, value: 31 },
    ];
    expect(issuesOf(session({ entries }))).toEqual([{ field: "entries.1.side", message: sessionMessages.duplicateEntry }]);
  });
});

describe("parseSession: the session's own fields", () => {
  it.each([
    { name: "no entries", overrides: { entries: [] }, expected: [{ field: "entries", message: sessionMessages.noEntries }] },
    { name: "an id that is not a uuid", overrides: { id: "abc" }, expected: [{ field: "id", message: sessionMessages.sessionId }] },
    { name: "effort 0", overrides: { effort: 0 }, expected: [{ field: "effort", message: sessionMessages.effort }] },
    { name: "effort 11", overrides: { effort: 11 }, expected: [{ field: "effort", message: sessionMessages.effort }] },
    { name: "effort 6.5", overrides: { effort: 6.5 }, expected: [{ field: "effort", message: sessionMessages.effort }] },
    { name: "pain without where", overrides: { hasPain: true }, expected: [{ field: "painWhere", message: sessionMessages.painWhere }] },
    { name: "pain with a blank where", overrides: { hasPain: true, painWhere: "   " }, expected: [{ field: "painWhere", message: sessionMessages.painWhere }] },
    { name: "a note that is too long", overrides: { note: "x".repeat(501) }, expected: [{ field: "note", message: sessionMessages.note }] },
    { name: "an unknown context", overrides: { context: "race" as never }, expected: [{ field: "context", message: sessionMessages.context }] },
    {
      name: "a standalone session linked to a run",
      overrides: { runId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" },
      expected: [{ field: "runId", message: sessionMessages.runOnlyForWarmup }],
    },
    { name: "no time", overrides: { performedAt: undefined }, expected: [{ field: "performedAt", message: sessionMessages.performedAt }] },
    { name: "a time that is not a time", overrides: { performedAt: "yesterday" as never }, expected: [{ field: "performedAt", message: sessionMessages.performedAt }] },
    { name: "two years ago", overrides: { performedAt: new Date("2024-04-07T07:00:00Z") }, expected: [{ field: "performedAt", message: sessionMessages.tooOld }] },
  ])("$name", ({ overrides, expected }) => {
    expect(issuesOf(session(overrides as Partial<LogSessionInput>))).toEqual(expected);
  });

  it("accepts an ISO string for the time, as a form sends it", () => {
    const result = logSessionInput.safeParse(session({ performedAt: "2026-04-07T07:30:00+01:00" as never }));
    expect(result.success && result.data.performedAt.toISOString()).toBe("2026-04-07T06:30:00.000Z");
  });

  it("drops where it hurts once pain is unticked (the form hides that field)", () => {
    const result = logSessionInput.safeParse(session({ hasPain: false, painWhere: "left knee" }));
    expect(result.success && result.data.painWhere).toBeNull();
  });

  it("keeps where it hurts, trimmed, when pain is flagged", () => {
    const result = logSessionInput.safeParse(session({ hasPain: true, painWhere: "  left knee " }));
    expect(result.success && result.data.painWhere).toBe("left knee");
  });

  it("the form schema carries the same messages at the same paths", () => {
    const schema = logSessionInputFor({ now, drills });
    const result = schema.safeParse(session({ entries: [{ drillId: BACK, setNumber: 1, side: "left", value: 500 }] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ["entries", 0, "value"], message: "500 reps is more than we can record; enter at most 200." },
    ]);
  });
});

describe("impossible dates and times are refused, never rolled over (issue 15)", () => {
  it.each([
    { name: "30 February", text: "2026-02-30T10:00:00Z", message: "There is no 30 February 2026; pick the date and time you did the drills." },
    { name: "29 February of a common year", text: "2026-02-29T10:00:00Z", message: "There is no 29 February 2026; pick the date and time you did the drills." },
    { name: "31 April", text: "2026-04-31T23:00:00-02:00", message: "There is no 31 April 2026; pick the date and time you did the drills." },
    { name: "month 13", text: "2026-13-01T10:00:00Z", message: sessionMessages.performedAt },
    { name: "day 0", text: "2026-04-00T10:00:00Z", message: sessionMessages.performedAt },
    { name: "24 o'clock", text: "2026-04-06T24:00:00Z", message: sessionMessages.performedAt },
    { name: "minute 60", text: "2026-04-06T10:60:00Z", message: sessionMessages.performedAt },
    { name: "an offset beyond any zone's", text: "2026-04-06T10:00:00+15:00", message: sessionMessages.performedAt },
    { name: "no offset (the server's own zone would be guessed)", text: "2026-04-06T10:00:00", message: sessionMessages.performedAt },
    { name: "words a parser guesses at", text: "April 6 2026", message: sessionMessages.performedAt },
  ])("refuses $name", ({ text, message }) => {
    expect(issuesOf(session({ performedAt: text as never }))).toEqual([{ field: "performedAt", message }]);
  });

  it("refuses a bare number and an invalid Date", () => {
    expect(issuesOf(session({ performedAt: now.getTime() as never }))).toEqual([{ field: "performedAt", message: sessionMessages.performedAt }]);
    expect(issuesOf(session({ performedAt: new Date(Number.NaN) }))).toEqual([{ field: "performedAt", message: sessionMessages.performedAt }]);
  });

  it("accepts real dates: 29 February of a leap year, a space for the T, a negative offset, fractions of a second", () => {
    const at = (text: string) => {
      const result = logSessionInput.safeParse(session({ performedAt: text as never }));
      return result.success ? result.data.performedAt.toISOString() : result.error.issues[0]!.message;
    };
    expect(at("2028-02-29T10:00:00Z")).toBe("2028-02-29T10:00:00.000Z");
    expect(at("2026-04-06 22:15+02:00")).toBe("2026-04-06T20:15:00.000Z");
    expect(at("2026-04-06T23:59:59.5-05:30")).toBe("2026-04-07T05:29:59.500Z");
    expect(at("2026-12-31t23:59:59z")).toBe("2026-12-31T23:59:59.000Z");
  });

  it("a run's start is held to the same rule, in its own words", () => {
    expect(runIssuesOf(run({ startedAt: "2026-02-30T08:00:00Z" as never }))).toEqual([
      { field: "startedAt", message: "There is no 30 February 2026; pick the date and time you started the run." },
    ]);
    expect(runIssuesOf(run({ startedAt: "2026-04-06T25:00:00Z" as never }))).toEqual([{ field: "startedAt", message: sessionMessages.startedAt }]);
  });
});

describe("validateLoggedAt", () => {
  it.each([
    { name: "now", offsetHours: 0, ok: true },
    { name: "an hour ago", offsetHours: -1, ok: true },
    { name: "exactly a day ahead (a phone clock or zone off by a day)", offsetHours: 24, ok: true },
    { name: "a day and a minute ahead: beyond tomorrow", offsetHours: 24 + 1 / 60, ok: false },
    { name: "366 days ago", offsetHours: -366 * 24, ok: true },
    { name: "367 days ago", offsetHours: -367 * 24, ok: false },
  ])("$name → ok: $ok", ({ offsetHours, ok }) => {
    const issues = validateLoggedAt(new Date(now.getTime() + offsetHours * HOUR), now, "performedAt");
    expect(issues.length === 0).toBe(ok);
  });
});

describe("parseRun", () => {
  it("accepts a 5 km run and gives its distance in metres", () => {
    const result = parseRun(run(), { now });
    expect(result.success && result.data.distanceM).toBe(5000);
  });

  it("takes miles, stored as metres", () => {
    const result = parseRun(run({ distance: { value: 3.1, unit: "mi" }, durationSeconds: 1650 }), { now });
    expect(result.success && result.data.distanceM).toBe(4989);
  });

  it("takes metres as typed", () => {
    const result = parseRun(run({ distance: { value: 800, unit: "m" }, durationSeconds: 240 }), { now });
    expect(result.success && result.data.distanceM).toBe(800);
  });

  it.each([
    { name: "a run of 0 minutes", overrides: { durationSeconds: 0 }, expected: [{ field: "durationSeconds", message: sessionMessages.duration }] },
    { name: "a negative duration", overrides: { durationSeconds: -60 }, expected: [{ field: "durationSeconds", message: sessionMessages.duration }] },
    { name: "three days long", overrides: { durationSeconds: 72 * 3600 }, expected: [{ field: "durationSeconds", message: sessionMessages.durationTooLong }] },
    { name: "a distance of 0", overrides: { distance: { value: 0, unit: "km" as const } }, expected: [{ field: "distance.value", message: sessionMessages.distance }] },
    // Found by the fuzzer: stored in whole metres, 0.4 m became 0 and broke the table's check (a 500).
    { name: "a distance that rounds to 0 m", overrides: { distance: { value: 0.4, unit: "m" as const } }, expected: [{ field: "distance.value", message: sessionMessages.distance }] },
    { name: "a distance that rounds to 0 m, in km", overrides: { distance: { value: 0.0001, unit: "km" as const } }, expected: [{ field: "distance.value", message: sessionMessages.distance }] },
    { name: "no unit", overrides: { distance: { value: 5 } as never }, expected: [{ field: "distance.unit", message: sessionMessages.distanceUnit }] },
    { name: "200 mi", overrides: { distance: { value: 200, unit: "mi" as const } }, expected: [{ field: "distance.value", message: "186.4 mi is the longest run we record; check the distance and its unit." }] },
    { name: "5000 km", overrides: { distance: { value: 5000, unit: "km" as const } }, expected: [{ field: "distance.value", message: sessionMessages.distanceTooLong }] },
    {
      name: "5 km in 5 minutes (metres meant as km, or a slipped duration)",
      overrides: { durationSeconds: 300 },
      expected: [{ field: "durationSeconds", message: sessionMessages.implausiblePace }],
    },
    { name: "a future date beyond tomorrow", overrides: { startedAt: new Date(now.getTime() + 48 * HOUR) }, expected: [{ field: "startedAt", message: sessionMessages.tooFarAhead }] },
    { name: "effort 12", overrides: { effort: 12 }, expected: [{ field: "effort", message: sessionMessages.effort }] },
    { name: "pain without where", overrides: { hasPain: true }, expected: [{ field: "painWhere", message: sessionMessages.painWhere }] },
  ])("refuses $name", ({ overrides, expected }) => {
    expect(runIssuesOf(run(overrides))).toEqual(expected);
  });

  it("the form schema refuses a future date beyond tomorrow too", () => {
    expect(logRunInputAt(now).safeParse(run({ startedAt: new Date(now.getTime() + 48 * HOUR) })).success).toBe(false);
    expect(logRunInput.safeParse(run({ startedAt: new Date(now.getTime() + 48 * HOUR) })).success).toBe(true);
  });
});
