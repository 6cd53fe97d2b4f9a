// The client's Today (the portal's home page call) and applying a program to many clients at
// once, on an embedded database seeded with a studio of realistic size: 200 clients, each on
// Runner's foundation plus two studio drills with a few changes of prescription in history.
// Budgets are ours (the issue sets none): Today p95 ≤ 25 ms, applying to 50 clients ≤ 1.5 s.
import { randomUUID } from "node:crypto";
import { openPglite } from "../src/server/db/client";
import { clients, studioMembers, studios, users } from "../src/server/db/schema";
import { applyProgram, changeAssignment, listClientAssignments, todayFor } from "../src/server/drills/assignments";
import { createProgram } from "../src/server/drills/programs";
import { createDrill, listDrills } from "../src/server/drills/service";
import { measure, ms, printTable } from "./lib";

const database = await openPglite();
await database.migrate();
const db = database.db;

const [studio] = await db.insert(studios).values({ name: "Bench studio", slug: `bench-${randomUUID()}` }).returning();
const studioId = studio!.id;
const [coachUser] = await db.insert(users).values({ email: `coach-${randomUUID()}@bench.test`, name: "Coach" }).returning();
const [coach] = await db.insert(studioMembers).values({ studioId, userId: coachUser!.id, role: "owner" }).returning();
const memberId = coach!.id;

const CLIENTS = 200;
const zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo"];
const clientIds: string[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const [user] = await db.insert(users).values({ email: `runner-${i}-${randomUUID().slice(0, 6)}@bench.test`, name: `Runner ${i}`, timeZone: zones[i % zones.length]! }).returning();
  const [client] = await db.insert(clients).values({ studioId, userId: user!.id, coachId: memberId, name: `Runner ${i}`, email: user!.email }).returning();
  clientIds.push(client!.id);
}

const library = await listDrills(db, studioId);
const extra = [];
for (const name of ["Calf raise", "Bounding"]) {
  extra.push(
    await createDrill(db, studioId, memberId, {
      name,
      purpose: "",
      steps: ["Do it."],
      cues: [],
      equipment: [],
      level: "intermediate",
      measure: "reps",
      perSide: true,
      recordsContactFeel: false,
      videoUrl: null,
      defaultPrescription: { sets: 2, targetPerSide: null, repMin: 10, repMax: 12, schedule: { daily: true, beforeRun: false } },
    }),
  );
}
const program = await createProgram(db, studioId, memberId, {
  name: "Bench program",
  description: "",
  items: [...library, ...extra].map((d) => ({ drillId: d.id, prescription: d.defaultPrescription })),
});

const now = new Date("2026-03-10T08:00:00Z");
const applyStart = performance.now();
const applied = await applyProgram(db, studioId, memberId, { programId: program.id, clientIds: clientIds.slice(0, 50), startDate: "2026-03-01" }, now);
const applyMs = performance.now() - applyStart;
await applyProgram(db, studioId, memberId, { programId: program.id, clientIds: clientIds.slice(50), startDate: "2026-03-01" }, now);
// Some history: three changes of prescription on one drill for every client.
for (const clientId of clientIds) {
  const list = await listClientAssignments(db, studioId, clientId);
  const rotations = list.find((a) => a.drill.name === "Back Rotations")!;
  for (let v = 0; v < 3; v++) {
    await changeAssignment(db, studioId, memberId, { assignmentId: rotations.id, prescription: { ...rotations.prescription, repMin: 15 + v, repMax: 20 + v } }, now);
  }
}

let i = 0;
const today = await measure(300, () => todayFor(db, studioId, clientIds[i++ % CLIENTS]!, now), 30);
const trainerView = await measure(100, () => listClientAssignments(db, studioId, clientIds[i++ % CLIENTS]!), 10);
await database.close();

printTable(`Drills (${CLIENTS} clients × 5 assignments, 3 changes each on one; PGlite in memory)`, [
  { figure: "portal Today p50", measured: ms(today.p50), budget: "-", pass: null },
  { figure: "portal Today p95", measured: ms(today.p95), budget: "≤ 25 ms", pass: today.p95 <= 25 },
  { figure: "client's assignments + history p95", measured: ms(trainerView.p95), budget: "-", pass: null },
  { figure: `apply 5-drill program to 50 clients (${applied.created} rows)`, measured: ms(applyMs), budget: "≤ 1500 ms", pass: applyMs <= 1500 },
]);
