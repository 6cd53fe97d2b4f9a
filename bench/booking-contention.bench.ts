// Issue: booking under contention: the throughput of successful bookings and the p95
// latency of 200 concurrent attempts. Runs on PostgreSQL when BENCH_PG_ADMIN_URL is set
// (a scratch database is created and dropped; e.g.
// BENCH_PG_ADMIN_URL=$(bash scripts/ensure-postgres.sh) npx tsx bench/booking-contention.bench.ts),
// otherwise on an in-memory PGlite, which runs one query at a time.
import { DateTime } from "luxon";
import postgres from "postgres";
import { bookSession } from "../src/server/booking/service";
import { openPglite, openPostgres, type Database } from "../src/server/db/client";
import { makeBookable } from "../test/booking-factories";
import { createTestStudio } from "../test/factories";
import { ms, percentile, printTable } from "./lib";

const ATTEMPTS = 200;
const adminUrl = process.env.BENCH_PG_ADMIN_URL;

async function openScratch(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!adminUrl) {
    const database = await openPglite();
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `stride_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 20 });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const { database, drop } = await openScratch();
const db = database.db;
try {
  const now = DateTime.fromISO("2027-05-03T07:00", { zone: "Europe/London" });

  /** 200 attempts at once spread over `slotCount` slots; each attempt's latency, and how many won. */
  async function round(slotCount: number, dayOffset: number) {
    const studio = await createTestStudio(db, "bench");
    const { creditType } = await makeBookable(db, studio, { credits: ATTEMPTS });
    const clients = [studio.clientA.clientId, studio.clientB.clientId];
    // Every two hours 08:00–16:00 over as many days as needed: a session plus its break fits.
    const starts = Array.from({ length: slotCount }, (_, i) =>
      now.startOf("day").plus({ days: dayOffset + Math.floor(i / 5) }).set({ hour: 8 + 2 * (i % 5) }).toJSDate(),
    );
    const latencies: number[] = [];
    let won = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: ATTEMPTS }, async (_, i) => {
        const clientId = clients[i % 2]!;
        const t0 = performance.now();
        try {
          await bookSession(db, {
            studioId: studio.studioId,
            sessionTypeId: creditType.id,
            clientId,
            start: starts[i % slotCount]!,
            now: now.toJSDate(),
            actor: { by: "client", clientId },
          });
          won++;
        } catch (error) {
          if (!String((error as Error).message).includes("just taken")) throw error;
        } finally {
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    return { won, seconds, p95: percentile(latencies, 95), p50: percentile(latencies, 50) };
  }

  const same = await round(1, 1);
  const spread = await round(50, 20);
  printTable(`Booking under contention (${ATTEMPTS} concurrent attempts, ${database.kind})`, [
    { figure: "same slot: successful bookings", measured: String(same.won), budget: "exactly 1", pass: same.won === 1 },
    { figure: "same slot: attempt p50", measured: ms(same.p50), budget: "-", pass: null },
    { figure: "same slot: attempt p95", measured: ms(same.p95), budget: "-", pass: null },
    { figure: "50 slots: successful bookings", measured: String(spread.won), budget: "exactly 50", pass: spread.won === 50 },
    { figure: "50 slots: successful bookings/s", measured: (spread.won / spread.seconds).toFixed(1), budget: "-", pass: null },
    { figure: "50 slots: attempt p95", measured: ms(spread.p95), budget: "-", pass: null },
  ]);
  if (same.won !== 1 || spread.won !== 50) process.exitCode = 1;
} finally {
  await drop();
}
