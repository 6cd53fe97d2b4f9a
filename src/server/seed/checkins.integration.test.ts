import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's check-ins", () => {
  it("asks Chidi the morning check-in and a weekly review today, and nobody else anything", async () => {
    const chidi = await (await demo.as("chidi@stride.test")).checkin.due();
    expect(chidi.open.map((o) => [o.formTitle, o.isToday])).toEqual([
      ["Morning check-in", true],
      ["Weekly review", true],
    ]);
    expect(chidi.answered).toEqual([]);
    const alex = await (await demo.as("alex@stride.test")).checkin.due();
    expect(alex.open).toEqual([]);
  });
});
