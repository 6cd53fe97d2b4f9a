import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's drills", () => {
  it("Alex has Runner's foundation today, with Hopping locked", async () => {
    const today = await (await demo.as("alex@stride.test")).portal.today();
    expect(today.drills.map((d) => [d.drill.name, d.lock.isUnlocked])).toEqual([
      ["Knee Drive", true],
      ["Back Rotations", true],
      ["Hopping", false],
    ]);
  });

  it("Dana's Hopping is unlocked early by Morgan; Bea's Back Rotations has a history; Chidi's Knee Drive is paused", async () => {
    expect((await (await demo.as("dana@stride.test")).portal.today()).drills.find((d) => d.drill.name === "Hopping")!.lock.reason).toBe("override");
    const morgan = (await demo.as("morgan@stride.test"));
    const bea = (await morgan.client.list({ search: "bea@" }))[0]!;
    const beaRotations = (await morgan.assignment.forClient({ clientId: bea.id })).assignments.find((a) => a.drill.name === "Back Rotations")!;
    expect(beaRotations.history.map((v) => v.action)).toEqual(["changed", "assigned"]);
    expect((await (await demo.as("chidi@stride.test")).portal.today()).paused.map((p) => p.drillName)).toEqual(["Knee Drive"]);
    expect((await morgan.drill.list()).map((d) => d.name)).toEqual(expect.arrayContaining(["Single-leg calf raise", "Seated back rotations"]));
    expect((await morgan.program.list()).map((p) => p.name)).toEqual(["Runner's foundation", "Desk-bound runner"]);
  });

  it("the other studio sees only its own library and programs", async () => {
    const rosa = (await demo.as("rosa@harbour.test"));
    expect((await rosa.drill.list()).map((d) => d.name)).toEqual(["Knee Drive", "Back Rotations", "Hopping"]);
    expect((await rosa.program.list()).map((p) => p.name)).toEqual(["Runner's foundation"]);
  });
});
