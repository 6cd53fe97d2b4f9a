// The trainer's inbox (issue 18): on bench/seed/studio.ts's studio (10 trainers, 500 clients,
// two years of logging), every client has a conversation of 40 messages over the last 40 days,
// two in five of them waiting for an answer, and an upcoming booking. Prints inbox.list's
// p50/p95 for a coach with 50 clients beside the budget, the owner's whole-studio inbox (capped
// at 100 rows of 500).
//   npx tsx bench/inbox.bench.ts            both databases
//   BENCH_DB=postgres|pglite npx tsx bench/inbox.bench.ts
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { createPgDatabase } from "../test/pg-database";
import { openPglite, openPostgres, type Database, type Db } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import type { ThreadReader } from "../src/server/messages/access";
import { listInbox } from "../src/server/messages/inbox";
import { measure, ms, printTable } from "./lib";
import { NOW, seed } from "./seed/studio";

const MESSAGES_PER_CLIENT = 40;

async function seedConversations(db: Db, studioId: string) {
  const exec = (query: ReturnType<typeof sql>) => db.execute(query);
  await exec(sql`insert into threads (studio_id, client_id, kind) select studio_id, id, 'conversation' from clients where studio_id = ${studioId}`);
  // Alternating sides, one message a day; for two clients in five the client wrote the last two.
  await exec(sql`
    insert into messages (id, studio_id, thread_id, author_user_id, author_kind, body, created_at)
    select gen_random_uuid(), t.studio_id, t.id,
      case when side = 'client' then c.user_id else m.user_id end, side,
      'Message ' || g || ': how did the left side feel on the knee drive today? Slow is the point.',
      ${NOW.toISOString()}::timestamptz - (${MESSAGES_PER_CLIENT} - g) * interval '1 day' - (abs(hashtext(c.id::text)) % 600) * interval '1 minute'
    from threads t join clients c on c.id = t.client_id join studio_members m on m.id = c.coach_id
    cross join generate_series(1, ${MESSAGES_PER_CLIENT}) g
    cross join lateral (select case when g >= ${MESSAGES_PER_CLIENT - 1} and abs(hashtext(c.id::text)) % 5 < 2 then 'client'
                                    when g % 2 = 0 then 'trainer' else 'client' end as side) s
    where t.studio_id = ${studioId}`);
  await exec(sql`
    update threads t set last_message_at = l.created_at, last_message_id = l.id, last_author_kind = l.author_kind
    from (select distinct on (thread_id) thread_id, id, created_at, author_kind from messages where studio_id = ${studioId} order by thread_id, created_at desc) l
    where t.id = l.thread_id and t.studio_id = ${studioId}`);
  // Each coach has read their clients' threads up to a few days ago.
  await exec(sql`
    insert into thread_reads (studio_id, thread_id, user_id, last_read_at)
    select t.studio_id, t.id, m.user_id, ${NOW.toISOString()}::timestamptz - interval '3 days'
    from threads t join clients c on c.id = t.client_id join studio_members m on m.id = c.coach_id where t.studio_id = ${studioId}`);
  // One upcoming booking per client with their coach, at distinct hours so none overlap.
  await exec(sql`
    insert into session_types (studio_id, member_id, name, duration_minutes, price_kind, price_amount_minor, price_currency)
    select ${studioId}, id, 'Gait check', 45, 'money', 5000, 'GBP' from studio_members where studio_id = ${studioId}`);
  await exec(sql`
    insert into bookings (studio_id, member_id, client_id, session_type_id, starts_at, ends_at, blocked, price_kind, price_amount_minor, price_currency)
    select ${studioId}, c.coach_id, c.id, st.id, s.at, s.at + interval '45 minutes', tstzrange(s.at, s.at + interval '45 minutes', '[)'), 'money', 5000, 'GBP'
    from (select c.*, row_number() over (order by c.id) as n from clients c where c.studio_id = ${studioId}) c
    join session_types st on st.member_id = c.coach_id and st.studio_id = c.studio_id
    cross join lateral (select ${NOW.toISOString()}::timestamptz + interval '1 day' + c.n * interval '1 hour' as at) s`);
  await exec(sql`analyze`);
  const [counts] = await rowsOf<{ messages: number; threads: number }>(db, sql`select (select count(*) from messages)::int as messages, (select count(*) from threads)::int as threads`);
  return counts!;
}

async function run(kind: "postgres" | "pglite", database: Database) {
  const db = database.db;
  await database.migrate();
  const seedStart = performance.now();
  const { studioId, coachId } = await seed(db);
  const counts = await seedConversations(db, studioId);
  const seedMs = performance.now() - seedStart;
  const [coach] = await rowsOf<{ user_id: string }>(db, sql`select user_id::text from studio_members where id = ${coachId}::uuid`);
  const [owner] = await rowsOf<{ user_id: string }>(db, sql`select user_id::text from studio_members where studio_id = ${studioId} and role = 'owner' limit 1`);
  // The coach kept to their own 50 clients (clientScope = their member id); the owner sees all.
  const coachReader: ThreadReader = { kind: "trainer", studioId, userId: coach!.user_id, name: "Coach", clientScope: coachId };
  const ownerReader: ThreadReader = { kind: "trainer", studioId, userId: owner!.user_id, name: "Owner", clientScope: null };
  const first = await listInbox(db, coachReader, NOW);
  const isPg = kind === "postgres";
  const iterations = isPg ? 300 : 100;
  const coachAll = await measure(iterations, () => listInbox(db, coachReader, NOW));
  const coachWaiting = await measure(iterations, () => listInbox(db, coachReader, NOW, { filter: "waiting" }));
  const ownerAll = await measure(Math.round(iterations / 3), () => listInbox(db, ownerReader, NOW));
  printTable(
    `Inbox on ${isPg ? "PostgreSQL" : "PGlite (in memory)"}: ${counts.threads} conversations, ${counts.messages} messages; the coach's ${first.rows.length} rows, ${first.rows.filter((r) => r.isWaiting).length} waiting (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    [
      { figure: "inbox.list, a coach with 50 clients p50", measured: ms(coachAll.p50), budget: "-", pass: null },
      { figure: "inbox.list, a coach with 50 clients p95", measured: ms(coachAll.p95), budget: "≤ 50 ms", pass: coachAll.p95 <= 50 },
      { figure: "  Waiting only p95", measured: ms(coachWaiting.p95), budget: "≤ 50 ms", pass: coachWaiting.p95 <= 50 },
      { figure: "  the owner, 500 clients (first 100) p95", measured: ms(ownerAll.p95), budget: "-", pass: null },
    ],
  );
  if (first.rows.length !== 50 || first.rows.some((r) => !r.nextBooking || !r.lastLog)) throw new Error("The seeded inbox is not what the bench expects.");
}

const which = process.env.BENCH_DB;
if (which !== "pglite") {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const fresh = await createPgDatabase(adminUrl, "stride_bench");
  const database = openPostgres(fresh.url, { max: 4 });
  try {
    await run("postgres", database);
  } finally {
    await database.close();
    await fresh.drop();
  }
}
if (which !== "postgres") {
  const database = await openPglite();
  try {
    await run("pglite", database);
  } finally {
    await database.close();
  }
}
