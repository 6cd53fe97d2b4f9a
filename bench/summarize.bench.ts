// Issue 19: importing a 3-hour FIT file with 1 s records (~11,000 points) takes ≤ 1 s of server
// time. This measures the part after reading: checking the points (validateActivity) and turning
// them into the run's figures, splits, series and route (summarizeActivity), on synthetic points
// shaped as a watch records them (the readers have their own bench). Pure, no database. The CPU
// time is printed beside the wall clock because the machine is shared.
import os from "node:os";
import { summarizeActivity } from "../src/server/activity-import/summarize";
import { syntheticRun } from "../src/server/activity-import/synthetic-activity.fixture";
import { validateActivity } from "../src/server/activity-import/validate";
import { measure, ms, percentile, printTable } from "./lib";

const parsed = syntheticRun({
  stretches: [{ seconds: 5400, speedMps: 3 }, { seconds: 120, speedMps: 0, gap: true }, { seconds: 5400, speedMps: 2.9 }],
  deviceDistance: true,
  heartRate: 150,
  cadenceSpm: 170,
  groundContactMs: 245,
  balanceLeft: 49.5,
  loopM: 2500,
  altitude: (d, i) => 30 + 15 * Math.sin(d / 800) + ((i * 7919) % 13) / 6,
});
const now = new Date("2026-12-01T00:00:00Z");
const both = () => {
  validateActivity(parsed, now);
  return summarizeActivity(parsed);
};

const { p50, p95 } = await measure(30, both, 5);
const cpu: number[] = [];
for (let i = 0; i < 30; i++) {
  const before = process.cpuUsage();
  both();
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
printTable(`Validating and summarizing a 3-hour run (${parsed.points.length} points)`, [
  { figure: "validate + summarize p50", measured: ms(p50), budget: "-", pass: null },
  { figure: "validate + summarize p95", measured: ms(p95), budget: "part of ≤ 1 s import", pass: p95 <= 1000 },
  { figure: "CPU time p95", measured: ms(percentile(cpu, 95)), budget: "-", pass: null },
  { figure: "load average (1 min)", measured: `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`, budget: "-", pass: null },
]);
