import { describe, expect, it } from "vitest";
import { entrySideInput, entryVideosInput } from "./entry-side";

const side = { sessionId: "0f8fad5b-d9cb-469f-a165-70867728950e", drillId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", setNumber: 1, side: "left" };
const firstMessage = (input: unknown) => {
  const parsed = entrySideInput.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("an entry side", () => {
  it("takes a logged side, with ids of any UUID version (seeded and imported rows carry none)", () => {
    expect(entrySideInput.parse(side)).toEqual(side);
    expect(entrySideInput.parse({ ...side, sessionId: "3b1f2c4d-0000-0000-0000-00000000abcd" }).sessionId).toBe("3b1f2c4d-0000-0000-0000-00000000abcd");
  });

  it.each([
    [{ ...side, sessionId: "not-an-id" }, "Open the session from the history and choose the drill."],
    [{ ...side, drillId: undefined }, "Choose a drill of the session."],
    [{ ...side, setNumber: 0 }, "Choose a set of the drill (1 to 20)."],
    [{ ...side, setNumber: 21 }, "Choose a set of the drill (1 to 20)."],
    [{ ...side, setNumber: Number.NaN }, "Choose a set of the drill (1 to 20)."],
    [{ ...side, side: "sideways" }, "Choose the side: left or right."],
  ])("refuses %j with a sentence", (input, message) => expect(firstMessage(input)).toBe(message));

  it("asks for a drill's videos with or without the set and side", () => {
    expect(entryVideosInput.parse({ sessionId: side.sessionId, drillId: side.drillId })).toEqual({ sessionId: side.sessionId, drillId: side.drillId });
  });
});
