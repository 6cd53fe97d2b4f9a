import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { builtInDrillId, samplePrescription } from "~test/drill-fixtures";
import { createTestStudio } from "~test/factories";

const t = setupTestDatabase();

// A deleted client's rows are anonymised: reviewing their sessions or giving them a drill
// answered as if they were still there; both now say "not found", like their page.
describe("a deleted client", () => {
  it("cannot be reviewed nor given a drill", async () => {
    const s = await createTestStudio(t.db);
    await t.db.update(clients).set({ deletedAt: new Date(), deletedByMemberId: s.owner.memberId }).where(eq(clients.id, s.clientB.clientId));
    const trainer = callerFor(t.db, s.trainer.userId);
    const drillId = await builtInDrillId(t.db, s.studioId, "knee-drive");

    await expect(trainer.review.forClient({ clientId: s.clientB.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(trainer.assignment.create({ clientId: s.clientB.clientId, drillId, prescription: samplePrescription })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The studio's other client is untouched.
    await expect(trainer.review.forClient({ clientId: s.clientA.clientId })).resolves.toBeDefined();
  });
});
