import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { streamExport } from "@/server/data-rights/export";
import { messages, threadReads, threads } from "@/server/db/schema";
import { logThreadOf } from "@/server/messages/threads";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { freshRun } from "~test/training-fixtures";

const t = setupTestDatabase();

describe("a client's conversation with the studio", () => {
  it("carries a question and its answer, with unread counts and 'seen' on both sides", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const coach = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);

    const mine = await client.message.conversation({});
    expect(mine.messages).toEqual([]);
    await client.message.send({ threadId: mine.threadId, id: randomUUID(), body: "  How did the left side look?  " });

    expect(await coach.message.unreadCount()).toBe(1);
    expect(await owner.message.unreadCount()).toBe(1);
    expect(await client.message.unreadCount()).toBe(0);

    const seenByCoach = await coach.message.conversation({ clientId: studio.clientA.clientId });
    expect(seenByCoach.threadId).toBe(mine.threadId);
    expect(seenByCoach.messages).toMatchObject([{ body: "How did the left side look?", authorKind: "client", authorName: studio.clientA.name, isMine: false }]);
    expect((await client.message.conversation({})).otherSideReadAt).toBeNull();

    await coach.message.markRead({ threadId: mine.threadId });
    expect(await coach.message.unreadCount()).toBe(0);
    expect((await client.message.conversation({})).otherSideReadAt).not.toBeNull();

    await coach.message.send({ threadId: mine.threadId, id: randomUUID(), body: "Steadier than last week. Hold the top for a second." });
    expect(await client.message.unreadCount()).toBe(1);
    const after = await client.message.conversation({});
    expect(after.messages.map((m) => [m.authorKind, m.isMine])).toEqual([["client", true], ["trainer", false]]);
  });

  it("stores a message once however often the device sends it", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const { threadId } = await client.message.conversation({});
    const id = randomUUID();
    const first = await client.message.send({ threadId, id, body: "Sent from the park, offline." });
    const again = await client.message.send({ threadId, id, body: "Sent from the park, offline." });
    expect(again).toEqual(first);
    expect(await t.db.select().from(messages).where(eq(messages.threadId, threadId))).toHaveLength(1);
  });

  it("refuses bad input with a sentence and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const { threadId } = await client.message.conversation({});
    expect(await refusalOf(client.message.send({ threadId, id: randomUUID(), body: "   " }), "message.send")).toMatchObject({ code: "BAD_REQUEST", fields: { body: "Write a message before sending." } });
    expect((await refusalOf(client.message.send({ threadId, id: randomUUID(), body: "a".repeat(10_000) }), "message.send")).fields.body).toMatch(/up to 4,000 characters/);
    expect(await t.db.select().from(messages).where(eq(messages.threadId, threadId))).toEqual([]);
  });

  it("is nobody else's: another client, another studio's trainer, a trainer kept to their own clients", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const { threadId } = await callerFor(t.db, studio.clientA.userId).message.conversation({});
    const clientB = callerFor(t.db, studio.clientB.userId);
    expect((await refusalOf(clientB.message.send({ threadId, id: randomUUID(), body: "Hi" }), "message.send")).code).toBe("NOT_FOUND");
    expect((await refusalOf(clientB.message.conversation({ clientId: studio.clientA.clientId }), "message.conversation")).code).toBe("NOT_FOUND");
    const stranger = callerFor(t.db, other.trainer.userId);
    expect((await refusalOf(stranger.message.older({ threadId, before: new Date() }), "message.older")).code).toBe("NOT_FOUND");
    expect((await refusalOf(stranger.message.conversation({ clientId: studio.clientA.clientId }), "message.conversation")).code).toBe("NOT_FOUND");
    expect(await t.db.select().from(messages).where(eq(messages.threadId, threadId))).toEqual([]);
  });

  it("stops a flood: a sender past twenty messages a minute waits", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const { threadId } = await client.message.conversation({});
    for (let i = 0; i < 20; i++) await client.message.send({ threadId, id: randomUUID(), body: `Stuck key ${i}` });
    const refused = await refusalOf(client.message.send({ threadId, id: randomUUID(), body: "One more" }), "message.send");
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(refused.message).toMatch(/Wait a little and send again/);
    expect(await t.db.select().from(messages).where(eq(messages.threadId, threadId))).toHaveLength(20);
  });
});

describe("messages are the client's data", () => {
  it("are in the client's export, and go with the client's deletion (with the comments on their logs)", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const { threadId } = await client.message.conversation({});
    await client.message.send({ threadId, id: randomUUID(), body: "My calf is tight, should I run?" });
    const logThread = await logThreadOf(t.db, studio.studioId, await freshRun(t.db, studio));
    await t.db.insert(messages).values({ id: randomUUID(), studioId: studio.studioId, threadId: logThread.id, authorUserId: studio.trainer.userId, authorKind: "trainer", body: "Easy today." });

    const { scope } = await client.dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date())) parts.push(part);
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (zip.set(p, at), at + p.length), 0);
    const csv = strFromU8(unzipSync(zip)["messages.csv"]!);
    expect(csv).toContain(`${studio.clientA.name},"My calf is tight, should I run?"`);
    expect(csv).toContain(`run,`);
    expect(csv).toContain(`${studio.trainer.name},Easy today.`);

    await callerFor(t.db, studio.owner.userId).dataRights.deleteClient({ clientId: studio.clientA.clientId, confirmName: studio.clientA.name });
    expect(await t.db.select().from(threads).where(eq(threads.studioId, studio.studioId))).toEqual([]);
    expect(await t.db.select().from(messages).where(eq(messages.studioId, studio.studioId))).toEqual([]);
    expect(await t.db.select().from(threadReads).where(eq(threadReads.studioId, studio.studioId))).toEqual([]);
  });
});

describe("the comments on a log", () => {
  it("are one thread per log, read by its client and their trainers, and by no one else", async () => {
    const studio = await createTestStudio(t.db);
    const { runId } = await freshRun(t.db, studio);
    const client = callerFor(t.db, studio.clientA.userId);
    const coach = callerFor(t.db, studio.trainer.userId);
    const fromClient = await client.message.forLog({ runId });
    const fromCoach = await coach.message.forLog({ runId });
    expect(fromCoach.threadId).toBe(fromClient.threadId);
    expect(fromClient.kind).toBe("run");
    await coach.message.send({ threadId: fromCoach.threadId, id: randomUUID(), body: "How did the calf feel at the end?" });
    expect((await client.message.forLog({ runId })).messages).toMatchObject([{ authorKind: "trainer", body: "How did the calf feel at the end?" }]);
    expect((await refusalOf(callerFor(t.db, studio.clientB.userId).message.forLog({ runId }), "message.forLog")).message).toBe("That run does not exist or is not part of your studio.");
  });
});
