import { describe, expect, it } from "vitest";
import { notEnoughCreditsMessage } from "./rules";

describe("a booking refused for want of credits", () => {
  it.each([
    [{ kind: "client" } as const, 0, 1, "You have no session credits left. Buy a session pack or ask your coach."],
    [{ kind: "client" } as const, 1, 2, "This session needs 2 credits and you have 1 credit. Buy a session pack or ask your coach."],
    // The trainer booking for a client reads about that client, and what a trainer can do.
    [{ kind: "trainer", clientName: "Alex Morgan" } as const, 0, 1, "Alex Morgan has no session credits left: add credits on their page, or ask them to buy a session pack."],
    [{ kind: "trainer", clientName: "Alex Morgan" } as const, 1, 3, "This session needs 3 credits and Alex Morgan has 1 credit: add credits on their page, or ask them to buy a session pack."],
    [{ kind: "trainer", clientName: "Alex Morgan" } as const, -1, 1, "Alex Morgan has no session credits left: add credits on their page, or ask them to buy a session pack."],
  ])("for %o with %i of %i needed: %s", (reader, balance, needed, message) => {
    expect(notEnoughCreditsMessage(reader, balance, needed)).toBe(message);
  });

  it("never tells a trainer to ask their coach", () => {
    expect(notEnoughCreditsMessage({ kind: "trainer", clientName: "Bea" }, 0, 1)).not.toMatch(/\byou\b|coach/i);
  });
});
