import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's pain-gated studio (Harbour Track Club)", () => {
  it("holds Sam's Hopping on the mornings while Knee Drive is mastered; Tess met both and hops", async () => {
    const sam = await (await demo.as("sam@harbour.test")).progression.mine();
    const samHopping = sam.mastery.find((m) => m.name === "Hopping")!;
    expect(samHopping.lock.isUnlocked).toBe(false);
    const progress = samHopping.lock.progress[0]!;
    expect(progress.evaluation.isMet).toBe(true);
    expect(progress.pain).toMatchObject({ isMet: false, counted: 4, needed: 5 });

    const tess = await (await demo.as("tess@harbour.test")).progression.mine();
    expect(tess.mastery.find((m) => m.name === "Hopping")!.lock).toMatchObject({ isUnlocked: true, reason: "mastered" });
  });

  it("leaves today's morning check-in open for both", async () => {
    for (const email of ["sam@harbour.test", "tess@harbour.test"]) {
      const due = await (await demo.as(email)).checkin.due();
      expect(due.open.map((c) => c.formTitle)).toEqual(["Morning check-in"]);
    }
  });
});
