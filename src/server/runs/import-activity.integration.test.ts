import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { practiceSessions, runFiles, runReviews, runs, runTracks } from "@/server/db/schema";
import { streamExport } from "@/server/data-rights/export";
import { logRun, logSession } from "@/server/training/service";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { readRun } from "~test/run-import-fixtures";
import { sampleSession, withFoundation } from "~test/training-fixtures";
import { importReadRun } from "./import-activity";

const t = setupTestDatabase();
// The file's run starts at 07:00 UTC on Tuesday 3 November 2026; the import happens at noon.
const now = new Date("2026-11-03T12:00:00Z");

const importAs = (s: TestStudio, outcome: ReturnType<typeof readRun>, who: "clientA" | "clientB" = "clientA") => importReadRun(t.db, s.studioId, s[who].clientId, outcome, now);

async function runsOf(s: TestStudio, who: "clientA" | "clientB" = "clientA") {
  return t.db.select().from(runs).where(and(eq(runs.studioId, s.studioId), eq(runs.clientId, s[who].clientId)));
}
async function filesOf(runId: string) {
  return t.db.select({ fileName: runFiles.fileName, format: runFiles.format, sizeBytes: runFiles.sizeBytes }).from(runFiles).where(eq(runFiles.runId, runId));
}

describe("importing a run from a watch's file", () => {
  it("stores a new run with the file's figures, its track and the file itself", async () => {
    const s = await createTestStudio(t.db, "import");
    const outcome = readRun();
    const result = await importAs(s, outcome);
    expect(result).toMatchObject({ kind: "imported", fileName: "Morning_Run.fit", distanceM: 10_200 });
    const [run] = await runsOf(s);
    expect(run).toMatchObject({
      id: result.runId,
      source: "file",
      startedAt: new Date("2026-11-03T07:00:00Z"),
      localDate: "2026-11-03",
      distanceM: 10_200,
      durationS: 3100,
      elapsedS: 3200,
      elevationGainM: 42,
      avgHeartRate: 151,
      maxHeartRate: 178,
      avgCadenceSpm: 172,
      avgGroundContactMs: 248,
      groundContactBalanceLeft: 49.6,
      avgVerticalOscillationMm: 84,
      avgStrideLengthMm: 1120,
      device: "Garmin Forerunner 255",
      effort: null,
      hasPain: false,
    });
    expect(await filesOf(result.runId)).toEqual([{ fileName: "Morning_Run.fit", format: "fit", sizeBytes: 2048 }]);
    const [track] = await t.db.select().from(runTracks).where(eq(runTracks.runId, result.runId));
    expect(track!.data).toEqual(outcome.track);
    const [stored] = await t.db.select({ bytes: runFiles.bytes }).from(runFiles).where(eq(runFiles.runId, result.runId));
    expect(new Uint8Array(stored!.bytes)).toEqual(outcome.bytes);
  });

  it("dates the run on the client's own calendar: 23:30 in New York is the day before in UTC's terms", async () => {
    const s = await createTestStudio(t.db, "import-zone");
    await t.db.execute(sql`update users set time_zone = 'America/New_York' where id = ${s.clientA.userId}`);
    const result = await importAs(s, readRun({ summary: { startedAt: new Date("2026-11-03T04:30:00Z") } }));
    const [run] = await runsOf(s);
    expect(run!.id).toBe(result.runId);
    expect(run!.localDate).toBe("2026-11-02");
  });

  it("the same file twice is one run: the second time says it was already imported and writes nothing", async () => {
    const s = await createTestStudio(t.db, "import-twice");
    const outcome = readRun();
    const first = await importAs(s, outcome);
    const second = await importAs(s, { ...outcome, fileName: "copy of Morning_Run.fit" });
    expect(second).toMatchObject({ kind: "already_imported", runId: first.runId, distanceM: 10_200 });
    expect(await runsOf(s)).toHaveLength(1);
    expect(await filesOf(first.runId)).toHaveLength(1);
  });

  it("the same bytes are another client's own import: each has their run", async () => {
    const s = await createTestStudio(t.db, "import-two-clients");
    const outcome = readRun();
    const a = await importAs(s, outcome, "clientA");
    const b = await importAs(s, outcome, "clientB");
    expect(b.kind).toBe("imported");
    expect(b.runId).not.toBe(a.runId);
  });

  it("the FIT and a GPX of the same run are one run with two files; its figures stay the first file's", async () => {
    const s = await createTestStudio(t.db, "import-fit-gpx");
    const fit = await importAs(s, readRun());
    // The phone app's export starts 40 s later (it waited for GPS) and measures 1.5 % less.
    const gpx = await importAs(s, readRun({ fileName: "Morning_Run.gpx", format: "gpx", summary: { startedAt: new Date("2026-11-03T07:00:40Z"), distanceM: 10_050, avgGroundContactMs: null } }));
    expect(gpx).toMatchObject({ kind: "joined_existing", runId: fit.runId, distanceM: 10_200 });
    const [run] = await runsOf(s);
    expect(run).toMatchObject({ distanceM: 10_200, avgGroundContactMs: 248, startedAt: new Date("2026-11-03T07:00:00Z") });
    expect((await filesOf(fit.runId)).map((f) => f.format).sort()).toEqual(["fit", "gpx"]);
  });

  it("a run 10 minutes after another is a run of its own", async () => {
    const s = await createTestStudio(t.db, "import-two-runs");
    await importAs(s, readRun());
    const later = await importAs(s, readRun({ summary: { startedAt: new Date("2026-11-03T08:10:00Z"), distanceM: 3000, movingS: 900, elapsedS: 900 } }));
    expect(later.kind).toBe("imported");
    expect(await runsOf(s)).toHaveLength(2);
  });

  it("a run the client typed before takes the watch's figures and keeps its effort, pain, note, warm-up and review", async () => {
    const s = await createTestStudio(t.db, "import-typed");
    const typedId = randomUUID();
    // Typed as "about 10 km at half past seven" (the watch says 07:00, 10.2 km).
    await logRun(
      t.db,
      s.studioId,
      s.clientA.clientId,
      { id: typedId, startedAt: new Date("2026-11-03T07:30:00Z"), distance: { value: 10, unit: "km" }, durationSeconds: 3300, effort: 7, hasPain: true, painWhere: "Left calf", note: "Windy by the river." },
      now,
    );
    const drills = await withFoundation(t.db, s, "clientA", now);
    const warmUp = sampleSession(drills, now, { performedAt: new Date("2026-11-03T06:40:00Z"), context: "warmup_before_run", runId: typedId });
    await logSession(t.db, s.studioId, s.clientA.clientId, warmUp, now);
    await callerFor(t.db, s.trainer.userId, { now: () => now }).review.acknowledgeRun({ runId: typedId, feedback: "Ease off the calf for two days." });

    const result = await importAs(s, readRun());
    expect(result).toMatchObject({ kind: "merged_with_typed", runId: typedId, typedStartedAt: new Date("2026-11-03T07:30:00Z"), distanceM: 10_200 });
    const all = await runsOf(s);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: typedId,
      source: "file",
      startedAt: new Date("2026-11-03T07:00:00Z"),
      distanceM: 10_200,
      durationS: 3100,
      elapsedS: 3200,
      avgGroundContactMs: 248,
      effort: 7,
      hasPain: true,
      painWhere: "Left calf",
      note: "Windy by the river.",
    });
    const [session] = await t.db.select({ runId: practiceSessions.runId }).from(practiceSessions).where(eq(practiceSessions.id, warmUp.id));
    expect(session!.runId).toBe(typedId);
    const [review] = await t.db.select({ feedback: runReviews.feedback }).from(runReviews).where(eq(runReviews.runId, typedId));
    expect(review!.feedback).toBe("Ease off the calf for two days.");
    expect(await t.db.select({ runId: runTracks.runId }).from(runTracks).where(eq(runTracks.runId, typedId))).toHaveLength(1);
    expect(await filesOf(typedId)).toHaveLength(1);
  });

  it("a typed run of another day, or far off in distance, is left as it is", async () => {
    const s = await createTestStudio(t.db, "import-typed-far");
    await logRun(t.db, s.studioId, s.clientA.clientId, { id: randomUUID(), startedAt: new Date("2026-11-03T07:15:00Z"), distance: { value: 5, unit: "km" }, durationSeconds: 1500, effort: 5, hasPain: false, painWhere: null, note: null }, now);
    const result = await importAs(s, readRun());
    expect(result.kind).toBe("imported");
    expect((await runsOf(s)).map((r) => r.source).sort()).toEqual(["file", "typed"]);
  });

  it("two uploads of the same file at once make one run and one file", async () => {
    const s = await createTestStudio(t.db, "import-race");
    const outcome = readRun();
    const results = await Promise.all([importAs(s, outcome), importAs(s, outcome), importAs(s, outcome)]);
    expect(results.map((r) => r.kind).sort()).toEqual(["already_imported", "already_imported", "imported"]);
    expect(new Set(results.map((r) => r.runId)).size).toBe(1);
    expect(await runsOf(s)).toHaveLength(1);
    expect(await filesOf(results[0]!.runId)).toHaveLength(1);
  });

  it("the FIT and the GPX of one run uploaded at once make one run with both files", async () => {
    const s = await createTestStudio(t.db, "import-race-two");
    const [a, b] = await Promise.all([importAs(s, readRun()), importAs(s, readRun({ fileName: "Morning_Run.gpx", format: "gpx", summary: { distanceM: 10_100 } }))]);
    expect([a!.kind, b!.kind].sort()).toEqual(["imported", "joined_existing"]);
    expect(a!.runId).toBe(b!.runId);
    expect(await runsOf(s)).toHaveLength(1);
    expect(await filesOf(a!.runId)).toHaveLength(2);
  });

  it("refuses a file whose figures cannot be a run, naming the file, and writes nothing", async () => {
    const s = await createTestStudio(t.db, "import-bad");
    await expect(importAs(s, readRun({ fileName: "walk.gpx", summary: { distanceM: 0 } }))).rejects.toThrow(/^walk\.gpx: /);
    await expect(importAs(s, readRun({ fileName: "future.fit", summary: { startedAt: new Date("2099-01-01T00:00:00Z") } }))).rejects.toThrow(/^future\.fit: .*future/);
    expect(await runsOf(s)).toHaveLength(0);
  });

  it("leaves out a figure a sensor got wrong rather than refusing the run", async () => {
    const s = await createTestStudio(t.db, "import-odd");
    const result = await importAs(s, readRun({ summary: { avgHeartRate: 400, groundContactBalanceLeft: 12, elapsedS: 10 } }));
    const [run] = await runsOf(s);
    expect(run).toMatchObject({ id: result.runId, avgHeartRate: null, groundContactBalanceLeft: null, elapsedS: 3100 });
  });
});

describe("an imported run in the client's data", () => {
  it("the export has the watch's columns in runs.csv and each original file under run-files/", async () => {
    const s = await createTestStudio(t.db, "import-export");
    const fit = readRun();
    const gpxBytes = new Uint8Array(randomBytes(700));
    const first = await importAs(s, fit);
    await importAs(s, readRun({ fileName: "Morning_Run.gpx", format: "gpx", bytes: gpxBytes, summary: { startedAt: new Date("2026-11-03T07:00:30Z") } }));
    const { scope } = await callerFor(t.db, s.clientA.userId).dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, now)) parts.push(part);
    const zip = unzipSync(Buffer.concat(parts));
    const csv = strFromU8(zip["runs.csv"]!).split("\r\n");
    const header = csv[0]!.split(",");
    for (const column of ["source", "elapsed_s", "elevation_gain_m", "avg_heart_rate", "max_heart_rate", "avg_cadence_spm", "avg_ground_contact_ms", "ground_contact_balance_left", "avg_vertical_oscillation_mm", "avg_stride_length_mm", "device", "file_names"]) {
      expect(header).toContain(column);
    }
    const row = csv.find((line) => line.startsWith(first.runId))!;
    const cell = (name: string) => row.split(",")[header.indexOf(name)];
    expect([cell("source"), cell("elapsed_s"), cell("avg_ground_contact_ms"), cell("ground_contact_balance_left"), cell("device")]).toEqual(["file", "3200", "248", "49.6", "Garmin Forerunner 255"]);
    const names = cell("file_names")!.split("; ");
    expect(names).toHaveLength(2);
    expect(names.every((n) => /^run-files\/2026-11-03-[0-9a-f]{8}-Morning_Run\.(fit|gpx)$/.test(n))).toBe(true);
    expect(zip[names.find((n) => n.endsWith(".fit"))!]).toEqual(fit.bytes);
    expect(zip[names.find((n) => n.endsWith(".gpx"))!]).toEqual(gpxBytes);
    // The other client's export holds none of them.
    const { scope: other } = await callerFor(t.db, s.clientB.userId).dataRights.myExport();
    const otherParts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, other, now)) otherParts.push(part);
    expect(Object.keys(unzipSync(Buffer.concat(otherParts))).filter((n) => n.startsWith("run-files/"))).toEqual([]);
  });

  it("the client's deletion removes the run, its files and its track", async () => {
    const s = await createTestStudio(t.db, "import-delete");
    const { runId } = await importAs(s, readRun());
    // Another file of the same run is no second run in what the deletion says it removes.
    await importAs(s, readRun({ fileName: "Morning_Run.gpx", format: "gpx", summary: { startedAt: new Date("2026-11-03T07:00:20Z") } }));
    const preview = await callerFor(t.db, s.owner.userId).dataRights.deletionPreview({ clientId: s.clientA.clientId });
    expect(preview).toMatchObject({ runs: 1 });
    await callerFor(t.db, s.owner.userId).dataRights.deleteClient({ clientId: s.clientA.clientId, confirmName: s.clientA.name });
    expect(await t.db.select().from(runs).where(eq(runs.id, runId))).toEqual([]);
    expect(await t.db.select({ id: runFiles.id }).from(runFiles).where(eq(runFiles.runId, runId))).toEqual([]);
    expect(await t.db.select({ id: runTracks.runId }).from(runTracks).where(eq(runTracks.runId, runId))).toEqual([]);
  });
});
