import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients, messageTemplates, sessionTypes, studioMembers, studios, users } from "@/server/db/schema";
import { listStudioAttention } from "@/server/review/studio-attention";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { refusalOf } from "~test/refusal";
import { freshSession } from "~test/training-fixtures";

const t = setupTestDatabase();
const HOUR = 3_600_000;

/** `who` writes in client `clientId`'s conversation at `at`. */
async function say(userId: string, clientId: string | undefined, body: string, at: Date) {
  const caller = callerFor(t.db, userId, { now: () => at });
  const { threadId } = await caller.message.conversation(clientId ? { clientId } : {});
  await caller.message.send({ threadId, id: randomUUID(), body });
  return threadId;
}

async function anotherCoachWithClient(studio: TestStudio) {
  const [user] = await t.db.insert(users).values({ email: `coach2-${randomUUID().slice(0, 8)}@example.test`, name: "Second Coach", timeZone: "Europe/London" }).returning();
  const [member] = await t.db.insert(studioMembers).values({ studioId: studio.studioId, userId: user!.id, role: "trainer" }).returning();
  const [clientUser] = await t.db.insert(users).values({ email: `c-${randomUUID().slice(0, 8)}@example.test`, name: "Cleo Other", timeZone: "Europe/London" }).returning();
  const [client] = await t.db.insert(clients).values({ studioId: studio.studioId, userId: clientUser!.id, coachId: member!.id, name: "Cleo Other", email: clientUser!.email }).returning();
  return { coachUserId: user!.id, clientUserId: clientUser!.id, clientId: client!.id };
}

describe("the trainer's inbox", () => {
  it("puts the clients waiting for an answer first, then the most recent, with the last log and next booking", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date();
    // A asked three hours ago and waits; B asked two hours ago and was answered an hour ago.
    const threadA = await say(studio.clientA.userId, undefined, "How slow is very slow for the knee drive?", new Date(now.getTime() - 3 * HOUR));
    await say(studio.clientA.userId, undefined, "And should I hold the top?", new Date(now.getTime() - 2.5 * HOUR));
    await say(studio.clientB.userId, undefined, "Can I skip hopping today?", new Date(now.getTime() - 2 * HOUR));
    await say(studio.trainer.userId, studio.clientB.clientId, "Yes, rest the calf today.", new Date(now.getTime() - HOUR));
    const { sessionId } = await freshSession(t.db, studio, new Date(now.getTime() - 4 * HOUR));
    const [type] = await t.db
      .insert(sessionTypes)
      .values({ studioId: studio.studioId, memberId: studio.trainer.memberId, name: "Gait check", durationMinutes: 45, priceKind: "money", priceAmountMinor: 5000, priceCurrency: "GBP" })
      .returning();
    const startsAt = new Date(now.getTime() + 48 * HOUR);
    await t.db.execute(sql`insert into bookings (studio_id, member_id, client_id, session_type_id, starts_at, ends_at, blocked, price_kind, price_amount_minor, price_currency)
      values (${studio.studioId}::uuid, ${studio.trainer.memberId}::uuid, ${studio.clientA.clientId}::uuid, ${type!.id}::uuid, ${startsAt.toISOString()}::timestamptz,
        ${new Date(startsAt.getTime() + 45 * 60_000).toISOString()}::timestamptz,
        tstzrange(${startsAt.toISOString()}::timestamptz, ${new Date(startsAt.getTime() + 45 * 60_000).toISOString()}::timestamptz, '[)'), 'money', 5000, 'GBP')`);

    const coach = callerFor(t.db, studio.trainer.userId);
    const { rows } = await coach.inbox.list();
    expect(rows.map((r) => r.clientName)).toEqual([studio.clientA.name, studio.clientB.name]);
    const [a, b] = rows;
    expect(a).toMatchObject({ threadId: threadA, isWaiting: true, isUnread: true, preview: "And should I hold the top?", lastAuthorKind: "client" });
    expect(a!.waitingSince?.getTime()).toBe(now.getTime() - 3 * HOUR);
    expect(a!.lastLog).toMatchObject({ kind: "session", id: sessionId });
    expect(a!.nextBooking).toMatchObject({ sessionTypeName: "Gait check" });
    expect(a!.nextBooking!.startsAt.getTime()).toBe(startsAt.getTime());
    expect(b).toMatchObject({ isWaiting: false, waitingSince: null, isUnread: false, lastLog: null, nextBooking: null });

    expect((await coach.inbox.list({ filter: "waiting" })).rows.map((r) => r.clientId)).toEqual([studio.clientA.clientId]);
    await coach.message.markRead({ threadId: threadA });
    expect((await coach.inbox.list()).rows[0]).toMatchObject({ isWaiting: true, isUnread: false });
    // The owner has not read it: unread is each trainer's own.
    expect((await callerFor(t.db, studio.owner.userId).inbox.list()).rows[0]).toMatchObject({ clientId: studio.clientA.clientId, isUnread: true });
  });

  it("shows a coach kept to their own clients only theirs, the owner everyone's, and another studio nothing", async () => {
    const studio = await createTestStudio(t.db);
    const other = await createTestStudio(t.db);
    const second = await anotherCoachWithClient(studio);
    await say(studio.clientA.userId, undefined, "Hello from A", new Date());
    await say(second.clientUserId, undefined, "Hello from Cleo", new Date());
    await say(other.clientA.userId, undefined, "Hello from elsewhere", new Date());

    const coach = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    // Every trainer sees every client until the owner keeps trainers to their own.
    expect((await coach.inbox.list()).rows.map((r) => r.clientId).sort()).toEqual([studio.clientA.clientId, second.clientId].sort());
    await t.db.update(studios).set({ clientVisibility: "own" }).where(eq(studios.id, studio.studioId));
    expect((await coach.inbox.list()).rows.map((r) => r.clientId)).toEqual([studio.clientA.clientId]);
    expect((await callerFor(t.db, second.coachUserId).inbox.list()).rows.map((r) => r.clientId)).toEqual([second.clientId]);
    expect((await owner.inbox.list()).rows).toHaveLength(2);
    expect((await callerFor(t.db, other.trainer.userId).inbox.list()).rows.map((r) => r.clientId)).toEqual([other.clientA.clientId]);
    expect((await refusalOf(callerFor(t.db, studio.clientA.userId).inbox.list(), "inbox.list")).code).toBe("FORBIDDEN");
    expect((await refusalOf(coach.inbox.list({ filter: "unread" as never }), "inbox.list")).code).toBe("BAD_REQUEST");
  });

  it("leaves out a deleted client's conversation", async () => {
    const studio = await createTestStudio(t.db);
    await say(studio.clientA.userId, undefined, "Hello", new Date());
    await callerFor(t.db, studio.owner.userId).dataRights.deleteClient({ clientId: studio.clientA.clientId, confirmName: studio.clientA.name });
    expect((await callerFor(t.db, studio.owner.userId).inbox.list()).rows).toEqual([]);
  });
});

describe("unanswered conversations in the attention queue", () => {
  it("lists a client who has waited more than a day, until a trainer answers", async () => {
    const studio = await createTestStudio(t.db);
    const now = new Date();
    await say(studio.clientA.userId, undefined, "My left ankle clicks when I hop. Should I worry?", new Date(now.getTime() - 25 * HOUR));
    await say(studio.clientB.userId, undefined, "Thanks!", new Date(now.getTime() - 2 * HOUR));
    const unanswered = async (coachId: string | null) => (await listStudioAttention(t.db, studio.studioId, now, { coachId })).filter((i) => i.kind === "unanswered");

    const [item, ...rest] = await unanswered(studio.trainer.memberId);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ clientId: studio.clientA.clientId, href: `/dashboard/messages/${studio.clientA.clientId}` });
    expect(item!.summary).toContain("My left ankle clicks");
    expect(item!.at.getTime()).toBe(now.getTime() - 25 * HOUR);
    expect(await unanswered(studio.owner.memberId)).toEqual([]);
    expect(await unanswered(null)).toHaveLength(1);

    await say(studio.trainer.userId, studio.clientA.clientId, "Not if it does not hurt. Film it for me.", new Date(now.getTime() - HOUR));
    expect(await unanswered(null)).toEqual([]);
  });
});

describe("message templates", () => {
  it("a coach keeps their own, the owner the studio's; each edits only theirs", async () => {
    const studio = await createTestStudio(t.db);
    const coach = callerFor(t.db, studio.trainer.userId);
    const owner = callerFor(t.db, studio.owner.userId);
    const mine = await coach.template.create({ title: " After a first session ", body: "Great start, {first_name}! How did the left side feel?" });
    expect(mine).toMatchObject({ title: "After a first session", isStudioWide: false, canEdit: true });
    expect((await refusalOf(coach.template.create({ title: "Studio hello", body: "Welcome", isStudioWide: true }), "template.create")).code).toBe("FORBIDDEN");
    const shared = await owner.template.create({ title: "Welcome", body: "Welcome to the studio.", isStudioWide: true });

    expect(await coach.template.list()).toEqual([
      { ...shared, canEdit: false },
      mine,
    ]);
    // The coach's own is not the owner's to see.
    expect((await owner.template.list()).map((x) => x.id)).toEqual([shared.id]);
    expect((await refusalOf(coach.template.update({ id: shared.id, title: "Mine now", body: "x" }), "template.update")).code).toBe("FORBIDDEN");
    expect((await refusalOf(owner.template.delete({ id: mine.id }), "template.delete")).code).toBe("NOT_FOUND");
    const other = await createTestStudio(t.db);
    expect((await refusalOf(callerFor(t.db, other.owner.userId).template.update({ id: shared.id, title: "Taken", body: "x" }), "template.update")).code).toBe("NOT_FOUND");

    expect(await coach.template.update({ id: mine.id, title: "After session one", body: "Well done." })).toMatchObject({ title: "After session one", body: "Well done." });
    await coach.template.delete({ id: mine.id });
    expect((await coach.template.list()).map((x) => x.id)).toEqual([shared.id]);
  });

  it("refuses bad input with a sentence beside the field, and stores nothing", async () => {
    const studio = await createTestStudio(t.db);
    const coach = callerFor(t.db, studio.trainer.userId);
    expect(await refusalOf(coach.template.create({ title: "  ", body: "Hi" }), "template.create")).toMatchObject({ code: "BAD_REQUEST", fields: { title: expect.stringMatching(/title/) } });
    expect(await refusalOf(coach.template.create({ title: "Long", body: "a".repeat(5000) }), "template.create")).toMatchObject({ code: "BAD_REQUEST", fields: { body: expect.stringMatching(/4,000/) } });
    expect((await refusalOf(coach.template.create({ title: "Long", body: "a".repeat(50_000) }), "template.create")).fields.body).toMatch(/4,000/);
    expect((await refusalOf(coach.template.update({ id: "not-an-id", title: "a", body: "b" }), "template.update")).fields.id).toBe("Pick a template from the list.");
    expect((await refusalOf(coach.template.delete({ id: randomUUID() }), "template.delete")).code).toBe("NOT_FOUND");
    expect(await t.db.select().from(messageTemplates).where(eq(messageTemplates.studioId, studio.studioId))).toEqual([]);
  });
});
