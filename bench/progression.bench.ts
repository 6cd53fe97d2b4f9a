// Progression on a realistic studio (issue 6): 10 trainers, 500 clients on Runner's
// foundation, two years of near-daily logging (~510k practice entries, ~255k sessions,
// ~155k runs), seeded in SQL (generate_series) into a fresh PostgreSQL database and into
// PGlite. Prints p50/p95 beside the budgets, and EXPLAIN ANALYZE of the slowest query.
//   npx tsx bench/progression.bench.ts            both databases
//   BENCH_DB=postgres|pglite npx tsx bench/...    one of them
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { unusableZonesIn } from "../src/server/dates/zones";
import { openPglite, openPostgres, type Database } from "../src/server/db/client";
import { adherenceQuery } from "../src/server/progression/adherence-sql";
import { progressionAttention } from "../src/server/progression/attention-sources";
import { asymmetryQuery, studioOverview } from "../src/server/progression/overview";
import { clientProgression } from "../src/server/progression/service";
import { rowsOf } from "../src/server/db/raw-rows";
import { rowsWithoutJit } from "../src/server/progression/sql";
import { measure, ms, printTable } from "./lib";
import { CLIENTS, NOW, seed, TRAINERS } from "./seed/studio";

async function run(kind: "postgres" | "pglite", database: Database) {
  const db = database.db;
  await database.migrate();
  const seedStart = performance.now();
  const { studioId, clientIds, coachId, counts } = await seed(db);
  const seedMs = performance.now() - seedStart;
  if (process.env.BENCH_SEED_ONLY) return;
  const iterations = kind === "postgres" ? 200 : 60;
  const isPg = kind === "postgres";
  // Cold: the first read of a client's week rebuilds their cached history from two years of
  // logging (what each client pays once a week, or after a backdated write).
  let c = 0;
  const cold = await measure(Math.min(40, clientIds.length), () => clientProgression(db, studioId, clientIds[c++]!, NOW), 0);
  const warmStart = performance.now();
  for (const id of clientIds.slice(c)) await clientProgression(db, studioId, id, NOW);
  const warmAllMs = performance.now() - warmStart + cold.p50 * c;
  let i = 0;
  const full = await measure(iterations, () => clientProgression(db, studioId, clientIds[i++ % clientIds.length]!, NOW), 20);
  const overview = await measure(Math.round(iterations / 4), () => studioOverview(db, studioId, NOW, { coachId }), 5);
  const attention = await measure(Math.round(iterations / 4), () => progressionAttention(db, { studioId, now: NOW }), 5);
  printTable(
    `Progression on ${kind === "postgres" ? "PostgreSQL" : "PGlite (in memory)"}: ${TRAINERS} trainers, ${CLIENTS} clients, ${counts.entries} entries, ${counts.sessions} sessions, ${counts.runs} runs (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    [
      { figure: "one client's full progression p50", measured: ms(full.p50), budget: "-", pass: null },
      { figure: "one client's full progression p95", measured: ms(full.p95), budget: isPg ? "≤ 10 ms" : "(budget on PostgreSQL)", pass: isPg ? full.p95 <= 10 : null },
      { figure: "  first read of the week (cache rebuild) p50", measured: ms(cold.p50), budget: "-", pass: null },
      { figure: "  first read of the week (cache rebuild) p95", measured: ms(cold.p95), budget: "(once a week per client)", pass: null },
      { figure: `  rebuilding all ${clientIds.length} clients' caches`, measured: `${(warmAllMs / 1000).toFixed(1)} s`, budget: "-", pass: null },
      { figure: "studio overview, one trainer's 50 clients p50", measured: ms(overview.p50), budget: "-", pass: null },
      { figure: "studio overview, one trainer's 50 clients p95", measured: ms(overview.p95), budget: isPg ? "≤ 50 ms" : "(budget on PostgreSQL)", pass: isPg ? overview.p95 <= 50 : null },
      { figure: "attention sources (asymmetry + unlocks) p50", measured: ms(attention.p50), budget: "-", pass: null },
      { figure: "attention sources (asymmetry + unlocks) p95", measured: ms(attention.p95), budget: isPg ? "≤ 50 ms" : "(budget on PostgreSQL)", pass: isPg ? attention.p95 <= 50 : null },
    ],
  );
  if (isPg && process.env.BENCH_EXPLAIN !== "0") {
    const ofCoach = await rowsOf<{ id: string; through: string }>(
      db,
      sql`select c.id::text as id, s.through::text as through from clients c join progress_snapshots s on s.client_id = c.id where c.studio_id = ${studioId} and c.coach_id = ${coachId}::uuid`,
    );
    const unusableZones = await unusableZonesIn(db, studioId);
    for (const [title, query] of [
      ["overview: live adherence of one trainer's 50 clients (after their cached weeks)", adherenceQuery(studioId, ofCoach.map((r) => ({ clientId: r.id, after: r.through, until: null })), NOW, 0, unusableZones)],
      ["one client's adherence over two years (a cache rebuild from nothing)", adherenceQuery(studioId, [{ clientId: clientIds[0]!, after: null, until: null }], NOW, 28, unusableZones)],
      ["attention: asymmetry of the whole studio", asymmetryQuery(studioId, NOW, 15, {}, unusableZones)],
    ] as const) {
      const plan = await rowsWithoutJit<{ "QUERY PLAN": string }>(db, sql`explain (analyze, buffers, costs off) ${query}`);
      console.log(`\nEXPLAIN ANALYZE: ${title}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
}

const which = process.env.BENCH_DB;
if (which !== "pglite") {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? process.env.TEST_PG_ADMIN_URL ?? execFileSync("bash", ["scripts/ensure-postgres.sh"], { encoding: "utf8" }).trim();
  const name = `stride_bench_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 4 });
  try {
    await run("postgres", database);
  } finally {
    await database.close();
    // BENCH_SEED_ONLY keeps the seeded database for exploring plans by hand (drop it yourself).
    if (process.env.BENCH_SEED_ONLY) console.log(`kept ${url.toString().replace(/:[^:@/]*@/, ":***@")}`);
    else await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
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
