import { describe, expect, it } from "vitest";
import { formatDay } from "@/lib/time-wording";
import { importSentence } from "./import-wording";

const now = new Date("2026-11-05T12:00:00Z");
const startedAt = new Date("2026-11-03T07:00:00Z");
const london = { unit: "km" as const, timeZone: "Europe/London", now };

describe("importSentence", () => {
  it.each([
    { kind: "imported" as const, sentence: "Imported: 10.2 km on Tue 3 Nov." },
    { kind: "joined_existing" as const, sentence: "Another file of your 10.2 km run on Tue 3 Nov: kept with it, its figures unchanged." },
    { kind: "already_imported" as const, sentence: "Already imported: this file is your 10.2 km run on Tue 3 Nov." },
  ])("$kind", ({ kind, sentence }) => {
    expect(importSentence({ kind, startedAt, distanceM: 10_200 }, london)).toBe(sentence);
  });

  it("a merge names the day the client typed it on", () => {
    expect(importSentence({ kind: "merged_with_typed", startedAt, distanceM: 10_200, typedStartedAt: new Date("2026-11-03T07:30:00Z") }, london)).toBe(
      "Matched the run you typed on Tue 3 Nov: its figures now come from the watch.",
    );
  });

  it("in miles, on the client's own calendar", () => {
    expect(importSentence({ kind: "imported", startedAt: new Date("2026-11-03T03:30:00Z"), distanceM: 10_200 }, { unit: "mi", timeZone: "America/New_York", now })).toBe(
      "Imported: 6.34 mi on Mon 2 Nov.",
    );
  });
});

describe("formatDay", () => {
  it("adds the year when it is not this one", () => {
    expect(formatDay(new Date("2025-12-30T10:00:00Z"), "UTC", now)).toBe("Tue 30 Dec 2025");
  });
});
