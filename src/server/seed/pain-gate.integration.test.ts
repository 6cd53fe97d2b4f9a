import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's pain-gated studio (Harbour Track Club)", () => {
  it("holds Uma's Hopping on the mornings while Knee Drive is mastered; Vic met both and hops", async () => {
    const uma = await (await demo.as("uma@harbour.test")).progression.mine();
    const umaHopping = uma.mastery.find((m) => m.name === "Hopping")!;
    expect(umaHopping.lock.isUnlocked).toBe(false);
    const progress = umaHopping.lock.progress[0]!;
    expect(progress.evaluation.isMet).toBe(true);
    expect(progress.pain).toMatchObject({ isMet: false, counted: 4, needed: 5 });

    const vic = await (await demo.as("vic@harbour.test")).progression.mine();
    expect(vic.mastery.find((m) => m.name === "Hopping")!.lock).toMatchObject({ isUnlocked: true, reason: "mastered" });
  });

  it("leaves today's morning check-in open for both", async () => {
    for (const email of ["uma@harbour.test", "vic@harbour.test"]) {
      const due = await (await demo.as(email)).checkin.due();
      expect(due.open.map((c) => c.formTitle)).toEqual(["Morning check-in"]);
    }
  });
});
