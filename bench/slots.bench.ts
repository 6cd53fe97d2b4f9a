// Issue: slot generation for 8 weeks for one trainer with 100 bookings across a DST change,
// budget p95 ≤ 5 ms. Pure function, so it runs without a database.
import { generateSlots } from "../src/server/booking/slots";
import { buildSlotsBenchInput } from "../src/server/booking/slots.bench-fixture";
import { measure, ms, printTable } from "./lib";

const input = buildSlotsBenchInput();
const slotCount = generateSlots(input).length;
const { p50, p95 } = await measure(500, () => generateSlots(input), 50);
printTable(`Slot generation (8 weeks, ${input.existingBookings.length} bookings, ${slotCount} slots, DST change)`, [
  { figure: "generateSlots p50", measured: ms(p50), budget: "-", pass: null },
  { figure: "generateSlots p95", measured: ms(p95), budget: "≤ 5 ms", pass: p95 <= 5 },
]);
