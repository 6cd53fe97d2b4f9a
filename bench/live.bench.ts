// Live delivery on one instance: 200 open subscriptions (200 clients of one coach, each on their
// live channel, and the coach on theirs), the clients sending messages at 20 a second, one
// each. Measured: from the start of the send (message.send, the whole mutation: store, mark
// read, NOTIFY in its transaction) to the coach's subscription yielding that message's event.
// Budget p95 ≤ 200 ms (issue 18). On the embedded database, and on PostgreSQL when
// BENCH_DATABASE_URL names an empty, migratable database.
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { createCaller } from "../src/server/api/root";
import { openPglite, openPostgres, type Database } from "../src/server/db/client";
import { clients, users } from "../src/server/db/schema";
import { liveHubOf } from "../src/server/live/hub";
import type { LiveEvent } from "../src/lib/live-events";
import { createTestStudio } from "../test/factories";
import { ms, percentile, printColumns } from "./lib";

const SUBSCRIBERS = 200;
const RATE_PER_SECOND = 20;
const BUDGET_MS = 200;

async function run(database: Database): Promise<{ p50: number; p95: number; max: number }> {
  const db = database.db;
  const studio = await createTestStudio(db, "live-bench");
  const people = await db
    .insert(users)
    .values(Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `live-${i}-${randomUUID().slice(0, 8)}@bench.test`, name: `Runner ${i}`, timeZone: "Europe/London" })))
    .returning({ id: users.id, name: users.name, email: users.email });
  await db.insert(clients).values(people.map((p) => ({ studioId: studio.studioId, userId: p.id, coachId: studio.trainer.memberId, name: p.name, email: p.email })));

  const abort = new AbortController();
  // One signal ends all 201 streams (each request would have its own).
  setMaxListeners(0, abort.signal);
  const callerOf = (userId: string) => createCaller({ db, userId, requestId: "bench", isDemo: true, ip: null, now: () => new Date(), appUrl: "http://localhost:3000" }, { signal: abort.signal });
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const consume = async (events: AsyncIterable<LiveEvent>, onEvent?: (e: LiveEvent) => void) => {
    for await (const event of events) onEvent?.(event);
  };
  const streams: Promise<void>[] = [];
  streams.push(
    consume((await callerOf(studio.trainer.userId).live.events()) as AsyncIterable<LiveEvent>, (event) => {
      if (event.type !== "thread.message") return;
      arrived.set(event.messageId, performance.now());
      waiting.get(event.messageId)?.();
    }),
  );
  for (const p of people) streams.push(consume((await callerOf(p.id).live.events()) as AsyncIterable<LiveEvent>));
  const hub = await liveHubOf(db);
  while (hub.subscriptionCount < SUBSCRIBERS + 1) await new Promise((r) => setTimeout(r, 10));

  // Each client's conversation opened before the clock starts (a page has it open already).
  const senders = await Promise.all(people.map(async (p) => ({ caller: callerOf(p.id), threadId: (await callerOf(p.id).message.conversation({})).threadId })));

  const latencies: number[] = [];
  const sends: Promise<void>[] = [];
  const started = performance.now();
  for (const [i, sender] of senders.entries()) {
    // Paced by the wall clock at 20 a second, whatever one send takes.
    const due = started + (i * 1000) / RATE_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sends.push(
      (async () => {
        const id = randomUUID();
        const sentAt = performance.now();
        const received = new Promise<void>((resolve) => waiting.set(id, resolve));
        await sender.caller.message.send({ threadId: sender.threadId, id, body: `Message ${i}: how did the left side feel?` });
        if (!arrived.has(id)) await received;
        latencies.push(arrived.get(id)! - sentAt);
      })(),
    );
  }
  await Promise.all(sends);
  abort.abort();
  await Promise.all(streams);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}

const results: { name: string; r: Awaited<ReturnType<typeof run>> }[] = [];
const pglite = await openPglite();
await pglite.migrate();
results.push({ name: "PGlite", r: await run(pglite) });
await pglite.close();
if (process.env.BENCH_DATABASE_URL) {
  const pg = openPostgres(process.env.BENCH_DATABASE_URL);
  await pg.migrate();
  results.push({ name: "PostgreSQL", r: await run(pg) });
  await pg.close();
}

printColumns(
  `Live delivery: ${SUBSCRIBERS} open subscriptions, ${RATE_PER_SECOND} messages a second, send → the coach's event`,
  results.map((x) => x.name),
  [
    { figure: "p50", values: results.map((x) => ms(x.r.p50)), budget: "", pass: null },
    { figure: "p95", values: results.map((x) => ms(x.r.p95)), budget: `≤ ${BUDGET_MS} ms`, pass: results.every((x) => x.r.p95 <= BUDGET_MS) },
    { figure: "max", values: results.map((x) => ms(x.r.max)), budget: "", pass: null },
  ],
);
if (!results.every((x) => x.r.p95 <= BUDGET_MS)) process.exitCode = 1;
