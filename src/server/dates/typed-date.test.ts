import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { assertTypedDates, checkTypedDate, TYPED_DATE_WINDOWS, typedDateBounds } from "./typed-date";

const TODAY = "2026-12-01";

describe("a date a person types", () => {
  it.each([
    // The dates an outside test typed.
    ["1900-01-01", "start", "Pick a start date between 30 November 2025 and 2 December 2027."],
    ["2300-01-01", "start", "Pick a start date between 30 November 2025 and 2 December 2027."],
    ["1999-01-01", "availability", "Pick a day between today and 2 December 2028."],
    ["2999-01-01", "availability", "Pick a day between today and 2 December 2028."],
    // The edges of each window, and one day past them.
    ["2025-11-30", "start", null],
    ["2025-11-29", "start", "Pick a start date between 30 November 2025 and 2 December 2027."],
    ["2027-12-02", "start", null],
    ["2027-12-03", "start", "Pick a start date between 30 November 2025 and 2 December 2027."],
    ["2028-12-02", "end", null],
    ["2028-12-03", "end", "Pick an end date between 30 November 2025 and 2 December 2028."],
    ["2026-12-01", "availability", null],
    ["2026-11-30", "availability", "Pick a day between today and 2 December 2028."],
    ["2028-12-02", "availability", null],
    // Across a leap day: 2028-02-29 exists, 2027-02-29 does not.
    ["2027-02-29", "start", "Enter a date that exists on the calendar, as YYYY-MM-DD."],
    ["2028-02-29", "end", null],
    ["2026-02-30", "start", "Enter a date that exists on the calendar, as YYYY-MM-DD."],
    ["01/12/2026", "start", "Enter a date that exists on the calendar, as YYYY-MM-DD."],
  ] as const)("%s as %s: %s", (value, window, message) => {
    expect(checkTypedDate(value, TODAY, TYPED_DATE_WINDOWS[window])).toBe(message);
  });

  it("gives a form the same bounds as its min and max", () => {
    expect(typedDateBounds(TODAY, TYPED_DATE_WINDOWS.start)).toEqual({ min: "2025-11-30", max: "2027-12-02" });
    expect(typedDateBounds("2028-02-29", TYPED_DATE_WINDOWS.availability)).toEqual({ min: "2028-02-29", max: "2030-03-02" });
  });

  it("refuses the first date out of its window under its field, and skips an empty one", () => {
    expect(() => assertTypedDates(TODAY, [{ field: "prescription.endDate", value: null, window: TYPED_DATE_WINDOWS.end }])).not.toThrow();
    let thrown: unknown;
    try {
      assertTypedDates(TODAY, [
        { field: "prescription.startDate", value: "2026-12-01", window: TYPED_DATE_WINDOWS.start },
        { field: "prescription.endDate", value: "2300-01-01", window: TYPED_DATE_WINDOWS.end },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: "BAD_REQUEST", field: "prescription.endDate", message: "Pick an end date between 30 November 2025 and 2 December 2028." });
  });
});
