import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, sessionReviews, threads } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { freshRun, freshSession, sampleSession, withFoundation } from "~test/training-fixtures";

const t = setupTestDatabase();

const commentsOn = async (sessionId: string) => (await t.db.select({ body: messages.body, authorKind: messages.authorKind }).from(messages).innerJoin(threads, eq(threads.id, messages.threadId)).where(eq(threads.sessionId, sessionId)).orderBy(messages.createdAt));

describe("review feedback is the first comment of the session", () => {
  it("posts saved feedback once, a change as a new comment, and nothing for empty feedback", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId } = await freshSession(t.db, studio);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const client = callerFor(t.db, studio.clientA.userId);

    await trainer.review.save({ sessionId, feedback: "" });
    expect(await commentsOn(sessionId)).toEqual([]);

    await trainer.review.save({ sessionId, feedback: "  Good hold on the left; match it on the right. " });
    // A retry, or a re-review with the same words, says nothing new.
    await trainer.review.save({ sessionId, feedback: "Good hold on the left; match it on the right." });
    const seen = await client.message.forLog({ sessionId });
    expect(seen.messages).toMatchObject([{ body: "Good hold on the left; match it on the right.", authorKind: "trainer", authorName: studio.trainer.name, isMine: false }]);
    expect(await client.message.unreadCount()).toBe(1);

    await trainer.review.save({ sessionId, feedback: "Good hold on the left. Next week: 40 s each side." });
    expect((await commentsOn(sessionId)).map((m) => m.body)).toEqual(["Good hold on the left; match it on the right.", "Good hold on the left. Next week: 40 s each side."]);
    // The stored feedback is the latest, as the review page shows it.
    expect((await trainer.review.session({ sessionId })).review?.feedback).toBe("Good hold on the left. Next week: 40 s each side.");
  });

  it("posts one comment when two saves of the same feedback race", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId } = await freshSession(t.db, studio);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    await Promise.all([trainer.review.save({ sessionId, feedback: "Steady." }), owner.review.save({ sessionId, feedback: "Steady." })]);
    expect(await commentsOn(sessionId)).toHaveLength(1);
  });

  it("posts a run's answer as the trainer's comment on the run", async () => {
    const studio = await createTestStudio(t.db);
    const { runId } = await freshRun(t.db, studio);
    await callerFor(t.db, studio.trainer.userId).review.acknowledgeRun({ runId, feedback: "Ease off the pace next time." });
    expect((await callerFor(t.db, studio.clientA.userId).message.forLog({ runId })).messages.map((m) => m.body)).toEqual(["Ease off the pace next time."]);
  });

  it("the migration turns earlier feedback into a comment once, read by both sides", async () => {
    const studio = await createTestStudio(t.db);
    const { sessionId } = await freshSession(t.db, studio);
    // Feedback saved before comments existed: the review row alone.
    await t.db.insert(sessionReviews).values({ studioId: studio.studioId, sessionId, reviewedByMemberId: studio.trainer.memberId, feedback: "From before comments." });
    const statements = readFileSync(join(process.cwd(), "drizzle/0029_feedback_comments.sql"), "utf8").split("--> statement-breakpoint");
    for (let run = 0; run < 2; run++) for (const statement of statements) await t.db.execute(sql.raw(statement));
    expect(await commentsOn(sessionId)).toEqual([{ body: "From before comments.", authorKind: "trainer" }]);
    expect(await callerFor(t.db, studio.clientA.userId).message.unreadCount()).toBe(0);
  });
});

describe("a pain report opens the log's comments, and the trainer answers it from the queue", () => {
  it("writes the client's pain as their comment once, and shows the item answered after the trainer's comment", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const trainer = callerFor(t.db, studio.trainer.userId);
    const painful = sampleSession(drills, new Date(), { hasPain: true, painWhere: "left knee", note: "Sharp on the second set." });
    await client.session.log(painful);
    await client.session.log(painful); // the offline queue's retry
    expect(await commentsOn(painful.id)).toEqual([{ body: "Pain: left knee — Sharp on the second set.", authorKind: "client" }]);
    expect(await trainer.message.unreadCount()).toBe(1);

    const item = (await trainer.review.attention()).find((i) => i.key === `pain:${painful.id}`)!;
    expect(item.answer).toMatchObject({ log: { sessionId: painful.id }, isAnswered: false });
    expect(item.answer!.threadId).not.toBeNull();

    await trainer.message.send({ threadId: item.answer!.threadId!, id: randomUUID(), body: "Stop the hops for two days; tell me how it feels tomorrow." });
    const after = (await trainer.review.attention()).find((i) => i.key === `pain:${painful.id}`)!;
    expect(after.answer?.isAnswered).toBe(true);
    expect((await client.message.forLog({ sessionId: painful.id })).messages.map((m) => m.authorKind)).toEqual(["client", "trainer"]);
  });

  it("opens a painful run's comments, and an edit that adds pain opens a session's", async () => {
    const studio = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const runId = randomUUID();
    await client.run.log({ id: runId, startedAt: new Date(), distance: { value: 10, unit: "km" }, durationSeconds: 3300, effort: 8, hasPain: true, painWhere: "right shin", note: null });
    expect((await client.message.forLog({ runId })).messages).toMatchObject([{ body: "Pain: right shin", authorKind: "client", isMine: true }]);
    const runItem = (await callerFor(t.db, studio.trainer.userId).review.attention()).find((i) => i.key === `pain:run:${runId}`)!;
    expect(runItem.answer).toMatchObject({ log: { runId }, isAnswered: false });

    const session = sampleSession(drills);
    await client.session.log(session);
    expect(await commentsOn(session.id)).toEqual([]);
    await client.session.update({ ...session, hasPain: true, painWhere: "left ankle", note: null });
    await client.session.update({ ...session, hasPain: true, painWhere: "left ankle", note: null });
    expect(await commentsOn(session.id)).toEqual([{ body: "Pain: left ankle", authorKind: "client" }]);
  });

  it("lets nobody else answer: another studio's trainer cannot write in the thread", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const drills = await withFoundation(t.db, studio);
    const painful = sampleSession(drills, new Date(), { hasPain: true, painWhere: "left knee" });
    await callerFor(t.db, studio.clientA.userId).session.log(painful);
    const [thread] = await t.db.select().from(threads).where(and(eq(threads.studioId, studio.studioId), eq(threads.sessionId, painful.id)));
    await expect(callerFor(t.db, other.trainer.userId).message.send({ threadId: thread!.id, id: randomUUID(), body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await commentsOn(painful.id)).toHaveLength(1);
  });
});
