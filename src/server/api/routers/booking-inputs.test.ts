import { describe, expect, it } from "vitest";
import { startInput } from "./booking-inputs";

describe("startInput", () => {
  it("takes a start within the century", () => {
    expect(startInput.safeParse(new Date("2026-11-30T09:00:00Z")).success).toBe(true);
  });

  // Found by the fuzzer: the last date JavaScript can hold passed, then overflowed into a 500.
  it.each([new Date(8.64e15), new Date(-8.64e15), new Date(0), new Date(Number.NaN)])("refuses %s with the form's words", (start) => {
    const result = startInput.safeParse(start);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Pick a start time from the list.");
  });
});
