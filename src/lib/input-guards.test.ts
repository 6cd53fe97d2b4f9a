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

  it("leaves bytes alone, at once however large: a file's zero bytes are not text", () => {
    const started = performance.now();
    expect(pathOfNulCharacter({ fileName: "run.fit", bytes: new Uint8Array(25 * 1024 * 1024) })).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
    expect(pathOfNulCharacter({ fileName: "run\u0000.fit", bytes: new Uint8Array(4) })).toBe("fileName");
  });
});
