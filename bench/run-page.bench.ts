// A run's page (issue 19): on bench/seed/studio.ts's studio (500 clients, two years of logging,
// ~155k runs), one client has 60 runs more from a watch, each with an 8 km track (500
// samples, 1000 route points, splits). Prints the server's time for the page's data and the
// words and drawing made from it (run.mine for the client, review.run for their coach, each
// through the tRPC caller as a request makes it, plus the view's figures, splits, chart points
// and route), p50/p95 beside the budget of 60 ms.
//   npx tsx bench/run-page.bench.ts            both databases
//   BENCH_DB=postgres|pglite npx tsx bench/run-page.bench.ts
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { createPgDatabase } from "../test/pg-database";
import { sampleFileRunFigures, sampleRunTrack } from "../test/run-track";
import { createCaller } from "../src/server/api/root";
import { openPglite, openPostgres, type Database, type Db } from "../src/server/db/client";
import { rowsOf } from "../src/server/db/raw-rows";
import type { RunPage } from "../src/server/training/run-page";
import { chartPoints, describeChart, runFigures, splitRows, splitsIn } from "../src/components/runs/run-figures";
import { drawRoute } from "../src/components/runs/route-geometry";
import { measure, ms, printTable } from "./lib";
import { NOW, seed } from "./seed/studio";

const FILE_RUNS = 60;

/** 60 runs of the client from their watch, one every other day up to NOW, with their tracks, as the import writes them. */
async function seedTracks(db: Db, studioId: string, clientId: string): Promise<string[]> {
  const track = sampleRunTrack();
  const f = sampleFileRunFigures(track);
  // Fresh ids (the seed's run ids are md5 hashes, not uuids a procedure's input accepts).
  const ids = (
    await rowsOf<{ id: string }>(
      db,
      sql`
    insert into runs (id, studio_id, client_id, started_at, local_date, distance_m, duration_s, source, elapsed_s, elevation_gain_m, avg_heart_rate, max_heart_rate,
      avg_cadence_spm, avg_ground_contact_ms, ground_contact_balance_left, avg_vertical_oscillation_mm, avg_stride_length_mm, device, created_at)
    select gen_random_uuid(), ${studioId}, ${clientId}::uuid, at, (at at time zone 'UTC')::date, ${f.distanceM}, ${f.durationS}, 'file', ${f.elapsedS}, ${f.elevationGainM},
      ${f.avgHeartRate}, ${f.maxHeartRate}, ${f.avgCadenceSpm}, ${f.avgGroundContactMs}, ${f.groundContactBalanceLeft}, ${f.avgVerticalOscillationMm}, ${f.avgStrideLengthMm}, ${f.device}, at + interval '2 hours'
    from (select ${NOW.toISOString()}::timestamptz - g * interval '2 days' - interval '7 hours' as at from generate_series(0, ${FILE_RUNS - 1}) g) s
    returning id::text`,
    )
  ).map((r) => r.id);
  const data = JSON.stringify(track);
  await db.execute(sql`
    insert into run_tracks (run_id, studio_id, client_id, data)
    select id, ${studioId}, ${clientId}::uuid, ${data}::jsonb from unnest(${`{${ids.join(",")}}`}::uuid[]) id`);
  await db.execute(sql`analyze`);
  return ids;
}

async function run(kind: "postgres" | "pglite", database: Database) {
  const db = database.db;
  await database.migrate();
  const seedStart = performance.now();
  const { studioId, coachId, counts } = await seed(db);
  const [client] = await rowsOf<{ id: string; user_id: string }>(db, sql`select id::text, user_id::text from clients where studio_id = ${studioId} and coach_id = ${coachId}::uuid order by id limit 1`);
  const [coach] = await rowsOf<{ user_id: string }>(db, sql`select user_id::text from studio_members where id = ${coachId}::uuid`);
  const runIds = await seedTracks(db, studioId, client!.id);
  const seedMs = performance.now() - seedStart;
  const context = (userId: string) => ({ db, userId, requestId: "bench", isDemo: false, ip: null, now: () => NOW, appUrl: "http://localhost" });
  const asClient = createCaller(context(client!.user_id));
  const asCoach = createCaller(context(coach!.user_id));
  let i = 0;
  const nextRun = () => runIds[i++ % runIds.length]!;
  // What the page does with the data before React writes it: the same helpers RunView calls.
  const view = (page: RunPage) => {
    runFigures(page, "km");
    if (page.track) {
      splitRows(splitsIn(page.track, "km"), "km");
      chartPoints(page.track.series, "km");
      describeChart(page.track, "km");
      drawRoute(page.track.route, { width: 640, height: 400 });
    }
  };
  const isPg = kind === "postgres";
  const iterations = isPg ? 300 : 150;
  const mine = await measure(iterations, async () => view(await asClient.run.mine({ runId: nextRun() })));
  const trainer = await measure(iterations, async () => view(await asCoach.review.run({ runId: nextRun() })));
  // A typed run of the client's, under an id the input accepts.
  const typedRun = (await rowsOf<{ id: string }>(db, sql`
    insert into runs (id, studio_id, client_id, started_at, local_date, distance_m, duration_s)
    values (gen_random_uuid(), ${studioId}, ${client!.id}::uuid, ${NOW.toISOString()}::timestamptz - interval '1 day', (${NOW.toISOString()}::timestamptz - interval '1 day')::date, 5000, 1650) returning id::text`))[0]!.id;
  const typed = await measure(iterations, async () => view(await asClient.run.mine({ runId: typedRun })));
  const page = await asClient.run.mine({ runId: runIds[0]! });
  if (!page.track || page.track.splitsKm.length !== 8) throw new Error("The seeded run page is not what the bench expects.");
  printTable(
    `Run page on ${isPg ? "PostgreSQL" : "PGlite (in memory)"}: ${counts.runs} runs, ${FILE_RUNS} with an 8 km track (${(JSON.stringify(page.track).length / 1024).toFixed(0)} KB each) (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    [
      { figure: "run.mine + view, a file run p50", measured: ms(mine.p50), budget: "-", pass: null },
      { figure: "run.mine + view, a file run p95", measured: ms(mine.p95), budget: "≤ 60 ms", pass: mine.p95 <= 60 },
      { figure: "review.run + view (the coach) p95", measured: ms(trainer.p95), budget: "≤ 60 ms", pass: trainer.p95 <= 60 },
      { figure: "  a typed run (no track) p95", measured: ms(typed.p95), budget: "-", pass: null },
    ],
  );
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
