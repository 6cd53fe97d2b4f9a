import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, outbox, pushSubscriptions, users } from "@/server/db/schema";
import { runDueJobs } from "@/server/jobs/service";
import { DIGEST_JOB, digestJob, PUSH_JOB, pushNotificationJob } from "@/server/notifications/notify";
import { callerFor } from "~test/caller";
import { openFreshDatabase } from "~test/fresh-db";
import { createTestStudio } from "~test/factories";
import { startPushService, type PushService } from "~test/push-service";
import { refusalOf } from "~test/refusal";

// This run's own VAPID pair (env() is read lazily, after this line).
const keys = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = keys.publicKey;
process.env.VAPID_PRIVATE_KEY = keys.privateKey;

// A database of its own: on PostgreSQL the other test files share one, and their unsent push
// jobs (every message queues one) would stand before this file's in the queue's order.
let fresh: Awaited<ReturnType<typeof openFreshDatabase>> | undefined;
const t = {
  get db() {
    if (!fresh) throw new Error("the database opens in beforeAll");
    return fresh.database.db;
  },
};
const handlers = { [PUSH_JOB]: pushNotificationJob, [DIGEST_JOB]: digestJob(() => "https://coach.example.test") };
const MINUTE = 60_000;
const runJobsAt = (offsetMs: number) => runDueJobs(t.db, handlers, () => new Date(Date.now() + offsetMs));

let push: PushService;
beforeAll(async () => {
  fresh = await openFreshDatabase();
  await fresh.database.migrate();
  push = await startPushService();
});
afterAll(async () => {
  await push?.close();
  await fresh?.drop();
});

async function digestsTo(userId: string) {
  const [user] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return t.db.select().from(outbox).where(and(eq(outbox.toEmail, user!.email), eq(outbox.kind, "notification_digest")));
}

async function subscribedClient() {
  const studio = await createTestStudio(t.db);
  const client = callerFor(t.db, studio.clientA.userId);
  const coach = callerFor(t.db, studio.trainer.userId);
  const { publicKey } = await client.push.publicKey();
  expect(publicKey).toBe(keys.publicKey);
  const device = await push.subscribe(publicKey);
  await client.push.subscribe({ endpoint: device.endpoint, keys: device.keys, label: "Chrome on Android" });
  const { threadId } = await client.message.conversation({});
  const answer = (body: string) => coach.message.send({ threadId, id: randomUUID(), body });
  return { studio, client, coach, device, threadId, answer };
}

describe("push notifications", () => {
  it("a trainer's answer reaches the client's subscribed device through the push service, in a job", async () => {
    const { studio, client, device, answer } = await subscribedClient();
    expect(await client.push.devices()).toMatchObject([{ label: "Chrome on Android", endpoint: device.endpoint }]);
    await answer("Hold the top for a second.");
    // Nothing is sent in the request: the job does it.
    expect(await push.received(device.clientHash)).toEqual([]);
    await runJobsAt(0);
    const received = await push.received(device.clientHash);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0])).toContain("Hold the top for a second.");
    const [n] = await t.db.select().from(notifications).where(eq(notifications.userId, studio.clientA.userId));
    expect(n).toMatchObject({ kind: "message", url: "/portal/messages" });
    expect(n!.pushedAt).not.toBeNull();
    // Pushed: nothing for the digest.
    await runJobsAt(90 * MINUTE);
    expect(await digestsTo(studio.clientA.userId)).toEqual([]);
  });

  it("a client's question reaches their coach's desktop by push and tells the owner, opening the client's conversation; nobody else hears of it", async () => {
    const studio = await createTestStudio(t.db);
    const coach = callerFor(t.db, studio.trainer.userId);
    const desktop = await push.subscribe(keys.publicKey);
    await coach.push.subscribe({ endpoint: desktop.endpoint, keys: desktop.keys, label: "Firefox on a laptop" });
    const asker = callerFor(t.db, studio.clientA.userId);
    const { threadId } = await asker.message.conversation({});
    await asker.message.send({ threadId, id: randomUUID(), body: "Should the left knee click?" });
    await runJobsAt(0);
    const received = await push.received(desktop.clientHash);
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0])).toContain("Should the left knee click?");
    const told = await t.db.select().from(notifications).where(eq(notifications.studioId, studio.studioId));
    const url = `/dashboard/messages/${studio.clientA.clientId}`;
    expect(told.map((n) => ({ userId: n.userId, kind: n.kind, url: n.url })).sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [studio.trainer.userId, studio.owner.userId].sort().map((userId) => ({ userId, kind: "message", url })),
    );
    expect(told.find((n) => n.userId === studio.trainer.userId)!.pushedAt).not.toBeNull();
  });

  it("a subscription the push service says is gone (410) is removed, and the digest tells the person", async () => {
    const { studio, device, answer } = await subscribedClient();
    await push.expire(device.clientHash);
    await answer("Did you do the hopping today?");
    await runJobsAt(0);
    expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint))).toEqual([]);
    await runJobsAt(20 * MINUTE);
    const digests = await digestsTo(studio.clientA.userId);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain("Did you do the hopping today?");
    expect(digests[0]!.text).toContain("https://coach.example.test/portal/messages");
  });

  it("a kind turned off is stored but not pushed; the digest goes at most once an hour and leaves out what was read", async () => {
    const { studio, client, device, threadId, answer } = await subscribedClient();
    const prefs = await client.push.setPreference({ kind: "message", pushEnabled: false });
    expect(prefs.find((p) => p.kind === "message")).toMatchObject({ pushEnabled: false, label: "A new message" });
    await answer("First answer.");
    await runJobsAt(0);
    expect(await push.received(device.clientHash)).toEqual([]);
    // Within the grace: no digest yet.
    await runJobsAt(5 * MINUTE);
    expect(await digestsTo(studio.clientA.userId)).toHaveLength(0);
    await runJobsAt(20 * MINUTE);
    expect(await digestsTo(studio.clientA.userId)).toHaveLength(1);

    // Another answer soon after: it waits for the hour since the last digest.
    await answer("Second answer.");
    await runJobsAt(40 * MINUTE);
    expect(await digestsTo(studio.clientA.userId)).toHaveLength(1);
    await runJobsAt(85 * MINUTE);
    const digests = await digestsTo(studio.clientA.userId);
    expect(digests).toHaveLength(2);
    expect(digests.map((d) => d.text).join("\n")).toContain("Second answer.");

    // Read in the app before the digest: left out.
    await answer("Third answer.");
    await client.message.markRead({ threadId });
    await runJobsAt(200 * MINUTE);
    expect(await digestsTo(studio.clientA.userId)).toHaveLength(2);
  });

  it("refuses a subscription that is not a push service's, and never touches another person's device", async () => {
    const { studio, device } = await subscribedClient();
    const other = callerFor(t.db, studio.clientB.userId);
    const refused = await refusalOf(other.push.subscribe({ endpoint: "http://evil.example/push", keys: device.keys }), "push.subscribe");
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/cannot use/);
    expect((await refusalOf(other.push.subscribe({ endpoint: "javascript:alert(1)", keys: device.keys }), "push.subscribe")).code).toBe("BAD_REQUEST");
    expect((await refusalOf(other.push.subscribe({ endpoint: device.endpoint, keys: { p256dh: "", auth: "x" } }), "push.subscribe")).code).toBe("BAD_REQUEST");
    await other.push.unsubscribe({ endpoint: device.endpoint });
    expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, device.endpoint))).toHaveLength(1);
    expect(await other.push.devices()).toEqual([]);
  });
});
