// Issue: slot generation for 8 weeks for one trainer with 100 bookings across a DST change,
// budget p95 ≤ 5 ms. Pure function, so it runs without a database. The wall-clock p95 is
// the budgeted figure; on a shared machine it includes time the process was not scheduled,
// so the CPU time the calls used and the load average are printed beside it.
import os from "node:os";
import { generateSlots } from "../src/server/booking/slots";
import { buildSlotsBenchInput } from "../src/server/booking/slots.bench-fixture";
import { measure, ms, percentile, printTable } from "./lib";

const input = buildSlotsBenchInput();
const slotCount = generateSlots(input).length;
const { p50, p95 } = await measure(500, () => generateSlots(input), 50);
const cpu: number[] = [];
for (let i = 0; i < 500; i++) {
  const before = process.cpuUsage();
  generateSlots(input);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
printTable(`Slot generation (8 weeks, ${input.existingBookings.length} bookings, ${slotCount} slots, DST change)`, [
  { figure: "generateSlots p50", measured: ms(p50), budget: "-", pass: null },
  { figure: "generateSlots p95", measured: ms(p95), budget: "≤ 5 ms", pass: p95 <= 5 },
  { figure: "CPU time per call p95", measured: ms(percentile(cpu, 95)), budget: "-", pass: null },
  { figure: "load average (1 min)", measured: `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`, budget: "-", pass: null },
]);
