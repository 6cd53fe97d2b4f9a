import { inStudioSql } from "@/server/db/tenancy";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Queryable } from "@/server/db/client";
import { assignments, assignmentVersions, clients, drills, users } from "@/server/db/schema";
import { addDays, localDateIn } from "@/lib/local-date";
import { recordUnlocksFor } from "@/server/drills/locks";
import { insertPractice, insertRuns, markReviewedBefore, type PracticeRecord, type RunRecord } from "./practice-history";
import type { SeededStudio } from "./studio";
import { readUpload } from "@/server/activity-import/read";
import { importReadRun } from "@/server/runs/import-activity";
import { writeFitRun } from "./fit-writer";
import { seededRandom } from "./random";

/**
 * Logged history so Progress has something to show (written straight into the tables, as
 * issue 5's logging would have stored it):
 * - Alex: six weeks; Knee Drive holds improving with the right side ~20% behind (flagged),
 *   Back Rotations, runs three times a week; two sparse weeks first, then near-daily drills,
 *   so the drills-and-running summary has enough weeks on each side.
 * - Bea: four weeks; Knee Drive near the mastery rule (3 of the 5 days needed this week).
 * - Eli: four weeks; met the Knee Drive rule this week, so Hopping unlocked by itself.
 * - Dana: Hopping (unlocked early by Morgan) logged as warm-ups before her runs, which come from
 *   her watch: ground contact time shortening over the weeks, left/right balance near even.
 */
/** How many of Dana's runs the demo imports from watch files (each a FIT of its own). */
const DANA_IMPORTED_RUNS = 4;

/** Her usual loop (a lobed circuit of 3.3 km round a park in Brooklyn), where the writer would draw a straight line. */
function lapOfThePark(record: { lat?: number; lon?: number; distanceM: number }) {
  if (record.lat === undefined) return {};
  const centre = { lat: 40.6602, lon: -73.969 };
  const circuitM = 3300;
  const angle = (2 * Math.PI * record.distanceM) / circuitM;
  const radiusM = (circuitM / (2 * Math.PI)) * (1 + 0.18 * Math.sin(3 * angle));
  const metresPerDegree = 111_320;
  return {
    lat: centre.lat + (radiusM * Math.sin(angle)) / metresPerDegree,
    lon: centre.lon + (radiusM * Math.cos(angle)) / (metresPerDegree * Math.cos((centre.lat * Math.PI) / 180)),
  };
}

/** One run as Dana's watch would have written it, imported through the app's own reader and store. */
async function importDemoRun(db: Queryable, run: RunRecord, watch: { groundContactMs: number; balanceLeft: number }, now: Date) {
  const bytes = writeFitRun({
    start: run.startedAt,
    seconds: run.durationS,
    paceSPerKm: (run.durationS / run.distanceM) * 1000,
    runningDynamics: true,
    // Her stance as the seeded weeks have it, with the wobble of a real foot strike.
    mapRecord: (record, i) => ({ ...record, ...lapOfThePark(record), stanceTimeMs: record.stanceTimeMs === undefined ? undefined : watch.groundContactMs + ((i * 7) % 11) - 5, stanceTimeBalance: record.stanceTimeBalance === undefined ? undefined : watch.balanceLeft }),
  });
  for await (const line of readUpload(`Dana_Run_${run.localDate}.fit`, bytes, now)) {
    if (!line.ok) throw new Error(`The demo's watch file could not be read: ${line.reason}`);
    await importReadRun(db, run.studioId, run.clientId, line, now);
  }
}

export async function seedProgression(db: Queryable, studio: SeededStudio, now = new Date()) {
  const { studioId } = studio;
  const drillId = async (slug: string) => {
    const [row] = await db.select({ id: drills.id }).from(drills).where(and(eq(drills.studioId, studioId), eq(drills.slug, slug)));
    return row!.id;
  };
  const knee = await drillId("knee-drive");
  const back = await drillId("back-rotations");
  const hop = await drillId("hopping");
  const random = seededRandom(20260324);
  const practice: PracticeRecord[] = [];
  const runRecords: RunRecord[] = [];

  const clientOf = async (email: string, weeksBack: number) => {
    const clientId = studio.clientIdByEmail.get(email)!;
    const [row] = await db.select({ timeZone: users.timeZone }).from(clients).innerJoin(users, eq(users.id, clients.userId)).where(eq(clients.id, clientId));
    const timeZone = row!.timeZone;
    const today = localDateIn(now, timeZone);
    const start = addDays(today, -7 * weeksBack);
    // Their program started when the history does (the drills seed started it two weeks ago).
    const rows = await db
      .select({ assignmentId: assignments.id, drillId: assignments.drillId, versionId: assignmentVersions.id, version: assignmentVersions.version })
      .from(assignments)
      .innerJoin(assignmentVersions, eq(assignmentVersions.assignmentId, assignments.id))
      .where(and(eq(assignments.studioId, studioId), eq(assignments.clientId, clientId)));
    const firstVersions = rows.filter((r) => r.version === 1).map((r) => r.versionId);
    if (firstVersions.length) await db.update(assignmentVersions).set({ startDate: start }).where(inArray(assignmentVersions.id, firstVersions));
    const versionOf = (drill: string) => rows.filter((r) => r.drillId === drill).sort((a, b) => b.version - a.version)[0]!.versionId;
    const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toJSDate();
    return { clientId, timeZone, today, start, versionOf, at };
  };
  type Client = Awaited<ReturnType<typeof clientOf>>;
  const weekday = (date: string) => DateTime.fromISO(date, { zone: "utc" }).weekday; // 1 = Monday

  const holdEntries = (c: Client, left: number, right: number) => [
    { drillId: knee, assignmentVersionId: c.versionOf(knee), side: "left" as const, value: round1(left) },
    { drillId: knee, assignmentVersionId: c.versionOf(knee), side: "right" as const, value: round1(right) },
  ];
  const rotationEntries = (c: Client) => {
    const reps = 15 + Math.floor(random() * 6);
    return [
      { drillId: back, assignmentVersionId: c.versionOf(back), side: "left" as const, value: reps },
      { drillId: back, assignmentVersionId: c.versionOf(back), side: "right" as const, value: Math.max(12, reps - Math.floor(random() * 3)) },
    ];
  };
  const run = (c: Client, date: string, km: number, paceSeconds: number, effort: number, hasPain: boolean, warmUp: PracticeRecord["entries"] | null, watch: Partial<RunRecord> = {}) => {
    const id = randomUUID();
    const startedAt = c.at(date, "18:00");
    runRecords.push({
      id,
      studioId,
      clientId: c.clientId,
      startedAt,
      localDate: date,
      distanceM: Math.round(km * 1000),
      durationS: Math.round(km * paceSeconds),
      effort,
      hasPain,
      painWhere: hasPain ? "left shin" : null,
      ...watch,
    });
    if (warmUp) practice.push({ studioId, clientId: c.clientId, performedAt: c.at(date, "17:45"), localDate: date, runId: id, entries: warmUp });
  };

  // Alex: sparse drills for two weeks, then near-daily; the right side lags about 20%.
  const alex = await clientOf("alex@stride.test", 6);
  for (let date = alex.start; date < alex.today; date = addDays(date, 1)) {
    const day = weekday(date);
    const progress = DAYS(alex.start, date);
    const isSparse = progress < 14;
    const doesDrills = isSparse ? day === 1 || day === 3 || day === 6 : day !== 7 || random() < 0.3;
    if (doesDrills) {
      const left = 17 + progress * 0.4 + random() * 3;
      practice.push({ studioId, clientId: alex.clientId, performedAt: alex.at(date, "07:15"), localDate: date, entries: [...holdEntries(alex, left, left * (0.78 + random() * 0.04)), ...rotationEntries(alex)] });
    }
    if (day === 2 || day === 4 || day === 7) {
      const km = day === 7 ? 10 + random() * 2 : 5 + random() * 2;
      const pace = (isSparse ? 352 : 336) + random() * 10 - (day === 7 ? -8 : 0);
      const hasPain = isSparse ? day !== 4 : progress === 30;
      run(alex, date, km, pace, day === 7 ? 7 : 5, hasPain, isSparse ? null : rotationEntries(alex));
    }
  }

  // Bea: steady, just short of the rule: 3 qualifying days in the last 7 (5 needed).
  const bea = await clientOf("bea@stride.test", 4);
  for (let date = bea.start; date < bea.today; date = addDays(date, 1)) {
    const daysAgo = DAYS(date, bea.today);
    if (weekday(date) === 7 && daysAgo > 7) continue;
    const qualifies = daysAgo === 1 || daysAgo === 3 || daysAgo === 4;
    const base = qualifies ? 31 + random() * 2 : Math.min(29.5, 22 + (28 - daysAgo) * 0.3 + random() * 2);
    practice.push({ studioId, clientId: bea.clientId, performedAt: bea.at(date, "06:50"), localDate: date, entries: [...holdEntries(bea, base + 0.5, base), ...rotationEntries(bea)] });
    if (weekday(date) === 3 || weekday(date) === 6) run(bea, date, 6 + random() * 3, 330 + random() * 15, 6, false, rotationEntries(bea));
  }

  // Eli: over 30 s on both sides on the last five days: the rule is met and Hopping opens.
  const eli = await clientOf("eli@stride.test", 4);
  for (let date = eli.start; date < eli.today; date = addDays(date, 1)) {
    const daysAgo = DAYS(date, eli.today);
    if (daysAgo > 5 && weekday(date) === 7) continue;
    const hold = daysAgo <= 5 ? 32 + random() * 4 : 22 + (28 - daysAgo) * 0.35 + random() * 2;
    practice.push({ studioId, clientId: eli.clientId, performedAt: eli.at(date, "08:00"), localDate: date, entries: [...holdEntries(eli, hold + random(), hold), ...rotationEntries(eli)] });
    if (weekday(date) === 2 || weekday(date) === 5) run(eli, date, 7 + random() * 2, 320 + random() * 15, 6, false, rotationEntries(eli));
  }

  // Dana: Hopping (unlocked early) as a warm-up before each run, ground contacts per side.
  const dana = await clientOf("dana@stride.test", 3);
  for (let date = dana.start; date < dana.today; date = addDays(date, 1)) {
    const progress = DAYS(dana.start, date);
    practice.push({ studioId, clientId: dana.clientId, performedAt: dana.at(date, "07:00"), localDate: date, entries: [...holdEntries(dana, 24 + progress * 0.15 + random() * 3, 23 + progress * 0.15 + random() * 3), ...rotationEntries(dana)] });
    if (weekday(date) % 2 === 1) {
      const contacts = 20 + Math.floor(progress / 3);
      // From her watch (no random draws: the other clients' history stays as it was).
      const watch = { source: "file" as const, avgCadenceSpm: 174 + (progress % 4), avgGroundContactMs: Math.round(268 - progress * 0.8), groundContactBalanceLeft: round1(50.6 + (progress % 3) * 0.2) };
      run(dana, date, 8 + random() * 4, 300 + random() * 12, 7, false, [
        ...rotationEntries(dana),
        { drillId: hop, assignmentVersionId: dana.versionOf(hop), side: "left", value: contacts, contactFeel: "short" },
        { drillId: hop, assignmentVersionId: dana.versionOf(hop), side: "right", value: contacts - 1, contactFeel: "medium" },
      ], watch);
    }
  }

  // Her last few runs come in as a watch's files do, through the import (a FIT file written
  // by Garmin's encoder, read and stored by the app's own path): typed first, the file then
  // gives each its figures, its track and the file itself, as for a client who typed a run
  // before importing it.
  const fromFiles = runRecords.filter((r) => r.clientId === dana.clientId && r.source === "file").slice(-DANA_IMPORTED_RUNS);
  const watchOf = new Map(fromFiles.map((r) => [r.id!, { groundContactMs: r.avgGroundContactMs!, balanceLeft: r.groundContactBalanceLeft! }]));
  for (const r of fromFiles) Object.assign(r, { source: "typed", avgCadenceSpm: null, avgGroundContactMs: null, groundContactBalanceLeft: null });

  await insertRuns(db, runRecords);
  await insertPractice(db, practice);
  for (const r of fromFiles) await importDemoRun(db, r, watchOf.get(r.id!)!, now);
  await markReviewedBefore(db, studioId, [alex, bea, eli, dana].map((c) => c.clientId), new Date(now.getTime() - 3 * 86_400_000));
  // As the logging service does after each session: Eli's automatic unlock is recorded.
  for (const c of [alex, bea, eli, dana]) await recordUnlocksFor(db, studioId, c.clientId, c.today);
}

const DAYS = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const round1 = (n: number) => Math.round(n * 10) / 10;
