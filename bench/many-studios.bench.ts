// Many studios on one PostgreSQL database (issue 21): BENCH_STUDIOS realistic studios
// (bench/seed/studio.ts, 500 clients each, ~510k entries each) share the tables, and one of
// them is measured beside the others against a one-studio database "alone", both served by
// the production build (scripts/start.ts) and measured over HTTP as browsers use them, in
// alternating slices so the machine's noise hits both. Then the statements of those requests
// are captured through drizzle's logger (calling the same routers in-process) and the three
// slowest are shown with EXPLAIN (ANALYZE, BUFFERS) on the many-studio database.
// The one-studio database is a file copy of the many-studio one taken after its first studio,
// so "alone" and "beside" are the very same studio, rows and ids.
//   npm run bench many-studios
//   BENCH_STUDIOS=20 · BENCH_CLIENTS=500 (per studio; fewer for a quick run) · BENCH_SECONDS=12
//   (today read per server, in BENCH_ROUNDS=3 slices) · BENCH_KEEP=1 keeps both databases ·
//   BENCH_SEED_MINUTES: stop adding studios after this long and measure the scale reached
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { freePort } from "../e2e/fixtures/app-server";
import { createCaller } from "../src/server/api/root";
import { startDeviceSession } from "../src/server/auth/device-sessions";
import { hashPassword } from "../src/server/auth/password";
import { loadViewer } from "../src/server/auth/viewer";
import { openPostgres, type Database, type Db } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import * as schema from "../src/server/db/schema";
import { clients, users } from "../src/server/db/schema";
import { percentile, printColumns, type ColumnsRow } from "./lib";
import { CLIENTS, seed, settleDatabase } from "./seed/studio";
import { batchQueryPath, expectOk, signIn } from "./stack/http";
import { startStride, type StrideServer } from "./stack/stride-server";

const STUDIOS = Number(process.env.BENCH_STUDIOS ?? 20);
const CLIENTS_PER_STUDIO = Number(process.env.BENCH_CLIENTS ?? CLIENTS);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEEP = process.env.BENCH_KEEP === "1";
const SEED_MINUTES = Number(process.env.BENCH_SEED_MINUTES ?? Infinity);
/** As the stack bench: autocannon's connections, Stride's pool, the clients signed in. */
const CONNECTIONS = 10;
const POOL = 10;
const READERS = 50;
/** Dashboard requests per slice, one after another (the p95 is of all slices together). */
const DASH_PER_SLICE = 30;
const PASSWORD = "bench-password";
const TODAY_PATH = batchQueryPath([{ path: "portal.today" }]);
/** Tables big enough that a sequential scan of one inside a request is a missing index. */
const BIG_TABLE_ROWS = 20_000;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-many-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

type Person = { email: string; userId: string; sessionVersion: number };
type Measured = { studioId: string; readers: (Person & { clientId: string })[]; trainer: Person & { memberId: string }; owner: Person };

/** The studio to measure: READERS of its clients, a trainer and the owner get a password. */
async function choose(db: Db, studioId: string, clientIds: string[]): Promise<Measured> {
  const readers = await db
    .select({ email: users.email, userId: users.id, clientId: clients.id, sessionVersion: users.sessionVersion })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.studioId, studioId), inArray(clients.id, clientIds.slice(0, READERS))));
  const member = (role: "owner" | "trainer") =>
    rowsOf<Person & { memberId: string }>(
      db,
      sql`select u.email, u.id::text as "userId", u.session_version as "sessionVersion", m.id::text as "memberId"
        from studio_members m join users u on u.id = m.user_id where m.studio_id = ${studioId}::uuid and m.role = ${role} order by m.id limit 1`,
    ).then((rows) => rows[0]!);
  const trainer = await member("trainer");
  const owner = await member("owner");
  const passwordHash = await hashPassword(PASSWORD);
  await db.update(users).set({ passwordHash }).where(inArray(users.id, [...readers.map((r) => r.userId), trainer.userId, owner.userId]));
  return { studioId, readers, trainer, owner };
}

function databaseNamed(label: string) {
  const name = `stride_bench_${label}_${Date.now()}_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

type Side = { label: string; server: StrideServer; cookies: string[]; trainer: string; owner: string; measured: Measured };
type Slices = { todayRps: number[]; trainer: number[]; owner: number[] };

async function serve(label: string, dbUrl: string, measured: Measured): Promise<Side> {
  const server = await startStride({ port: await freePort(), databaseUrl: dbUrl, dataDir: path.join(workDir, `${label}-data`), logFile: path.join(workDir, `stride-${label}.log`) });
  const cookies: string[] = [];
  for (const r of measured.readers) cookies.push(await signIn(server.url, r.email, PASSWORD));
  return { label, server, cookies, trainer: await signIn(server.url, measured.trainer.email, PASSWORD), owner: await signIn(server.url, measured.owner.email, PASSWORD), measured };
}

/** Requests per second of one client's today read, each request as the next signed-in client. */
async function todayRate(side: Side, duration: number) {
  let next = 0;
  const result = await autocannon({
    url: side.server.url,
    connections: CONNECTIONS,
    duration,
    requests: [{ method: "GET", path: TODAY_PATH, setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: side.cookies[next++ % side.cookies.length]! } }) }],
  });
  if (result.non2xx || result.errors) throw new Error(`${side.label} today read: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.total / result.duration;
}

/** A member's dashboard data in one batch, as stack.bench.ts measures it: attention + overview. */
function dashboardPath(coachId: string | null) {
  return batchQueryPath([{ path: "review.attention" }, { path: "progression.overview", input: { coachId } }]);
}

async function dashboardSamples(side: Side, cookie: string, coachId: string | null, count: number) {
  const p = dashboardPath(coachId);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await expectOk(await fetch(`${side.server.url}${p}`, { headers: { cookie } }), `${side.label} dashboard`);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function warm(side: Side) {
  await todayRate(side, 2);
  // Every pooled connection prepares the dashboard's statements: the steady state.
  await dashboardSamples(side, side.trainer, side.measured.trainer.memberId, 20);
  await dashboardSamples(side, side.owner, null, 20);
}

async function slice(side: Side, into: Slices) {
  into.todayRps.push(await todayRate(side, SECONDS / ROUNDS));
  into.trainer.push(...(await dashboardSamples(side, side.trainer, side.measured.trainer.memberId, DASH_PER_SLICE)));
  into.owner.push(...(await dashboardSamples(side, side.owner, null, DASH_PER_SLICE)));
}

type Statement = { query: string; params: unknown[]; request: string };

/**
 * The statements of the three measured requests, captured through drizzle's logger while the
 * same routers answer them in-process with the viewer the session reader would have loaded.
 */
async function captureStatements(dbUrl: string, measured: Measured): Promise<Statement[]> {
  const client = postgres(dbUrl, { max: 1, onnotice: () => {} });
  let request = "";
  const captured: Statement[] = [];
  const db = drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (query, params) => captured.push({ query, params, request }) } }) as unknown as Db;
  try {
    const callerOf = async (person: Person) => {
      const sid = await startDeviceSession(db, { userId: person.userId, userAgent: "bench", ip: null, now: new Date() });
      const viewer = await loadViewer(db, person.userId, { sv: person.sessionVersion, sid });
      return createCaller({ db, userId: person.userId, viewer, deviceSessionId: sid, requestId: "bench", isDemo: false, ip: null, now: () => new Date(), appUrl: "http://127.0.0.1" });
    };
    const reader = await callerOf(measured.readers[0]!);
    const trainer = await callerOf(measured.trainer);
    const owner = await callerOf(measured.owner);
    captured.length = 0;
    const run = async (name: string, read: () => Promise<unknown>) => {
      request = name;
      await read();
    };
    await run("client's today", () => reader.portal.today());
    await run("trainer's dashboard", () => Promise.all([trainer.review.attention(), trainer.progression.overview({ coachId: measured.trainer.memberId })]));
    await run("owner's dashboard", () => Promise.all([owner.review.attention(), owner.progression.overview({ coachId: null })]));
  } finally {
    await client.end();
  }
  // One of each statement text (the second of a pair differs only in its values).
  const seen = new Set<string>();
  return captured.filter((s) => !seen.has(s.query) && seen.add(s.query));
}

/** `buffers`: pages the statement touched (shared hit + read, the top node's count, children included). */
type Plan = Statement & { ms: number; buffers: number; text: string };

/** EXPLAIN (ANALYZE, BUFFERS) of each read, warm (the second run), in a transaction rolled back. */
async function explainAll(dbUrl: string, statements: Statement[]): Promise<{ plans: Plan[]; skipped: number }> {
  // Stride's own connection settings (openPostgres): without JIT, which costs more than it saves here.
  const client = postgres(dbUrl, { max: 1, onnotice: () => {}, connection: { jit: "off" } });
  const plans: Plan[] = [];
  let skipped = 0;
  try {
    for (const s of statements) {
      // A read may write a memo (the today read's mastery cache); ANALYZE would run it for real.
      if (!/^\s*(select|with)\b/i.test(s.query) || /\b(insert|update|delete)\b/i.test(s.query)) {
        skipped++;
        continue;
      }
      let text = "";
      for (let i = 0; i < 2; i++) {
        const rows = await client.begin(async (tx) => tx.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as never[]));
        text = rows.map((r) => (r as Record<string, string>)["QUERY PLAN"]).join("\n");
      }
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
      const top = /Buffers: shared((?: \w+=\d+)+)/.exec(text.split("\nPlanning:")[0]!)?.[1] ?? "";
      const buffers = [...top.matchAll(/(hit|read)=(\d+)/g)].reduce((sum, m) => sum + Number(m[2]), 0);
      plans.push({ ...s, ms, buffers, text });
    }
  } finally {
    await client.end();
  }
  return { plans: plans.sort((a, b) => b.ms - a.ms), skipped };
}

/** Sequential scans, in any captured plan, of a table with more than BIG_TABLE_ROWS rows. */
async function bigSeqScans(dbUrl: string, plans: Plan[]) {
  const client = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const sizes = new Map((await client<{ relname: string; rows: number }[]>`select relname, reltuples::bigint::int as rows from pg_class where relkind = 'r'`).map((r) => [r.relname, r.rows]));
    const found: string[] = [];
    for (const p of plans) {
      for (const [, table] of p.text.matchAll(/Seq Scan on (\w+)/g)) {
        if ((sizes.get(table!) ?? 0) > BIG_TABLE_ROWS) found.push(`${table} (${sizes.get(table!)} rows) in the ${p.request}: ${p.query.slice(0, 120)}…`);
      }
    }
    return found;
  } finally {
    await client.end();
  }
}

const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const created: string[] = [];
const opened: Database[] = [];
const servers: StrideServer[] = [];
/** The servers' start, running beside the seed; awaited before they are stopped. */
let starting: Promise<unknown> = Promise.resolve();
let exitCode = 0;
try {
  log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const many = databaseNamed("many");
  const alone = databaseNamed("alone");
  await admin.unsafe(`create database "${many.name}"`);
  created.push(many.name);
  let manyDb = openPostgres(many.url, { max: POOL });
  opened.push(manyDb);
  await manyDb.migrate();
  const started = performance.now();
  /** The seed's own time: the studios and the settling, not the copy or the servers' start. */
  let seedSeconds = 0;
  // The measured studio is seeded first: its rows are the oldest, the least likely still cached.
  let one = performance.now();
  const first = await seed(manyDb.db, { clients: CLIENTS_PER_STUDIO, settle: false });
  await settleDatabase(manyDb.db);
  seedSeconds += seconds(one);
  const measured = await choose(manyDb.db, first.studioId, first.clientIds);
  log(`  studio 1/${STUDIOS} seeded in ${seconds(one).toFixed(0)} s (${first.counts.entries} entries); copying it as the one-studio database`);
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions.
  await manyDb.close();
  opened.splice(opened.indexOf(manyDb), 1);
  const copying = performance.now();
  await admin.unsafe(`create database "${alone.name}" template "${many.name}" strategy file_copy`);
  created.push(alone.name);
  const copySeconds = seconds(copying);
  manyDb = openPostgres(many.url, { max: POOL });
  opened.push(manyDb);
  // Started and signed in while the other studios are seeded: a start (a build if stale,
  // Next's boot, 52 password checks) takes minutes on a busy machine, and needs only the
  // measured studio. One at a time: the first start builds when stale; two builds would collide.
  log("starting Stride on each database (builds first if the build is stale), seeding the other studios meanwhile");
  const serving = (async () => {
    const aloneSide = await serve("alone", alone.url, measured);
    servers.push(aloneSide.server);
    const manySide = await serve("many", many.url, measured);
    servers.push(manySide.server);
    log("both servers up and signed in");
    return { aloneSide, manySide };
  })();
  // Awaited after the seed; a failure to start is reported then, not as an unhandled rejection.
  starting = serving.catch(() => {});
  let studios = 1;
  while (studios < STUDIOS) {
    if (seconds(started) > SEED_MINUTES * 60) {
      log(`  seeding stopped ${SEED_MINUTES} min after the first studio began (BENCH_SEED_MINUTES): measuring ${studios} studios instead of ${STUDIOS}`);
      break;
    }
    one = performance.now();
    await seed(manyDb.db, { clients: CLIENTS_PER_STUDIO, settle: false });
    studios++;
    seedSeconds += seconds(one);
    log(`  studio ${studios}/${STUDIOS} seeded in ${seconds(one).toFixed(0)} s; load ${os.loadavg()[0]!.toFixed(2)}`);
  }
  const settling = performance.now();
  await settleDatabase(manyDb.db);
  seedSeconds += seconds(settling);
  log(`${studios} studios seeded in ${seedSeconds.toFixed(0)} s (of which the last VACUUM ANALYZE + CHECKPOINT ${seconds(settling).toFixed(0)} s; not counted: the copy ${copySeconds.toFixed(0)} s, the servers' start)`);
  const [size] = await admin<{ pretty: string }[]>`select pg_size_pretty(pg_database_size(${many.name})) as pretty`;
  const [totals] = await rowsOf<{ entries: number; sessions: number; runs: number }>(
    manyDb.db,
    sql`select (select count(*) from practice_entries)::int as entries, (select count(*) from practice_sessions)::int as sessions, (select count(*) from runs)::int as runs`,
  );
  const biggest = await rowsOf<{ name: string; pretty: string }>(
    manyDb.db,
    sql`select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as pretty from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = 'public' order by pg_total_relation_size(c.oid) desc limit 5`,
  );
  log(`database ${size!.pretty}: ${totals!.entries} entries, ${totals!.sessions} sessions, ${totals!.runs} runs; largest tables (with indexes): ${biggest.map((b) => `${b.name} ${b.pretty}`).join(", ")}`);

  const { aloneSide, manySide } = await serving;
  await warm(aloneSide);
  await warm(manySide);
  const figures = { alone: { todayRps: [], trainer: [], owner: [] } as Slices, many: { todayRps: [], trainer: [], owner: [] } as Slices };
  for (let round = 0; round < ROUNDS; round++) {
    // Which side goes first alternates too, so neither always follows the other's load.
    const order = round % 2 === 0 ? [aloneSide, manySide] : [manySide, aloneSide];
    for (const side of order) await slice(side, side === aloneSide ? figures.alone : figures.many);
    log(`  round ${round + 1}/${ROUNDS}: today ${figures.alone.todayRps.at(-1)!.toFixed(0)} req/s alone, ${figures.many.todayRps.at(-1)!.toFixed(0)} beside; load ${os.loadavg()[0]!.toFixed(2)}`);
  }
  for (const s of servers.splice(0)) await s.stop();

  log("capturing the statements of the three requests and explaining them on the many-studio database");
  const statements = await captureStatements(many.url, measured);
  const { plans, skipped } = await explainAll(many.url, statements);
  // The same statements on the copy (the same studio, the same ids): the database's work per
  // request alone and beside, in pages touched, which the machine's load does not change.
  const alonePlans = (await explainAll(alone.url, statements)).plans;
  const work = (list: Plan[], request: string) => {
    const mine = list.filter((p) => p.request === request);
    return { ms: mine.reduce((t, p) => t + p.ms, 0), buffers: mine.reduce((t, p) => t + p.buffers, 0) };
  };
  const requests = ["client's today", "trainer's dashboard", "owner's dashboard"];
  const seqScans = await bigSeqScans(many.url, plans);

  const median = (xs: number[]) => percentile(xs, 50);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  const aloneRps = median(figures.alone.todayRps);
  const manyRps = median(figures.many.todayRps);
  // "Same as alone, within noise": each beside slice against the alone slice next to it in
  // time, so a machine that slows down for a while slows both sides of the ratio.
  const ratio = median(figures.many.todayRps.map((r, i) => r / figures.alone.todayRps[i]!));
  const p95 = (xs: number[]) => percentile(xs, 95);
  const rows: ColumnsRow[] = [
    { figure: "client's today read req/s (median of slices)", values: [aloneRps.toFixed(0), manyRps.toFixed(0)], budget: "-", pass: null },
    { figure: "client's today read, beside ÷ alone (median of paired slices)", values: ["1", ratio.toFixed(2)], budget: "≥ 0.9 (same, within noise)", pass: ratio >= 0.9 },
    { figure: "client's today read, slices req/s", values: [figures.alone.todayRps.map((r) => r.toFixed(0)).join(" / "), figures.many.todayRps.map((r) => r.toFixed(0)).join(" / ")], budget: "-", pass: null },
    { figure: "trainer's dashboard data (their clients) p50", values: [f(median(figures.alone.trainer)), f(median(figures.many.trainer))], budget: "-", pass: null },
    { figure: "trainer's dashboard data (their clients) p95", values: [f(p95(figures.alone.trainer)), f(p95(figures.many.trainer))], budget: "≤ 50 ms", pass: p95(figures.many.trainer) <= 50 },
    { figure: "owner's dashboard data (whole studio) p50", values: [f(median(figures.alone.owner)), f(median(figures.many.owner))], budget: "-", pass: null },
    { figure: "owner's dashboard data (whole studio) p95", values: [f(p95(figures.alone.owner)), f(p95(figures.many.owner))], budget: "≤ 100 ms", pass: p95(figures.many.owner) <= 100 },
    ...requests.map((r) => {
      const a = work(alonePlans, r);
      const b = work(plans, r);
      return { figure: `${r}: its statements' pages touched / execution time (EXPLAIN ANALYZE)`, values: [`${a.buffers} / ${f(a.ms)}`, `${b.buffers} / ${f(b.ms)}`], budget: "(pages: same)", pass: null };
    }),
    { figure: `seed of ${studios} studios (many-studio database)`, values: ["-", `${seedSeconds.toFixed(0)} s`], budget: "-", pass: null },
    { figure: "pg_database_size", values: ["-", size!.pretty], budget: "-", pass: null },
    { figure: "sequential scans of a big table in these requests", values: ["-", String(seqScans.length)], budget: "0", pass: seqScans.length === 0 },
  ];
  printColumns(
    `Many studios on PostgreSQL: ${studios} studios × ${CLIENTS_PER_STUDIO} clients (${totals!.entries} entries), one studio measured alone (a copy of the database before the others) and beside ${studios - 1} others, over HTTP (production build), ${ROUNDS} alternating slices; ${CONNECTIONS} connections; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${os.cpus().length} cores`,
    ["alone", `beside ${studios - 1} others`],
    rows,
  );
  console.log(`\n${statements.length} distinct statements in the three requests (${skipped} writes not explained); the three slowest, EXPLAIN (ANALYZE, BUFFERS), warm:`);
  for (const p of plans.slice(0, 3)) {
    console.log(`\n--- ${p.ms.toFixed(2)} ms, in the ${p.request}\n${p.query}\n${p.text}`);
  }
  console.log(`\nall: ${plans.map((p) => `${p.ms.toFixed(2)}`).join(", ")} ms`);
  for (const s of seqScans) console.log(`Seq Scan on a big table: ${s}`);
} catch (error) {
  console.error(error, `\nlogs in ${workDir}`);
  exitCode = 1;
} finally {
  await starting;
  for (const s of servers) await s.stop();
  for (const d of opened) await d.close();
  for (const name of created) {
    if (KEEP) console.log(`kept database ${name}`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  }
  await admin.end();
  if (exitCode === 0) fs.rmSync(workDir, { recursive: true, force: true });
}
// Like the other benches, a figure that falls short is reported, not a failure of the run.
process.exit(exitCode);
