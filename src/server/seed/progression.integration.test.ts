import { describe, expect, it } from "vitest";
import { setupDemoDatabase } from "~test/demo";

const demo = setupDemoDatabase();

describe("the demo's progression", () => {
  it("Alex has charts, a flagged right side and a drills-and-running summary", async () => {
    const mine = await (await demo.as("alex@stride.test")).progression.mine();
    const knee = mine.drills.find((d) => d.name === "Knee Drive")!;
    expect(knee.series.length).toBeGreaterThan(25);
    expect(knee.asymmetry).toMatchObject({ isFlagged: true, weakerSide: "right" });
    expect(knee.progress.left.trend.label).toBe("improving");
    expect(mine.running.summary.status).toBe("ok");
    expect(mine.running.summary.message).toMatch(/^In weeks with 5 or more days of drills your average pace was \d+:\d\d \/km faster/);
  });

  it("Bea is close to the rule, Eli met it and Hopping unlocked by itself", async () => {
    const bea = await (await demo.as("bea@stride.test")).progression.mine();
    expect(bea.mastery[0]).toMatchObject({ name: "Hopping", lock: { isUnlocked: false } });
    expect(bea.mastery[0]!.lock.progress[0]!.evaluation.qualifyingDays).toBe(3);
    const eli = await demo.as("eli@stride.test");
    expect((await eli.progression.mine()).mastery[0]).toMatchObject({ name: "Hopping", lock: { isUnlocked: true, reason: "mastered" } });
    expect((await eli.progression.unlockNotices()).map((n) => n.drillName)).toEqual(["Hopping"]);
    const queue = await (await demo.as("morgan@stride.test")).progression.attention();
    expect(queue.filter((i) => i.kind === "unlocked").map((i) => i.clientName)).toEqual(["Eli Navarro"]);
    expect(queue.filter((i) => i.kind === "asymmetry").map((i) => i.clientName)).toContain("Alex Morgan");
  });

  it("Dana's Hopping contacts show per side", async () => {
    const dana = await (await demo.as("dana@stride.test")).progression.mine();
    expect(dana.drills.find((d) => d.name === "Hopping")?.series.length).toBeGreaterThan(5);
  });
});
