import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { logSession } from "@/server/training/service";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { sampleSession, withFoundation } from "~test/training-fixtures";

const t = setupTestDatabase();

// Client A lives in Europe/London. 23:30 UTC on 10 June is 00:30 BST on the 11th: the client's today.
const NOW = new Date("2026-06-10T23:30:00Z");

describe("portal.todayDone: Today's done state on the client's own day", () => {
  it("a drill is done with both sides, shows its values, and the streak moves once every daily drill is done", async () => {
    const studio = await createTestStudio(t.db, "today-done");
    const drills = await withFoundation(t.db, studio, "clientA", NOW);
    const caller = callerFor(t.db, studio.clientA.userId, { now: () => NOW });
    const log = (entries: ReturnType<typeof sampleSession>["entries"], performedAt: Date) =>
      logSession(t.db, studio.studioId, studio.clientA.clientId, sampleSession(drills, NOW, { id: randomUUID(), performedAt, entries }), NOW);

    const fresh = await caller.portal.todayDone();
    expect(fresh.localDate).toBe("2026-06-11");
    expect(fresh.streak).toEqual({ current: 0, isTodayDone: false });
    const knee = () => fresh.drills.find((d) => d.drill.id === drills.kneeDrive)!;
    expect(knee().done).toEqual({ isDone: false, missingSide: null, lines: [] });

    // 23:15 BST on the 10th is yesterday for the client, though the same UTC date as now.
    await log([{ drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 40 }, { drillId: drills.kneeDrive, setNumber: 1, side: "right", value: 40 }], new Date("2026-06-10T22:15:00Z"));
    // 00:15 BST on the 11th: today, the left side only.
    await log([{ drillId: drills.kneeDrive, setNumber: 1, side: "left", value: 32.5 }], new Date("2026-06-10T23:15:00Z"));
    const half = await caller.portal.todayDone();
    const halfKnee = half.drills.find((d) => d.drill.id === drills.kneeDrive)!;
    expect(halfKnee.done).toEqual({ isDone: false, missingSide: "right", lines: [{ label: "Left", values: "32.5 s" }] });
    expect(half.streak.isTodayDone).toBe(false);

    await log([{ drillId: drills.kneeDrive, setNumber: 1, side: "right", value: 28 }], new Date("2026-06-10T23:20:00Z"));
    const done = await caller.portal.todayDone();
    expect(done.drills.find((d) => d.drill.id === drills.kneeDrive)!.done).toEqual({
      isDone: true,
      missingSide: null,
      lines: [
        { label: "Left", values: "32.5 s" },
        { label: "Right", values: "28 s" },
      ],
    });

    // Every other daily drill due today, logged on every side: the day counts and the streak is 1.
    const rest = done.drills.filter((d) => d.isDueToday && !d.done.isDone && d.lock.isUnlocked);
    const entries = rest.flatMap((d) => (d.drill.perSide ? (["left", "right"] as const) : (["both"] as const)).map((side) => ({ drillId: d.drill.id, setNumber: 1, side, value: d.drill.measure === "free" ? null : 10 })));
    if (entries.length) await log(entries, new Date("2026-06-10T23:25:00Z"));
    const full = await caller.portal.todayDone();
    expect(full.drills.filter((d) => d.isDueToday).every((d) => d.done.isDone)).toBe(true);
    expect(full.streak).toEqual({ current: 1, isTodayDone: true });
  });

  it("shows nothing of another client's logs", async () => {
    const studio = await createTestStudio(t.db, "today-done-other");
    const drills = await withFoundation(t.db, studio, "clientA", NOW);
    await withFoundation(t.db, studio, "clientB", NOW);
    await logSession(t.db, studio.studioId, studio.clientA.clientId, sampleSession(drills, NOW, { performedAt: new Date("2026-06-10T23:15:00Z") }), NOW);
    const other = await callerFor(t.db, studio.clientB.userId, { now: () => NOW }).portal.todayDone();
    expect(other.drills.length).toBeGreaterThan(0);
    expect(other.drills.every((d) => d.done.lines.length === 0)).toBe(true);
    expect(other.streak.current).toBe(0);
  });
});
