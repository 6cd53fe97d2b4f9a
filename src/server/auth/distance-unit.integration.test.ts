import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runs, studios, users } from "@/server/db/schema";
import { exportCsv } from "@/server/progression/export";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { loadViewer } from "./viewer";

const t = setupTestDatabase();

const csvOf = async (studioId: string, clientId: string, unit: "km" | "mi") => {
  const chunks: string[] = [];
  for await (const chunk of exportCsv(t.db, studioId, clientId, "runs", unit)) chunks.push(chunk);
  return chunks.join("").trim().split("\r\n");
};

// Issue 17, part 7: miles for those who want them, metres in the database whatever they choose.
describe("a person's distance unit", () => {
  it("is their own choice, else their studio's, for trainers and clients alike", async () => {
    const s = await createTestStudio(t.db, "units");
    expect((await loadViewer(t.db, s.clientA.userId))?.distanceUnit).toBe("km");
    await t.db.update(studios).set({ distanceUnit: "mi" }).where(eq(studios.id, s.studioId));
    expect((await loadViewer(t.db, s.clientA.userId))?.distanceUnit).toBe("mi");
    expect((await loadViewer(t.db, s.trainer.userId))?.distanceUnit).toBe("mi");
    await callerFor(t.db, s.clientA.userId).account.updateProfile({ name: "Ann", timeZone: "Europe/London", distanceUnit: "km" });
    expect((await loadViewer(t.db, s.clientA.userId))?.distanceUnit).toBe("km");
    expect((await loadViewer(t.db, s.clientB.userId))?.distanceUnit).toBe("mi");
    await callerFor(t.db, s.trainer.userId).account.updateProfile({ name: "Tom", timeZone: "Europe/London", distanceUnit: "km" });
    expect((await loadViewer(t.db, s.trainer.userId))?.distanceUnit).toBe("km");
  });

  it("changes how a run reads, never what was stored", async () => {
    const s = await createTestStudio(t.db, "miles");
    const client = callerFor(t.db, s.clientA.userId);
    const trainer = callerFor(t.db, s.trainer.userId);
    await client.account.updateProfile({ name: "Ann", timeZone: "Europe/London", distanceUnit: "mi" });
    const runId = randomUUID();
    // 3.1 miles in 27:30, typed in miles as the run form sends it; it hurt, so the queue describes it.
    await client.run.log({ id: runId, startedAt: new Date(Date.now() - 3_600_000), distance: { value: 3.1, unit: "mi" }, durationSeconds: 1650, effort: 6, hasPain: true, painWhere: "left shin", note: null });
    const stored = async () => (await t.db.select().from(runs).where(eq(runs.id, runId)))[0]!;
    const before = await stored();
    expect(before.distanceM).toBe(4989);

    // The trainer (km, the studio's unit) reads it in km; after choosing miles, in miles.
    const painSummary = async () => (await trainer.review.attention()).find((i) => i.key === `pain:run:${runId}`)?.summary;
    expect(await painSummary()).toBe("Reported pain (left shin) on a 5 km run.");
    await trainer.account.updateProfile({ name: "Tom", timeZone: "Europe/London", distanceUnit: "mi" });
    expect(await painSummary()).toBe("Reported pain (left shin) on a 3.1 mi run.");

    // The client's export names her unit; the metres column is the stored figure either way.
    expect((await client.progression.exportMine()).distanceUnit).toBe("mi");
    const miles = await csvOf(s.studioId, s.clientA.clientId, "mi");
    expect(miles[0]).toContain("distance_m,distance_mi,duration_s,pace_per_mi");
    expect(miles[1]).toContain(",4989,3.10,1650,8:52,");
    await client.account.updateProfile({ name: "Ann", timeZone: "Europe/London", distanceUnit: null });
    expect((await client.progression.exportMine()).distanceUnit).toBe("km");
    expect((await csvOf(s.studioId, s.clientA.clientId, "km"))[1]).toContain(",4989,4.99,1650,5:31,");
    expect((await client.progression.mine()).distanceUnit).toBe("km");

    // Nothing about the run moved while the units changed.
    expect(await stored()).toEqual(before);
    const [person] = await t.db.select({ unit: users.distanceUnit }).from(users).where(eq(users.id, s.clientA.userId));
    expect(person!.unit).toBeNull();
  });
});
