import { describe, expect, it } from "vitest";

import { evaluateSessionEdit, SESSION_EDIT_WINDOW_HOURS } from "./edit-window";

const HOUR = 3_600_000;
// Saved at 07:30 London time (BST) on Tuesday 7 April 2026.
const createdAt = new Date("2026-04-07T06:30:00Z");
const closesAt = new Date(createdAt.getTime() + SESSION_EDIT_WINDOW_HOURS * HOUR);

describe("evaluateSessionEdit", () => {
  it.each([
    { name: "right after saving", now: new Date(createdAt.getTime() + 60_000), isAllowed: true },
    { name: "23 hours later", now: new Date(createdAt.getTime() + 23 * HOUR), isAllowed: true },
    { name: "exactly 24 hours later", now: closesAt, isAllowed: true },
    { name: "a millisecond after 24 hours", now: new Date(closesAt.getTime() + 1), isAllowed: false },
    { name: "a week later", now: new Date(createdAt.getTime() + 7 * 24 * HOUR), isAllowed: false },
    { name: "a server clock slightly behind the one that saved it", now: new Date(createdAt.getTime() - 2_000), isAllowed: true },
  ])("$name → allowed: $isAllowed", ({ now, isAllowed }) => {
    const result = evaluateSessionEdit({ createdAt, now, timeZone: "Europe/London" });
    expect(result.isAllowed).toBe(isAllowed);
    expect(result.closesAt).toEqual(closesAt);
  });

  it("says until when, in the reader's time zone", () => {
    expect(evaluateSessionEdit({ createdAt, now: createdAt, timeZone: "Europe/London" }).message).toBe(
      "You can edit this session until 07:30 on Wed 8 April.",
    );
    expect(evaluateSessionEdit({ createdAt, now: createdAt, timeZone: "America/New_York", action: "delete" }).message).toBe(
      "You can delete this session until 02:30 on Wed 8 April.",
    );
  });

  it("says when it closed once refused", () => {
    const now = new Date(closesAt.getTime() + HOUR);
    expect(evaluateSessionEdit({ createdAt, now, timeZone: "Europe/London" }).message).toBe(
      "This session can no longer be edited: sessions are fixed 24 hours after saving, and this one was fixed at 07:30 on Wed 8 April.",
    );
    expect(evaluateSessionEdit({ createdAt, now, timeZone: "Europe/London", action: "delete" }).message).toBe(
      "This session can no longer be deleted: sessions are fixed 24 hours after saving, and this one was fixed at 07:30 on Wed 8 April.",
    );
  });

  it("counts 24 real hours across a DST change: the wall clock shows 25 hours later", () => {
    // Saved 08:00 GMT on Sat 28 March; 24 hours later the clocks read 09:00 BST on Sun 29 March.
    const saved = new Date("2026-03-28T08:00:00Z");
    const result = evaluateSessionEdit({ createdAt: saved, now: saved, timeZone: "Europe/London" });
    expect(result.message).toBe("You can edit this session until 09:00 on Sun 29 March.");
  });
});
