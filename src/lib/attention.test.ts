import { describe, expect, it } from "vitest";
import { attentionWhen } from "./attention";

const now = new Date("2026-03-25T09:00:00Z");

describe("attentionWhen", () => {
  it("dates a missed day and a check-in's due day by the day, the same in every zone", () => {
    const noon = new Date("2026-03-22T12:00:00Z");
    for (const zone of ["Europe/London", "Pacific/Auckland", "America/Los_Angeles"]) {
      expect(attentionWhen({ kind: "missed_checkin", at: noon }, zone, now)).toBe("due Sun 22 March");
      expect(attentionWhen({ kind: "missed_days", at: noon }, zone, now)).toBe("last missed Sun 22 March");
    }
  });

  it("says the time of anything else in the reader's zone", () => {
    const at = new Date("2026-03-24T18:40:00Z");
    expect(attentionWhen({ kind: "rising_pain", at }, "Europe/London", now)).toBe("18:40 on Tue 24 March");
    expect(attentionWhen({ kind: "intake_red_flag", at }, "Pacific/Auckland", now)).toBe("07:40 on Wed 25 March");
  });
});
