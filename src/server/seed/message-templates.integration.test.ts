import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's message templates", () => {
  it("gives every trainer the studio's two, and Priya her own", async () => {
    const priya = await (await demo.as("priya@stride.test")).template.list();
    expect(priya.map((t) => [t.title, t.isStudioWide, t.canEdit])).toEqual([
      ["Before your run", true, false],
      ["Slow it down", true, false],
      ["How did the left side feel?", false, true],
    ]);
    const morgan = await (await demo.as("morgan@stride.test")).template.list();
    expect(morgan.map((t) => [t.title, t.canEdit])).toEqual([
      ["Before your run", true],
      ["Slow it down", true],
    ]);
  });
});
