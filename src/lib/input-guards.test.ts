import { describe, expect, it } from "vitest";
import { pathOfNulCharacter } from "./input-guards";

describe("pathOfNulCharacter", () => {
  it("finds a NUL character at any depth and names its field", () => {
    expect(pathOfNulCharacter({ drill: { steps: ["Stand tall.", "Rise\u0000"] } })).toBe("drill.steps.1");
    expect(pathOfNulCharacter("\u0000")).toBe("input");
    expect(pathOfNulCharacter({ ["na\u0000me"]: "x" })).toBe("name");
  });

  it("lets every other character through", () => {
    expect(pathOfNulCharacter({ name: "ü🏃 Zoë\u202e\t", when: new Date(), n: 0, list: [null, true] })).toBeNull();
    expect(pathOfNulCharacter(undefined)).toBeNull();
  });
});
