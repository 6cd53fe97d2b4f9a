import { describe, expect, it } from "vitest";
import { scheduleForClientInput, scheduleForProgramInput, scheduleMessages } from "./schedule-input";

const clientId = "00000000-0000-4000-8000-000000000001";
const formId = "00000000-0000-4000-8000-000000000002";
const valid = { clientId, formId, cadence: "daily", weekday: null, atTime: "07:00", startsOn: "2026-12-01" };

/** The messages a bad input gets, by field. */
function problems(input: unknown) {
  const result = scheduleForClientInput.safeParse(input);
  if (result.success) return null;
  return result.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("a check-in schedule as a trainer types it", () => {
  it("takes a daily and a weekly one, the start empty meaning today", () => {
    expect(scheduleForClientInput.parse(valid)).toEqual(valid);
    expect(scheduleForClientInput.parse({ clientId, formId, cadence: "weekly", weekday: 7, atTime: "18:30" })).toEqual({ clientId, formId, cadence: "weekly", weekday: 7, atTime: "18:30", startsOn: null });
    expect(scheduleForProgramInput.parse({ ...valid, clientId: undefined, programId: clientId }).programId).toBe(clientId);
  });

  it.each([
    ["25:00", { ...valid, atTime: "25:00" }, [["atTime", scheduleMessages.atTime]]],
    ["7:00", { ...valid, atTime: "7:00" }, [["atTime", scheduleMessages.atTime]]],
    ["23:60", { ...valid, atTime: "23:60" }, [["atTime", scheduleMessages.atTime]]],
    ["a long time", { ...valid, atTime: "07:00:00" }, [["atTime", scheduleMessages.atTime]]],
    ["weekday 0", { ...valid, cadence: "weekly", weekday: 0 }, [["weekday", scheduleMessages.weekday]]],
    ["weekday 8", { ...valid, cadence: "weekly", weekday: 8 }, [["weekday", scheduleMessages.weekday]]],
    ["weekday 2.5", { ...valid, cadence: "weekly", weekday: 2.5 }, [["weekday", scheduleMessages.weekday]]],
    ["weekly without a weekday", { ...valid, cadence: "weekly", weekday: null }, [["weekday", scheduleMessages.weekdayMissing]]],
    ["daily with a weekday", { ...valid, weekday: 3 }, [["weekday", scheduleMessages.weekdayOnDaily]]],
    ["monthly", { ...valid, cadence: "monthly" }, [["cadence", scheduleMessages.cadence]]],
    ["a date that does not exist", { ...valid, startsOn: "2026-02-30" }, [["startsOn", scheduleMessages.startsOn]]],
    ["a date and time", { ...valid, startsOn: "2026-12-01T07:00" }, [["startsOn", scheduleMessages.startsOn]]],
    ["no form", { ...valid, formId: "morning" }, [["formId", scheduleMessages.form]]],
  ])("refuses %s with one sentence", (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });
});
