import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { clearChanged, emptyValues, entriesOf, fromLocalInput, toLocalInput, valuesFromEntries, type LoggerDrill } from "./logger-values";

const drill = (over: Partial<LoggerDrill>): LoggerDrill => ({
  drillId: "d",
  name: "Drill",
  measure: "reps",
  perSide: true,
  recordsContactFeel: false,
  sets: 1,
  repMin: 15,
  repMax: 20,
  targetPerSide: null,
  dose: "",
  ...over,
});

describe("logger values", () => {
  it("turns filled inputs into entries, skips empty ones, and keeps the key of each for its error", () => {
    const hopping = drill({ drillId: "h", measure: "contacts", recordsContactFeel: true });
    const stretch = drill({ drillId: "s", measure: "free", perSide: false });
    const state = emptyValues();
    state.values["h|1|left"] = "20";
    state.feels["h|1|left"] = "short";
    state.feels["h|1|right"] = "long";
    state.done["s|1|both"] = true;
    const { entries, keys } = entriesOf([hopping, stretch], state);
    expect(entries).toEqual([
      { drillId: "h", setNumber: 1, side: "left", value: 20, contactFeel: "short" },
      { drillId: "h", setNumber: 1, side: "right", value: null, contactFeel: "long" },
      { drillId: "s", setNumber: 1, side: "both", value: null, contactFeel: null },
    ]);
    expect(keys).toEqual(["h|1|left", "h|1|right", "s|1|both"]);
  });

  it("reads a decimal comma, and round-trips stored entries for editing", () => {
    const knee = drill({ drillId: "k", measure: "hold_seconds", repMin: null, repMax: null });
    const state = emptyValues();
    state.values["k|1|left"] = "32,5";
    const { entries } = entriesOf([knee], state);
    expect(entries[0]!.value).toBe(32.5);
    const back = valuesFromEntries([{ drillId: "k", setNumber: 1, side: "left", value: 32.5, contactFeel: null }]);
    expect(entriesOf([knee], back).entries).toEqual([{ drillId: "k", setNumber: 1, side: "left", value: 32.5, contactFeel: null }]);
  });

  it("drops the error of an input as soon as it changes", () => {
    const before = emptyValues();
    before.values["k|1|left"] = "-5";
    const after = { ...before, values: { "k|1|left": "24" } };
    expect(clearChanged({ "k|1|left": "bad", performedAt: "late" }, before, after)).toEqual({ performedAt: "late" });
  });
});

describe("date and time on the client's clock", () => {
  it("reads and writes the time in the client's zone, whatever the device's", () => {
    const instant = new Date("2026-03-29T00:30:00Z"); // the night the UK moves to summer time
    expect(toLocalInput(instant, "America/New_York")).toBe("2026-03-28T20:30");
    expect(toLocalInput(instant, "Europe/London")).toBe("2026-03-29T00:30");
    expect(fromLocalInput("2026-03-29T02:30", "Europe/London")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromLocalInput("", "Europe/London")).toBeUndefined();
    expect(fromLocalInput("not a date", "Europe/London")).toBeUndefined();
  });

  it("reads a gap, an overlap and a bad day as luxon did", () => {
    expect(fromLocalInput("2026-03-29T01:30", "Europe/London")?.toISOString()).toBe(DateTime.fromISO("2026-03-29T01:30", { zone: "Europe/London" }).toJSDate().toISOString());
    expect(fromLocalInput("2026-10-25T01:30", "Europe/London")?.toISOString()).toBe(DateTime.fromISO("2026-10-25T01:30", { zone: "Europe/London" }).toJSDate().toISOString());
    expect(fromLocalInput("2026-02-30T10:00", "Europe/London")).toBeUndefined();
    expect(fromLocalInput("2026-02-10T24:00", "Europe/London")).toBeUndefined();
    expect(fromLocalInput("2026-02-10T10:00", "Not/AZone")).toBeUndefined();
  });

  it("reads a time the clocks show twice as one of its two instants", () => {
    // Newfoundland fell back at 00:01 in 2002: 23:01 on 26 October came twice.
    const read = fromLocalInput("2002-10-26T23:01", "America/St_Johns")!;
    expect(["2002-10-27T01:31:00.000Z", "2002-10-27T02:31:00.000Z"]).toContain(read.toISOString());
    expect(toLocalInput(read, "America/St_Johns")).toBe("2002-10-26T23:01");
  });

  it("agrees with luxon on any instant in any zone", () => {
    const zones = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns", "UTC", "Europe/Berlin", "America/Santiago"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        const written = toLocalInput(instant, zone);
        expect(written).toBe(DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
        const read = fromLocalInput(written, zone);
        const luxon = DateTime.fromISO(written, { zone }).toJSDate();
        // A time the clocks show twice (fall back) names two instants: either is a faithful
        // reading, and luxon's pick between them depends on its guess. Each must show as written.
        if (read?.getTime() !== luxon.getTime()) expect([toLocalInput(read!, zone), toLocalInput(luxon, zone)]).toEqual([written, written]);
      }),
      { numRuns: 2000 },
    );
  });
});
