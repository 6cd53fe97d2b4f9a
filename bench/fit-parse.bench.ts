// Issue 19: importing a 3-hour FIT file with 1 s records (~11,000 points) takes ≤ 1 s of server
// time. This measures the first part of that import alone, reading the file with Garmin's SDK
// into points (parseFit), so the summary and the store keep the rest of the second for
// themselves. Pure, no database. The CPU time is printed beside the wall clock because the
// machine is shared.
import os from "node:os";
import { parseFit } from "../src/server/activity-import/fit";
import { writeFitRun } from "../src/server/seed/fit-writer";
import { measure, ms, percentile, printTable } from "./lib";

const started = performance.now();
const bytes = writeFitRun({ seconds: 3 * 3600, pause: { afterS: 5400, forS: 120 } });
const encodeMs = performance.now() - started;
const points = parseFit(bytes).points.length;

const { p50, p95 } = await measure(30, () => parseFit(bytes), 5);
const cpu: number[] = [];
for (let i = 0; i < 30; i++) {
  const before = process.cpuUsage();
  parseFit(bytes);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
printTable(`Reading a 3-hour FIT file (${(bytes.length / 1024).toFixed(0)} KB, ${points} points)`, [
  { figure: "parseFit p50", measured: ms(p50), budget: "-", pass: null },
  { figure: "parseFit p95", measured: ms(p95), budget: "part of ≤ 1 s import", pass: p95 <= 1000 },
  { figure: "CPU time per parse p95", measured: ms(percentile(cpu, 95)), budget: "-", pass: null },
  { figure: "writing the file (SDK encoder, once)", measured: ms(encodeMs), budget: "-", pass: null },
  { figure: "load average (1 min)", measured: `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`, budget: "-", pass: null },
]);
