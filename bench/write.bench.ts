// The write path under load (issue 21, part 2): `session.log` over HTTP against the production
// build, on the bench studio (bench/seed/studio.ts) in a fresh PostgreSQL database and in a
// PGlite folder. On PostgreSQL a bare server (bench/stack/bare-write.ts: node:http + postgres)
// replays the very statements Stride sent for one session, in one transaction, measured the
// same way in the same run; slices alternate between the two so noise hits both, and each
// figure is the median of its slices.
//   npm run bench write                     both databases
//   BENCH_DB=postgres|pglite npm run bench write
//   BENCH_SLICES=3 · BENCH_STEP_SECONDS=3 (per slice of each open-loop rate)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { hashPassword } from "../src/server/auth/password";
import { openPglite, openPostgres, type Db } from "../src/server/db/client";
import { clients, drills, users } from "../src/server/db/schema";
import { percentile, printColumns, type ColumnsRow } from "./lib";
import { seed } from "./seed/studio";
import { captureSessionLogSql } from "./stack/bare-write-capture";
import { startBareWriteServer } from "./stack/bare-write";
import { signIn } from "./stack/http";
import { startStride } from "./stack/stride-server";
import { sessionLogPost, WRITE_RATES, writeAlone, writeAtRate, writeClosedLoop, type Post } from "./stack/write-load";
import { freePort } from "../e2e/fixtures/app-server";

const SLICES = Number(process.env.BENCH_SLICES ?? 3);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 3);
/** Stride's PostgreSQL pool (openPostgres's default); the bare server gets the same. */
const POOL = 10;
const WRITERS = 50;
const ALONE_PER_SLICE = 40;
const CLOSED_PER_WRITER = 4;
const ALONE_BUDGET_MS = 15;
const WITHIN_MS = 30;
const RATE_BUDGET = { postgres: 100, pglite: 20 };
const PASSWORD = "bench-password";

type Writers = { studioId: string; kneeDriveId: string; users: { email: string; userId: string; sessionVersion: number }[] };
/** One server's figures: the medians over slices. */
type Side = {
  alone: { p50: number; p95: number };
  closed: { p50: number; p95: number; rate: number };
  /** Each rate tried, with its p95 (median of slices); the ladder stops at the first above WITHIN_MS. */
  ladder: { rate: number; p50: number; p95: number }[];
};
type Figures = { stride: Side; bare?: Side; statements?: number; seedSeconds: number };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-write-"));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const median = (values: number[]) => percentile(values, 50);


/** Seeds the studio and gives the first WRITERS clients a password to sign in with. */
async function prepare(db: Db): Promise<Writers & { seedSeconds: number }> {
  const started = performance.now();
  const { studioId, clientIds, counts } = await seed(db);
  const seedSeconds = (performance.now() - started) / 1000;
  log(`seeded ${counts.entries} entries, ${counts.sessions} sessions in ${seedSeconds.toFixed(0)} s`);
  const rows = await db
    .select({ email: users.email, userId: users.id, sessionVersion: users.sessionVersion })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.studioId, studioId), inArray(clients.id, clientIds.slice(0, WRITERS))));
  await db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(inArray(users.id, rows.map((r) => r.userId)));
  const [kneeDrive] = await db.select({ id: drills.id }).from(drills).where(and(eq(drills.studioId, studioId), eq(drills.slug, "knee-drive")));
  return { studioId, kneeDriveId: kneeDrive!.id, users: rows, seedSeconds };
}

type Target = { name: string; post: Post; cookies: string[] };

/**
 * Every figure of each target, slice by slice, the targets taking turns within each slice:
 * one client alone, the closed loop, then the open-loop ladder (a target leaves the ladder at
 * the first rate whose p95 is above WITHIN_MS; the medians decide).
 */
async function measureTargets(targets: Target[]): Promise<Side[]> {
  for (const t of targets) await writeClosedLoop(t.post, t.cookies, 1); // warm-up: one each
  const alone = targets.map(() => [] as { p50: number; p95: number }[]);
  const closed = targets.map(() => [] as { p50: number; p95: number; rate: number }[]);
  for (let slice = 0; slice < SLICES; slice++) {
    for (const [i, t] of targets.entries()) {
      const samples = await writeAlone(t.post, t.cookies[0]!, ALONE_PER_SLICE);
      alone[i]!.push({ p50: percentile(samples, 50), p95: percentile(samples, 95) });
    }
    for (const [i, t] of targets.entries()) {
      const run = await writeClosedLoop(t.post, t.cookies, CLOSED_PER_WRITER);
      closed[i]!.push({ p50: percentile(run.samples, 50), p95: percentile(run.samples, 95), rate: run.rate });
    }
  }
  const ladders = targets.map(() => [] as Side["ladder"]);
  const climbing = new Set(targets.map((_, i) => i));
  for (const rate of WRITE_RATES) {
    if (climbing.size === 0) break;
    const steps = targets.map(() => [] as { p50: number; p95: number }[]);
    for (let slice = 0; slice < SLICES; slice++) {
      for (const i of climbing) {
        const step = await writeAtRate(targets[i]!.post, targets[i]!.cookies, rate, STEP_SECONDS);
        steps[i]!.push(step);
        // A settled queue between slices: one rate's backlog is not the next slice's.
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    for (const i of [...climbing]) {
      const step = { rate, p50: median(steps[i]!.map((s) => s.p50)), p95: median(steps[i]!.map((s) => s.p95)) };
      ladders[i]!.push(step);
      log(`  ${targets[i]!.name} ${rate}/s: p50 ${step.p50.toFixed(1)} ms, p95 ${step.p95.toFixed(1)} ms`);
      if (step.p95 > WITHIN_MS) climbing.delete(i);
    }
  }
  return targets.map((_, i) => ({
    alone: { p50: median(alone[i]!.map((a) => a.p50)), p95: median(alone[i]!.map((a) => a.p95)) },
    closed: { p50: median(closed[i]!.map((c) => c.p50)), p95: median(closed[i]!.map((c) => c.p95)), rate: median(closed[i]!.map((c) => c.rate)) },
    ladder: ladders[i]!,
  }));
}

async function signInAll(url: string, writers: Writers) {
  const cookies: string[] = [];
  for (const u of writers.users) cookies.push(await signIn(url, u.email, PASSWORD));
  return cookies;
}

async function onPostgres(): Promise<Figures> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const name = `stride_bench_write_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const database = openPostgres(dbUrl, { max: POOL });
  try {
    await database.migrate();
    const writers = await prepare(database.db);
    log("starting Stride on PostgreSQL (builds first if the build is stale)");
    const stride = await startStride({ port: await freePort(), databaseUrl: dbUrl, dataDir: path.join(workDir, "pg-data"), logFile: path.join(workDir, "stride-postgres.log") });
    try {
      const cookies = await signInAll(stride.url, writers);
      const scripts = await captureSessionLogSql(dbUrl, writers.users, writers.kneeDriveId, new Date());
      const statements = scripts[0]!.statements.length;
      log(`session.log: ${statements} statements per session`);
      for (const s of scripts[0]!.statements) log(`  ${s.query.replace(/\s+/g, " ").slice(0, 160)}`);
      const bare = await startBareWriteServer({ port: await freePort(), url: dbUrl, poolSize: POOL, scripts });
      try {
        const [s, b] = await measureTargets([
          { name: "Stride", post: sessionLogPost(stride.url, writers.kneeDriveId), cookies },
          { name: "bare", post: sessionLogPost(bare.url, writers.kneeDriveId), cookies: writers.users.map((_, i) => `bench-user=${i}`) },
        ]);
        return { stride: s!, bare: b!, statements, seedSeconds: writers.seedSeconds };
      } finally {
        await bare.stop();
      }
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
  let writers: Awaited<ReturnType<typeof prepare>>;
  try {
    await database.migrate();
    writers = await prepare(database.db);
  } finally {
    await database.close();
  }
  log("starting Stride on the seeded PGlite folder");
  const stride = await startStride({ port: await freePort(), dataDir, logFile: path.join(workDir, "stride-pglite.log") });
  try {
    const cookies = await signInAll(stride.url, writers);
    const [s] = await measureTargets([{ name: "Stride", post: sessionLogPost(stride.url, writers.kneeDriveId), cookies }]);
    return { stride: s!, seedSeconds: writers.seedSeconds };
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

const ms = (n: number | undefined) => (n === undefined ? "-" : `${n.toFixed(1)} ms`);
const f0 = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(0));
/** The highest rate of the ladder whose p95 is within WITHIN_MS (the ladder climbs in order). */
const within = (side: Side | undefined) => {
  if (!side) return undefined;
  let best: Side["ladder"][number] | undefined;
  for (const step of side.ladder) {
    if (step.p95 > WITHIN_MS) break;
    best = step;
  }
  return best ?? null;
};
const withinText = (side: Side | undefined) => {
  const w = within(side);
  if (w === undefined) return "-";
  if (w === null) return `under ${WRITE_RATES[0]}/s`;
  const top = w.rate === WRITE_RATES.at(-1) ? "≥ " : "";
  return `${top}${w.rate}/s (p95 ${w.p95.toFixed(1)} ms)`;
};
const rateOf = (side: Side | undefined) => (side ? (within(side)?.rate ?? 0) : undefined);
const aloneRatio = pg?.bare ? pg.bare.alone.p95 / pg.stride.alone.p95 : undefined;
const rateRatio = pg?.bare && rateOf(pg.bare) ? rateOf(pg.stride)! / rateOf(pg.bare)! : undefined;
const closedRatio = pg?.bare ? pg.stride.closed.rate / pg.bare.closed.rate : undefined;
const pgRate = rateOf(pg?.stride);
const liteRate = rateOf(lite?.stride);
const rows: ColumnsRow[] = [
  { figure: "log a session (6 entries + unlock check), one client alone, HTTP p50", values: [ms(pg?.stride.alone.p50), ms(lite?.stride.alone.p50)], budget: "-", pass: null },
  {
    figure: "log a session, one client alone, HTTP p95",
    values: [ms(pg?.stride.alone.p95), ms(lite?.stride.alone.p95)],
    budget: `≤ ${ALONE_BUDGET_MS} ms`,
    pass: pg || lite ? [pg, lite].every((f) => !f || f.stride.alone.p95 <= ALONE_BUDGET_MS) : null,
  },
  {
    figure: `log a session, highest steady rate with p95 ≤ ${WITHIN_MS} ms (${WRITERS} clients, open loop)`,
    values: [withinText(pg?.stride), withinText(lite?.stride)],
    budget: `≥ ${RATE_BUDGET.postgres}/s PG, ≥ ${RATE_BUDGET.pglite}/s PGlite`,
    pass: pg || lite ? (pgRate === undefined || pgRate >= RATE_BUDGET.postgres) && (liteRate === undefined || liteRate >= RATE_BUDGET.pglite) : null,
  },
  { figure: `log a session, ${WRITERS} clients closed loop, p50 / p95`, values: [pg ? `${ms(pg.stride.closed.p50)} / ${ms(pg.stride.closed.p95)}` : "-", lite ? `${ms(lite.stride.closed.p50)} / ${ms(lite.stride.closed.p95)}` : "-"], budget: "-", pass: null },
  { figure: `log a session, ${WRITERS} clients closed loop, sessions/s`, values: [f0(pg?.stride.closed.rate), f0(lite?.stride.closed.rate)], budget: "-", pass: null },
  { figure: `bare write (same ${pg?.statements ?? "?"} statements, one transaction), one client alone p50 / p95`, values: [pg?.bare ? `${ms(pg.bare.alone.p50)} / ${ms(pg.bare.alone.p95)}` : "-", "-"], budget: "-", pass: null },
  { figure: `bare write, highest steady rate with p95 ≤ ${WITHIN_MS} ms`, values: [withinText(pg?.bare), "-"], budget: "-", pass: null },
  { figure: "bare write, closed loop sessions/s", values: [f0(pg?.bare?.closed.rate), "-"], budget: "-", pass: null },
  { figure: "write ratio: bare p95 ÷ Stride p95, one client alone", values: [aloneRatio === undefined ? "-" : aloneRatio.toFixed(2), "-"], budget: "(reported)", pass: null },
  { figure: "write ratio: Stride rate ÷ bare rate within the p95", values: [rateRatio === undefined ? "-" : rateRatio.toFixed(2), "-"], budget: "(reported)", pass: null },
  { figure: "write ratio: Stride ÷ bare sessions/s, closed loop", values: [closedRatio === undefined ? "-" : closedRatio.toFixed(2), "-"], budget: "(reported)", pass: null },
];
printColumns(
  `The write path: 10 trainers, 500 clients, ~510k entries; ${WRITERS} writers; medians of ${SLICES} alternating slices (${STEP_SECONDS} s per open-loop slice); ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  ["PostgreSQL", "PGlite"],
  rows,
);
fs.rmSync(workDir, { recursive: true, force: true });
// Like the other benches, a figure that falls short is reported, not a failure of the run.
process.exit(0);
