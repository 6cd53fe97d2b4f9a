import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, practiceEntries } from "@/server/db/schema";
import { addDays, localDateIn } from "@/lib/local-date";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { freshSession } from "~test/training-fixtures";

const t = setupTestDatabase();

// Issue 15, item 14: a client changed a session after the trainer's review; it stayed
// "Reviewed" with the old feedback, the trainer was not told, and the edit was filed under
// today's prescription.
describe("a session changed after its review", () => {
  it("goes back in the queue marked as edited, keeps the earlier feedback on show, and leaves once reviewed again", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId, session } = await freshSession(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const queued = async () => (await trainer.review.attention()).find((i) => i.key === `unreviewed_session:${sessionId}`);

    await trainer.review.save({ sessionId, feedback: "Even sides: well done." });
    expect(await queued()).toBeUndefined();

    await client.session.update({ ...session, entries: session.entries!.map((e) => (e.side === "right" && e.value === 28 ? { ...e, value: 31 } : e)) });

    const item = await queued();
    expect(item?.summary).toBe("Changed Back Rotations, Knee Drive after your review; not reviewed again yet.");
    const detail = await trainer.review.session({ sessionId });
    expect(detail.review).toMatchObject({ feedback: "Even sides: well done." });
    expect(detail.review?.editedAfterReviewAt).toBeInstanceOf(Date);
    const mine = (await client.session.history()).sessions.find((s) => s.id === sessionId)!;
    expect(mine.review).toMatchObject({ feedback: "Even sides: well done." });
    expect(mine.review?.editedAfterReviewAt).toBeInstanceOf(Date);
    const listed = (await trainer.review.forClient({ clientId: studio.clientA.clientId })).sessions.find((s) => s.id === sessionId)!;
    expect(listed).toMatchObject({ isReviewed: false, isEditedAfterReview: true });

    await trainer.review.save({ sessionId, feedback: "Right side is up to 31 s now: great." });
    expect(await queued()).toBeUndefined();
    expect((await trainer.review.session({ sessionId })).review?.editedAfterReviewAt).toBeNull();
  });

  it("a session edited before any review is simply unreviewed, as before", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId, session } = await freshSession(t.db, studio);
    await callerFor(t.db, studio.clientA.userId).session.update({ ...session, note: "Corrected." });
    const item = (await callerFor(t.db, studio.trainer.userId).review.attention()).find((i) => i.key === `unreviewed_session:${sessionId}`);
    expect(item?.summary).toBe("Logged Back Rotations, Knee Drive; not reviewed yet.");
  });

  it("is edited under the prescription in force when it was performed, not today's", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId, session, drills } = await freshSession(t.db, studio);
    const [rotations] = await t.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.clientId, studio.clientA.clientId), eq(assignments.drillId, drills.backRotations)));
    // After the session, the trainer moves Back Rotations up to two sets of 18–22.
    await callerFor(t.db, studio.trainer.userId).assignment.change({
      assignmentId: rotations!.id,
      prescription: { sets: 2, targetPerSide: null, repMin: 18, repMax: 22, schedule: { daily: true, beforeRun: true }, startDate: addDays(localDateIn(new Date(), "Europe/London"), -30), endDate: null },
    });
    const client = callerFor(t.db, studio.clientA.userId);

    await client.session.update({ ...session, note: "Counted again." });
    const detail = await callerFor(t.db, studio.trainer.userId).review.session({ sessionId });
    const prescribed = detail.entries.filter((e) => e.drillId === drills.backRotations).map((e) => e.prescribed?.version);
    expect(prescribed).toEqual([1, 1]);
    const versions = await t.db.select({ v: practiceEntries.assignmentVersionId }).from(practiceEntries).where(eq(practiceEntries.sessionId, sessionId));
    expect(new Set(versions.map((r) => r.v)).size).toBe(2); // Knee Drive's and Back Rotations' first versions

    // The edit form shows the prescription the client did then: one set of 15–20.
    const mine = await client.session.mine({ sessionId });
    expect(mine.drills.find((d) => d.drill.id === drills.backRotations)).toMatchObject({ version: 1, prescription: { sets: 1, repMin: 15, repMax: 20 } });
  });
});
