// The two hot reads of issue 21, in-process on the realistic studio (bench/seed/studio.ts, 500
// clients): the owner's whole-studio dashboard data (the batch of review.attention and
// progression.overview with coachId null, as bench/stack.bench.ts's dashboard() sends it) and
// the server's data for a client's progress page (the dashboard layout's attention count and
// unread count, and the page's progression.forClient and checkinHistory.forClient, rendered
// side by side as Next renders a layout and its page). Each calls the service functions the
// routers call, with the owner as the viewer, on a fresh PostgreSQL database and on PGlite.
//   npm run bench hot-reads                 both databases
//   BENCH_DB=postgres|pglite npm run bench hot-reads
//   BENCH_PROFILE=1                         + per-part timings and EXPLAIN (ANALYZE, BUFFERS) of the slowest statements
//   BENCH_KEEP_DB=<name>                    PostgreSQL: seed <name> once and keep it; later runs migrate it and reuse
//                                           the studio (for iterating on a plan; the figures of record come from a fresh database)
import { execFileSync } from "node:child_process";
import os from "node:os";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { checkinHistoryOf } from "../src/server/checkins/history";
import { openPglite, openPostgres, type Database, type Db } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import * as schema from "../src/server/db/schema";
import { unreadThreadCount } from "../src/server/messages/service";
import type { ThreadReader } from "../src/server/messages/access";
import { OVERVIEW_PAGE_SIZE } from "../src/lib/paging";
import { progressionAttention } from "../src/server/progression/attention-sources";
import { studioOverview } from "../src/server/progression/overview";
import { overviewPage } from "../src/server/progression/overview-page";
import { clientProgression } from "../src/server/progression/service";
import { listStudioAttention, studioAttentionSources } from "../src/server/review/studio-attention";
import { measure, ms, percentile, printColumns, type ColumnsRow } from "./lib";
import { NOW, seed } from "./seed/studio";

const DASHBOARD_BUDGET_MS = 100;
const PROGRESS_BUDGET_MS = 60;
const SLICES = 4;
const PROFILE = process.env.BENCH_PROFILE === "1";

type Prepared = { studioId: string; clientIds: string[]; owner: { memberId: string; userId: string; name: string } };
type Figures = { dashboard: { p50: number; p95: number }; overviewPage: { p50: number; p95: number }; progress: { p50: number; p95: number }; seedS: number };

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function seeded(db: Db) {
  const [kept] = await rowsOf<{ id: string }>(db, sql`select id::text as id from studios where name = 'Bench studio' limit 1`);
  if (!kept) return seed(db);
  const clientIds = (await rowsOf<{ id: string }>(db, sql`select id::text as id from clients where studio_id = ${kept.id}::uuid order by random()`)).map((r) => r.id);
  return { studioId: kept.id, clientIds, counts: { entries: NaN, sessions: NaN, runs: NaN } };
}

async function prepare(db: Db): Promise<Prepared & { seedS: number }> {
  const started = performance.now();
  const { studioId, clientIds, counts } = await seeded(db);
  const seedS = (performance.now() - started) / 1000;
  log(`seeded ${counts.entries} entries, ${counts.sessions} sessions, ${counts.runs} runs in ${seedS.toFixed(0)} s`);
  const [owner] = await rowsOf<{ member_id: string; user_id: string; name: string }>(
    db,
    sql`select m.id::text as member_id, u.id::text as user_id, u.name from studio_members m join users u on u.id = m.user_id where m.studio_id = ${studioId}::uuid and m.role = 'owner'`,
  );
  return { studioId, clientIds, owner: { memberId: owner!.member_id, userId: owner!.user_id, name: owner!.name }, seedS };
}

/** review.attention + progression.overview for the owner (whole studio), as the batch runs them. */
function dashboard(db: Db, p: Prepared) {
  return Promise.all([listStudioAttention(db, p.studioId, NOW, { coachId: null, distanceUnit: "km" }), studioOverview(db, p.studioId, NOW, { coachId: null })]);
}

/**
 * The owner's overview page as Next renders it at 500 clients: the layout's queue count and
 * unread count beside the page's first page by name (25 rows, OVERVIEW_PAGE_SIZE) and the
 * progression attention list.
 */
function overviewPageData(db: Db, p: Prepared) {
  const reader: ThreadReader = { kind: "trainer", studioId: p.studioId, userId: p.owner.userId, name: p.owner.name, clientScope: null };
  return Promise.all([
    listStudioAttention(db, p.studioId, NOW, { coachId: null, distanceUnit: "km" }),
    unreadThreadCount(db, reader),
    overviewPage(db, p.studioId, NOW, { sort: "name", direction: "asc", coachId: null, cursor: null, size: OVERVIEW_PAGE_SIZE }),
    progressionAttention(db, { studioId: p.studioId, now: NOW, coachId: null }),
  ]);
}

/** The progress page's server data for the owner: the layout's two counts beside the page's two reads. */
function progressPage(db: Db, p: Prepared, clientId: string) {
  const reader: ThreadReader = { kind: "trainer", studioId: p.studioId, userId: p.owner.userId, name: p.owner.name, clientScope: null };
  return Promise.all([
    listStudioAttention(db, p.studioId, NOW, { coachId: null, distanceUnit: "km" }),
    unreadThreadCount(db, reader),
    clientProgression(db, p.studioId, clientId, NOW, { distanceUnit: "km", audience: "trainer" }),
    checkinHistoryOf(db, p.studioId, clientId, NOW, {}),
  ]);
}

/** Both figures measured in alternating slices, so a burst of load on the machine hits both. */
async function figures(db: Db, p: Prepared, iterations: number) {
  // Every client's cache is warm in the steady state (the first read of a week rebuilds it):
  // the overview's first read rebuilds them all in one statement.
  await studioOverview(db, p.studioId, NOW, { coachId: null });
  const dash: number[] = [];
  const overview: number[] = [];
  const page: number[] = [];
  let c = 0;
  for (let s = 0; s < SLICES; s++) {
    dash.push(...(await measure(iterations / SLICES, () => dashboard(db, p), s === 0 ? 10 : 2)).samples);
    overview.push(...(await measure(iterations / SLICES, () => overviewPageData(db, p), s === 0 ? 10 : 2)).samples);
    page.push(...(await measure(iterations / SLICES, () => progressPage(db, p, p.clientIds[c++ % p.clientIds.length]!), s === 0 ? 10 : 2)).samples);
  }
  return { dashboard: { p50: percentile(dash, 50), p95: percentile(dash, 95) }, overviewPage: { p50: percentile(overview, 50), p95: percentile(overview, 95) }, progress: { p50: percentile(page, 50), p95: percentile(page, 95) } };
}

/** Each part alone (one after another, no contention): where the time of a figure goes. */
async function breakdown(kind: string, db: Db, p: Prepared) {
  const scope = { studioId: p.studioId, now: NOW, coachId: null, distanceUnit: "km" as const };
  const reader: ThreadReader = { kind: "trainer", studioId: p.studioId, userId: p.owner.userId, name: p.owner.name, clientScope: null };
  const clientId = p.clientIds[0]!;
  const parts: [string, () => Promise<unknown>][] = [
    ...studioAttentionSources(db).map(([name, source]) => [`attention: ${name}`, () => source(scope)] as [string, () => Promise<unknown>]),
    ["attention: whole queue", () => listStudioAttention(db, p.studioId, NOW, { coachId: null })],
    ["overview (500 clients)", () => studioOverview(db, p.studioId, NOW, { coachId: null })],
    ["overview page (first 25 by name)", () => overviewPage(db, p.studioId, NOW, { sort: "name", direction: "asc", coachId: null, cursor: null, size: OVERVIEW_PAGE_SIZE })],
    ["progress: clientProgression", () => clientProgression(db, p.studioId, clientId, NOW, { distanceUnit: "km" })],
    ["progress: checkinHistoryOf", () => checkinHistoryOf(db, p.studioId, clientId, NOW, {})],
    ["progress: unreadThreadCount", () => unreadThreadCount(db, reader)],
  ];
  console.log(`\nPer part on ${kind}, each alone, p50 / p95 of 15:`);
  for (const [name, run] of parts) {
    const m = await measure(15, run, 3);
    console.log(`  ${name.padEnd(44)} ${ms(m.p50).padStart(10)} / ${ms(m.p95)}`);
  }
}

/**
 * The statements of one dashboard and one progress page, captured as drizzle sends them, each
 * replayed alone on its own connection; the slowest get EXPLAIN (ANALYZE, BUFFERS).
 */
async function explainSlowest(url: string, p: Prepared) {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { jit: "off" } });
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle({ client, schema, casing: "snake_case", logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
  try {
    await dashboard(db, p);
    await progressPage(db, p, p.clientIds[1]!);
    const timed: { query: string; params: unknown[]; ms: number }[] = [];
    for (const s of captured) {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await client.unsafe(s.query, s.params as never[], { prepare: true });
        best = Math.min(best, performance.now() - started);
      }
      timed.push({ ...s, ms: best });
    }
    timed.sort((a, b) => b.ms - a.ms);
    console.log(`\n${captured.length} statements in one dashboard + one progress page; their sum alone: ${ms(timed.reduce((n, t) => n + t.ms, 0))}`);
    for (const t of timed.slice(0, 12)) console.log(`  ${ms(t.ms).padStart(10)}  ${t.query.replace(/\s+/g, " ").slice(0, 150)}`);
    for (const t of timed.slice(0, Number(process.env.BENCH_EXPLAIN ?? 3))) {
      const plan = await client.unsafe(`explain (analyze, buffers, costs off) ${t.query}`, t.params as never[]);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${ms(t.ms)} alone: ${t.query.replace(/\s+/g, " ").slice(0, 200)}…\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  } finally {
    await client.end();
  }
}

async function onPostgres(): Promise<Figures> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const keep = process.env.BENCH_KEEP_DB;
  const name = keep ?? `stride_bench_hot_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!exists) await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // The app's pool size (openPostgres's default): the batch's parts run side by side on it.
  const database = openPostgres(url.toString());
  try {
    await database.migrate();
    const p = await prepare(database.db);
    const f = await figures(database.db, p, 200);
    if (PROFILE) {
      await breakdown("PostgreSQL", database.db, p);
      await explainSlowest(url.toString(), p);
    }
    return { ...f, seedS: p.seedS };
  } finally {
    await database.close();
    if (!keep) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPglite(): Promise<Figures> {
  const database: Database = await openPglite();
  try {
    await database.migrate();
    const p = await prepare(database.db);
    const f = await figures(database.db, p, 60);
    if (PROFILE) await breakdown("PGlite", database.db, p);
    return { ...f, seedS: p.seedS };
  } finally {
    await database.close();
  }
}

const which = process.env.BENCH_DB;
const pg = which === "pglite" ? undefined : await onPostgres();
const lite = which === "postgres" ? undefined : await onPglite();
const both = (f: (x: Figures) => string) => [pg ? f(pg) : "-", lite ? f(lite) : "-"];
const rows: ColumnsRow[] = [
  { figure: "owner's dashboard data (attention + overview, 500 clients) p50", values: both((x) => ms(x.dashboard.p50)), budget: "-", pass: null },
  { figure: "owner's dashboard data (attention + overview, 500 clients) p95", values: both((x) => ms(x.dashboard.p95)), budget: `≤ ${DASHBOARD_BUDGET_MS} ms (PostgreSQL)`, pass: pg ? pg.dashboard.p95 <= DASHBOARD_BUDGET_MS : null },
  { figure: "owner's overview page, server data (layout's counts + first 25 by name + attention) p50", values: both((x) => ms(x.overviewPage.p50)), budget: "-", pass: null },
  {
    figure: "owner's overview page, server data (layout's counts + first 25 by name + attention) p95",
    values: both((x) => ms(x.overviewPage.p95)),
    budget: `≤ ${DASHBOARD_BUDGET_MS} ms (PostgreSQL)`,
    pass: pg ? pg.overviewPage.p95 <= DASHBOARD_BUDGET_MS : null,
  },
  { figure: "client progress page, server data (owner) p50", values: both((x) => ms(x.progress.p50)), budget: "-", pass: null },
  { figure: "client progress page, server data (owner) p95", values: both((x) => ms(x.progress.p95)), budget: `≤ ${PROGRESS_BUDGET_MS} ms (PostgreSQL)`, pass: pg ? pg.progress.p95 <= PROGRESS_BUDGET_MS : null },
];
printColumns(`Hot reads, in-process (load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")})`, ["PostgreSQL", "PGlite"], rows);
