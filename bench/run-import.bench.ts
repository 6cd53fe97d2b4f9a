// Issue 19: importing a 3-hour FIT file with 1 s records (~11,000 points) takes ≤ 1 s of server
// time, and a 50-file zip (a month and a half of a watch's runs) ≤ 30 s. Measured through the
// import procedure the upload route calls (run.import: read and summarized in the readers' worker thread,
// matched and stored in one transaction per file), on a fresh embedded database; the HTTP
// layer around it only counts the body's bytes. Each import is a new run (its own start), so
// every one writes.
//   npx tsx bench/run-import.bench.ts
// Here (2 shared cores, load ~1.9, readers in their worker): 3-hour FIT p50 ~128 ms, p95 ~171 ms;
// the 50-file zip ~1.5 s.
import os from "node:os";
import { zipSync } from "fflate";
import { openPglite } from "../src/server/db/client";
import { createTestStudio } from "../test/factories";
import { callerFor } from "../test/caller";
import { writeFitRun } from "../src/server/seed/fit-writer";
import { measure, ms, printTable } from "./lib";

const database = await openPglite();
await database.migrate();
const studio = await createTestStudio(database.db, "bench-import");
const caller = callerFor(database.db, studio.clientA.userId, { now: () => new Date("2026-12-01T12:00:00Z") });

const DAY = 86_400_000;
let day = 0;
/** A fresh run's file: its own day, so it is never matched to the one before. */
const fitOn = (seconds: number) => writeFitRun({ start: new Date(Date.UTC(2024, 0, 1) + day++ * DAY + 7 * 3_600_000), seconds });

async function importFile(fileName: string, bytes: Uint8Array) {
  const kinds: string[] = [];
  for await (const line of await caller.run.import({ fileName, bytes: new Uint8Array(bytes) })) kinds.push(line.status);
  return kinds;
}

// A 3-hour run, 1 s records: written ahead (the SDK's encoder is not the server's time).
const longRuns = Array.from({ length: 13 }, () => fitOn(3 * 3600));
const first = await importFile("long.fit", longRuns[0]!);
if (first[0] !== "imported") throw new Error(`The 3-hour FIT was not imported: ${first.join(", ")}`);
let next = 1;
const long = await measure(10, () => importFile("long.fit", longRuns[next++]!), 2);

// 50 runs of 45 minutes in one zip.
const zip = zipSync(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`activities/run-${i + 1}.fit`, fitOn(45 * 60)])));
const zipStarted = performance.now();
const zipKinds = await importFile("export.zip", zip);
const zipMs = performance.now() - zipStarted;
const imported = zipKinds.filter((k) => k === "imported").length;

printTable(`Importing runs from a watch (PGlite, ${(longRuns[0]!.length / 1024).toFixed(0)} KB 3-hour FIT; ${(zip.length / 1024 / 1024).toFixed(1)} MB zip)`, [
  { figure: "3-hour FIT, p50", measured: ms(long.p50), budget: "-", pass: null },
  { figure: "3-hour FIT, p95", measured: ms(long.p95), budget: "≤ 1000 ms", pass: long.p95 <= 1000 },
  { figure: `50-file zip (${imported} imported)`, measured: ms(zipMs), budget: "≤ 30000 ms", pass: zipMs <= 30_000 && imported === 50 },
  { figure: "load average (1 min)", measured: `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`, budget: "-", pass: null },
]);
await database.close();
process.exit(0);
