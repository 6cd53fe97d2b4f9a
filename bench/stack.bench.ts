// The whole stack under load (issue 9): the realistic studio (bench/seed/studio.ts) in a fresh
// PostgreSQL database and in a PGlite folder, each served by the production build, measured
// over HTTP as browsers use it. Headline figures are ratios measured side by side in one run,
// because timings on a shared 2-core machine are noisy.
//   npm run bench stack                     both databases
//   BENCH_DB=postgres|pglite npm run bench stack
//   BENCH_SECONDS=10 (per server, for throughput)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { and, eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { hashPassword } from "../src/server/auth/password";
import { openPglite, openPostgres, type Db } from "../src/server/db/client";
import { clients, users } from "../src/server/db/schema";
import { rowsOf } from "../src/server/db/raw-rows";
import { measure, printColumns, type ColumnsRow } from "./lib";
import { seed } from "./seed/studio";
import { startBareServer } from "./stack/bare-server";
import { captureTodaySql } from "./stack/capture";
import { batchQueryPath, expectOk, signIn } from "./stack/http";
import { pageWeightFromBuild, pageWeightInBrowser, type PageWeight } from "./stack/page-weight";
import { startStride } from "./stack/stride-server";
import { freePort } from "../e2e/fixtures/app-server";

const ROOT = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Throughput runs alternate Stride and the bare server in this many slices, so noise hits both. */
const ROUNDS = 2;
const CONNECTIONS = 10;
/** Stride's PostgreSQL pool (openPostgres's default); the bare server gets the same. */
const POOL = 10;
/** Clients signed in for the today read (the write path is bench/write.bench.ts's). */
const READERS = 50;
const PASSWORD = "bench-password";
const TODAY_PATH = batchQueryPath([{ path: "portal.today" }]);
const FLOOR_PATH = batchQueryPath([{ path: "viewer.me" }]);

type BenchUser = { email: string; userId: string; clientId: string; sessionVersion: number };
type Prepared = { studioId: string; clients: BenchUser[]; trainerEmail: string; ownerEmail: string; coachId: string; entries: number };
type Figures = {
  todayRps: number;
  todayP50: number;
  bareRps?: number;
  /** A tRPC call that touches no database (viewer.me, signed out): the framework's own ceiling. */
  floorRps: number;
  dashP50: number;
  dashP95: number;
  /** The owner's: the whole studio's queue and every client in the overview. */
  ownerDash: { p50: number; p95: number };
  weights?: { build: PageWeight[]; browser: (PageWeight | null)[] };
};

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Seeds the studio and gives the first READERS clients and the owner a password to sign in with. */
async function prepare(db: Db): Promise<Prepared> {
  const started = performance.now();
  const { studioId, clientIds, coachId, counts } = await seed(db);
  log(`seeded ${counts.entries} entries, ${counts.sessions} sessions, ${counts.runs} runs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const chosen = clientIds.slice(0, READERS);
  const rows = await db
    .select({ email: users.email, userId: users.id, clientId: clients.id, sessionVersion: users.sessionVersion })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.studioId, studioId), inArray(clients.id, chosen)));
  const [trainer] = await rowsOf<{ email: string; user_id: string }>(db, sql`select u.email, u.id::text as user_id from studio_members m join users u on u.id = m.user_id where m.id = ${coachId}::uuid`);
  const [owner] = await rowsOf<{ email: string; user_id: string }>(
    db,
    sql`select u.email, u.id::text as user_id from studio_members m join users u on u.id = m.user_id where m.studio_id = ${studioId}::uuid and m.role = 'owner'`,
  );
  const passwordHash = await hashPassword(PASSWORD);
  await db.update(users).set({ passwordHash }).where(inArray(users.id, [...rows.map((r) => r.userId), trainer!.user_id, owner!.user_id]));
  return { studioId, clients: rows, trainerEmail: trainer!.email, ownerEmail: owner!.email, coachId, entries: counts.entries };
}

/** Requests per second of GET `path` with CONNECTIONS connections, each request as the next user. */
async function throughput(url: string, path: string, cookies: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: "GET", path, setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[next++ % cookies.length]! } }) }],
  });
  if (result.non2xx || result.errors) throw new Error(`${url}${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { requests: result.requests.total, seconds: result.duration, p50: result.latency.p50 };
}

/**
 * A member's dashboard data in one batch: their attention queue (a trainer's own clients, the
 * owner's whole studio) and the overview of their clients (a coach's, or all with null).
 */
async function dashboard(url: string, cookie: string, coachId: string | null) {
  const p = batchQueryPath([{ path: "review.attention" }, { path: "progression.overview", input: { coachId } }]);
  // Warm-up enough for every pooled connection to have prepared these statements: the steady state.
  return measure(100, async () => expectOk(await fetch(`${url}${p}`, { headers: { cookie } }), "dashboard"), 20);
}

async function signInAll(url: string, prepared: Prepared) {
  const cookies: string[] = [];
  for (const c of prepared.clients) cookies.push(await signIn(url, c.email, PASSWORD));
  return { cookies, trainer: await signIn(url, prepared.trainerEmail, PASSWORD), owner: await signIn(url, prepared.ownerEmail, PASSWORD) };
}

/** What both databases measure the same way after the today read: the framework's ceiling and the dashboards. */
async function sharedReads(url: string, signedIn: Awaited<ReturnType<typeof signInAll>>, prepared: Prepared) {
  const floor = await throughput(url, FLOOR_PATH, [""], SECONDS / ROUNDS);
  const dash = await dashboard(url, signedIn.trainer, prepared.coachId);
  const ownerDash = await dashboard(url, signedIn.owner, null);
  return {
    floorRps: floor.requests / floor.seconds,
    dashP50: dash.p50,
    dashP95: dash.p95,
    ownerDash,
  };
}

async function onPostgres(): Promise<Figures> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const name = `stride_bench_stack_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const database = openPostgres(dbUrl, { max: POOL });
  try {
    await database.migrate();
    const prepared = await prepare(database.db);
    log("starting Stride on PostgreSQL (builds first if the build is stale)");
    const stride = await startStride({ port: await freePort(), databaseUrl: dbUrl, dataDir: path.join(workDir, "pg-data"), logFile: path.join(workDir, "stride-postgres.log") });
    try {
      const signedIn = await signInAll(stride.url, prepared);
      const { cookies, trainer } = signedIn;
      const scripts = await captureTodaySql(dbUrl, prepared.clients, new Date());
      log(`today read: ${scripts[0]!.length} statements per request`);
      const bare = await startBareServer({ port: await freePort(), url: dbUrl, poolSize: POOL, scripts });
      const bareCookies = prepared.clients.map((_, i) => `bench-user=${i}`);
      let strideTotal = { requests: 0, seconds: 0, p50: 0 };
      let bareTotal = { requests: 0, seconds: 0 };
      try {
        await throughput(stride.url, TODAY_PATH, cookies, 2);
        await throughput(bare.url, "/", bareCookies, 2);
        for (let round = 0; round < ROUNDS; round++) {
          const s = await throughput(stride.url, TODAY_PATH, cookies, SECONDS / ROUNDS);
          const b = await throughput(bare.url, "/", bareCookies, SECONDS / ROUNDS);
          strideTotal = { requests: strideTotal.requests + s.requests, seconds: strideTotal.seconds + s.seconds, p50: Math.max(strideTotal.p50, s.p50) };
          bareTotal = { requests: bareTotal.requests + b.requests, seconds: bareTotal.seconds + b.seconds };
        }
      } finally {
        await bare.stop();
      }
      const shared = await sharedReads(stride.url, signedIn, prepared);
      const weights = {
        build: ["/portal", "/dashboard"].map((r) => pageWeightFromBuild(ROOT, r)),
        // Today in Chromium is bench/weight.bench.ts's (its client has answered the health
        // questions; the bench studio's clients have not, so their /portal is the intake).
        browser: [null, await pageWeightInBrowser(stride.url, trainer, "/dashboard")],
      };
      await stride.stop();
      return {
        todayRps: strideTotal.requests / strideTotal.seconds,
        todayP50: strideTotal.p50,
        bareRps: bareTotal.requests / bareTotal.seconds,
        ...shared,
        weights,
      };
    } finally {
      await stride.stop();
    }
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPglite(): Promise<Figures> {
  const dataDir = path.join(workDir, "pglite-data");
  const database = await openPglite(path.join(dataDir, "pglite"));
  let prepared: Prepared;
  try {
    await database.migrate();
    prepared = await prepare(database.db);
  } finally {
    await database.close();
  }
  log("starting Stride on the seeded PGlite folder");
  const stride = await startStride({ port: await freePort(), dataDir, logFile: path.join(workDir, "stride-pglite.log") });
  try {
    const signedIn = await signInAll(stride.url, prepared);
    const { cookies } = signedIn;
    await throughput(stride.url, TODAY_PATH, cookies, 2);
    const today = await throughput(stride.url, TODAY_PATH, cookies, SECONDS);
    return { todayRps: today.requests / today.seconds, todayP50: today.p50, ...(await sharedReads(stride.url, signedIn, prepared)) };
  } finally {
    await stride.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const which = process.env.BENCH_DB;
let pg: Figures | undefined;
let lite: Figures | undefined;
try {
  if (which !== "pglite") pg = await onPostgres();
  if (which !== "postgres") lite = await onPglite();
} catch (error) {
  console.error(error, `\nlogs in ${workDir}`);
  process.exit(1);
}

const f0 = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(0));
const ms = (n: number | undefined) => (n === undefined ? "-" : `${n.toFixed(1)} ms`);
const kb = (bytes: number | undefined) => (bytes === undefined ? "-" : `${(bytes / 1024).toFixed(1)} KB`);
const ratio = pg?.bareRps ? pg.todayRps / pg.bareRps : undefined;
const weight = (i: number, from: "build" | "browser") => pg?.weights?.[from][i];
const rows: ColumnsRow[] = [
  { figure: "today read, Stride (tRPC over HTTP) req/s", values: [f0(pg?.todayRps), f0(lite?.todayRps)], budget: "-", pass: null },
  { figure: "today read, bare node:http + postgres req/s", values: [f0(pg?.bareRps), "-"], budget: "-", pass: null },
  { figure: "today read, Stride ÷ bare", values: [ratio === undefined ? "-" : ratio.toFixed(2), "-"], budget: "≥ 0.5", pass: ratio === undefined ? null : ratio >= 0.5 },
  { figure: "no-op tRPC call (viewer.me, signed out) req/s", values: [f0(pg?.floorRps), f0(lite?.floorRps)], budget: "-", pass: null },
  { figure: "trainer's dashboard data (attention + overview, 50 clients) p50", values: [ms(pg?.dashP50), ms(lite?.dashP50)], budget: "-", pass: null },
  { figure: "trainer's dashboard data (attention + overview, 50 clients) p95", values: [ms(pg?.dashP95), ms(lite?.dashP95)], budget: "≤ 50 ms", pass: pg ? pg.dashP95 <= 50 : null },
  { figure: "owner's dashboard data (whole studio, 500 clients) p50 / p95", values: [pg ? `${ms(pg.ownerDash.p50)} / ${ms(pg.ownerDash.p95)}` : "-", lite ? `${ms(lite.ownerDash.p50)} / ${ms(lite.ownerDash.p95)}` : "-"], budget: "-", pass: null },
  { figure: "Today page JS, gzip (build output)", values: [kb(weight(0, "build")?.gzipBytes), "same build"], budget: "≤ 180 KB", pass: pg ? weight(0, "build")!.gzipBytes <= 180 * 1024 : null },
  { figure: "Today page JS, gzip (Chromium, loaded)", values: ["npm run bench weight", "-"], budget: "(check)", pass: null },
  { figure: "dashboard JS, gzip (build output)", values: [kb(weight(1, "build")?.gzipBytes), "same build"], budget: "≤ 180 KB", pass: pg ? weight(1, "build")!.gzipBytes <= 180 * 1024 : null },
  { figure: "dashboard JS, gzip (Chromium, loaded)", values: [kb(weight(1, "browser")?.gzipBytes), "-"], budget: "(check)", pass: null },
];
printColumns(
  `Stride under load: 10 trainers, 500 clients, ~510k entries; ${CONNECTIONS} connections, ${SECONDS} s per server (in ${ROUNDS} alternating slices); ${os.cpus().length} cores`,
  ["PostgreSQL", "PGlite"],
  rows,
);
if (pg?.weights) {
  for (const [i, w] of pg.weights.build.entries()) {
    const b = pg.weights.browser[i];
    const loaded = b ? `Chromium loaded ${b.files} scripts (${kb(b.gzipBytes)} encoded, ${kb(b.rawBytes)} raw)` : "Chromium: npm run bench weight";
    console.log(`${w.route}: build lists ${w.files} files (${kb(w.gzipBytes)} gzip, ${kb(w.rawBytes)} raw); ${loaded}`);
  }
}
fs.rmSync(workDir, { recursive: true, force: true });
// Like the other benches, a figure that falls short is reported, not a failure of the run.
process.exit(0);
