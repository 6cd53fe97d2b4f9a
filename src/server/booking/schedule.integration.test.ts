import { describe, expect, it } from "vitest";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";

const t = setupTestDatabase();

describe("a trainer's week calendar", () => {
  it("is their own by default, a colleague's when asked, and another studio's trainer is not found", async () => {
    const s = await createTestStudio(t.db, "home");
    const other = await createTestStudio(t.db, "other");
    const trainer = callerFor(t.db, s.trainer.userId);
    const own = await trainer.booking.calendar({ from: "2026-03-02", days: 7 });
    expect(own).toMatchObject({ from: "2026-03-02", memberId: s.trainer.memberId, bookings: [] });
    expect(own.trainers.map((m) => m.id).sort()).toEqual([s.owner.memberId, s.trainer.memberId].sort());
    expect((await trainer.booking.calendar({ from: "2026-03-02", days: 7, memberId: s.owner.memberId })).memberId).toBe(s.owner.memberId);
    await expect(trainer.booking.calendar({ days: 7, memberId: other.trainer.memberId })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That trainer does not exist or is not part of your studio.",
    });
  });
});
