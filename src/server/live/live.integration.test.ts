import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LiveEvent } from "@/lib/live-events";
import { createCaller } from "@/server/api/root";
import { openPostgres, type Db } from "@/server/db/client";
import { callerFor } from "~test/caller";
import { setupTestDatabase, testDbKind } from "~test/db";
import { createTestStudio } from "~test/factories";
import { liveEventsFor, liveHubOf, type LiveHub } from "./hub";
import { publishToUsers } from "./publish";

const t = setupTestDatabase();

/** Reads a stream of events as they come; `until` waits for a state, never for a time. */
function reader(events: AsyncIterable<LiveEvent>) {
  const seen: LiveEvent[] = [];
  let changed: () => void = () => {};
  const done = (async () => {
    for await (const event of events) {
      seen.push(event);
      changed();
    }
  })();
  return {
    seen,
    done,
    async until(predicate: (seen: LiveEvent[]) => boolean): Promise<void> {
      while (!predicate(seen)) await new Promise<void>((resolve) => (changed = resolve));
    },
  };
}

const hasMessage = (messageId: string) => (seen: LiveEvent[]) => seen.some((e) => e.type === "thread.message" && e.messageId === messageId);

function listen(hub: LiveHub, userId: string) {
  const abort = new AbortController();
  return { ...reader(liveEventsFor(hub, userId, abort.signal)), stop: () => abort.abort() };
}

const messageEvent = (): Extract<LiveEvent, { type: "thread.message" }> => ({ type: "thread.message", threadId: randomUUID(), messageId: randomUUID() });

describe("live delivery through NOTIFY", () => {
  it("delivers a committed event to each of a person's open pages, and to nobody else", async () => {
    const hub = await liveHubOf(t.db);
    const person = randomUUID();
    const stranger = randomUUID();
    const first = listen(hub, person);
    const second = listen(hub, person);
    const other = listen(hub, stranger);
    const event = messageEvent();
    await t.db.transaction(async (tx) => publishToUsers(tx, [person], event));
    await first.until(hasMessage(event.messageId));
    await second.until(hasMessage(event.messageId));
    // Delivered to the stranger's page by now if it were going to be: the same payload fed all three.
    const marker = messageEvent();
    await publishToUsers(t.db, [stranger], marker);
    await other.until(hasMessage(marker.messageId));
    expect(other.seen).toEqual([marker]);
    for (const r of [first, second, other]) r.stop();
    await Promise.all([first.done, second.done, other.done]);
    expect(hub.subscriptionCount).toBe(0);
  });

  it("delivers nothing from a transaction that rolls back", async () => {
    const hub = await liveHubOf(t.db);
    const person = randomUUID();
    const page = listen(hub, person);
    const lost = messageEvent();
    await expect(
      t.db.transaction(async (tx) => {
        await publishToUsers(tx, [person], lost);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const kept = messageEvent();
    await publishToUsers(t.db, [person], kept);
    await page.until(hasMessage(kept.messageId));
    // NOTIFYs arrive in commit order: the rolled-back one would have come first.
    expect(page.seen).toEqual([kept]);
    page.stop();
  });

  it("reaches every person of a large audience (split over several payloads)", async () => {
    const hub = await liveHubOf(t.db);
    const people = Array.from({ length: 600 }, () => randomUUID());
    const firstPerson = listen(hub, people[0]!);
    const lastPerson = listen(hub, people.at(-1)!);
    const event = messageEvent();
    await t.db.transaction(async (tx) => publishToUsers(tx, people, event));
    await firstPerson.until(hasMessage(event.messageId));
    await lastPerson.until(hasMessage(event.messageId));
    expect(lastPerson.seen).toEqual([event]);
    firstPerson.stop();
    lastPerson.stop();
  });

  // PostgreSQL only: two instances are two processes with their own connections and LISTEN; the
  // embedded database belongs to one process, which delivers to itself (the tests above).
  it.runIf(testDbKind === "postgres")("two app instances on PostgreSQL deliver across instances", async () => {
    // A second instance: its own connections, its own LISTEN, its own hub.
    const second = openPostgres(t.url!, { max: 2 });
    try {
      const hubA = await liveHubOf(t.db);
      const hubB = await liveHubOf(second.db as Db);
      expect(hubB).not.toBe(hubA);
      const person = randomUUID();
      const onB = listen(hubB, person);
      const onA = listen(hubA, person);
      const event = messageEvent();
      // Sent through instance A's database; the page open on instance B hears it.
      await t.db.transaction(async (tx) => publishToUsers(tx, [person], event));
      await onB.until(hasMessage(event.messageId));
      await onA.until(hasMessage(event.messageId));
      const back = messageEvent();
      await publishToUsers(second.db, [person], back);
      await onA.until(hasMessage(back.messageId));
      onA.stop();
      onB.stop();
      await onB.done;
    } finally {
      await second.close();
    }
  });
});

describe("the live.events subscription", () => {
  it("gives each person their own events: a client never another client's, another studio's trainer nothing", async () => {
    const home = await createTestStudio(t.db, "live-home");
    const other = await createTestStudio(t.db, "live-other");
    const abort = new AbortController();
    // As the HTTP route would: the request's signal ends the stream when the page goes away.
    const subscribe = async (userId: string) =>
      reader((await createCaller({ db: t.db, userId, requestId: "test", isDemo: true, ip: null, now: () => new Date(), appUrl: "http://localhost:3000" }, { signal: abort.signal }).live.events()) as AsyncIterable<LiveEvent>);
    const clientA = await subscribe(home.clientA.userId);
    const clientB = await subscribe(home.clientB.userId);
    const coach = await subscribe(home.trainer.userId);
    const owner = await subscribe(home.owner.userId);
    const otherTrainer = await subscribe(other.trainer.userId);
    const otherOwner = await subscribe(other.owner.userId);
    // The subscriptions are listening once the hub counts them.
    const hub = await liveHubOf(t.db);
    while (hub.subscriptionCount < 6) await new Promise((r) => setTimeout(r, 10));

    const a = callerFor(t.db, home.clientA.userId);
    const thread = await a.message.conversation({});
    const sent = await a.message.send({ threadId: thread.threadId, id: randomUUID(), body: "Left side felt wobbly today." });
    const messageId = sent.id;
    await coach.until(hasMessage(messageId));
    await owner.until(hasMessage(messageId));
    await clientA.until(hasMessage(messageId));

    // A later event for client B and the other studio proves their streams were flowing.
    const b = callerFor(t.db, home.clientB.userId);
    const bThread = await b.message.conversation({});
    const bSent = await b.message.send({ threadId: bThread.threadId, id: randomUUID(), body: "Done for today." });
    const bMessageId = bSent.id;
    await clientB.until(hasMessage(bMessageId));
    const o = callerFor(t.db, other.clientA.userId);
    const oThread = await o.message.conversation({});
    const oSent = await o.message.send({ threadId: oThread.threadId, id: randomUUID(), body: "Hello." });
    const oMessageId = oSent.id;
    await otherTrainer.until(hasMessage(oMessageId));
    await otherOwner.until(hasMessage(oMessageId));

    expect(clientB.seen.some((e) => e.type === "thread.message" && e.threadId === thread.threadId)).toBe(false);
    expect(clientA.seen.some((e) => e.type === "thread.message" && e.threadId === bThread.threadId)).toBe(false);
    for (const stranger of [otherTrainer, otherOwner]) expect(stranger.seen.some((e) => "threadId" in e && (e.threadId === thread.threadId || e.threadId === bThread.threadId))).toBe(false);
    for (const insider of [clientA, clientB, coach, owner]) expect(insider.seen.some((e) => "threadId" in e && e.threadId === oThread.threadId)).toBe(false);
    abort.abort();
    await Promise.all([clientA, clientB, coach, owner, otherTrainer, otherOwner].map((r) => r.done));
    expect(hub.subscriptionCount).toBe(0);
  });

  it("refuses a person who is not signed in", async () => {
    await expect(callerFor(t.db, null).live.events()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
