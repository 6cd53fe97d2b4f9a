import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { runFiles, runs } from "@/server/db/schema";
import type { ImportLine } from "@/lib/runs/import-lines";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { writeFitRun } from "@/server/seed/fit-writer";

// The import on real files, read by the real readers (in their worker thread): a FIT written by
// Garmin's own encoder with running dynamics, the GPX and TCX fixtures, the streamed zip, and a
// photo named .fit. Through run.import, the procedure the upload route calls.
const t = setupTestDatabase();
const FIXTURES = path.resolve("test/fixtures/activities");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const now = new Date("2026-12-01T12:00:00Z");

async function importFile(s: TestStudio, fileName: string, bytes: Uint8Array): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const line of await callerFor(t.db, s.clientA.userId, { now: () => now }).run.import({ fileName, bytes: new Uint8Array(bytes) })) lines.push(line);
  return lines;
}
const runsOf = (s: TestStudio) => t.db.select().from(runs).where(and(eq(runs.studioId, s.studioId), eq(runs.clientId, s.clientA.clientId)));

describe("importing real files", () => {
  it("a FIT with running dynamics becomes a run with its ground contact time and balance", async () => {
    const s = await createTestStudio(t.db, "real-fit");
    const lines = await importFile(s, "Morning_Run.fit", writeFitRun({ start: new Date("2026-10-05T06:30:00Z"), seconds: 1800 }));
    expect(lines[0]).toMatchObject({ file: "Morning_Run.fit", status: "imported" });
    expect(lines[0]!.sentence).toMatch(/^Imported: \d+\.\d+ km on Mon 5 Oct\.$/);
    const [run] = await runsOf(s);
    expect(run).toMatchObject({ source: "file", localDate: "2026-10-05" });
    expect(run!.avgGroundContactMs).toBeGreaterThan(100);
    expect(run!.groundContactBalanceLeft).toBeGreaterThan(40);
    expect(run!.distanceM).toBeGreaterThan(5000);
  });

  it("the GPX and TCX fixtures are runs; the same GPX again is recognised", async () => {
    const s = await createTestStudio(t.db, "real-xml");
    for (const name of ["garmin-connect-run.gpx", "strava-run-two-segments.gpx", "garmin-run-laps.tcx"]) {
      const lines = await importFile(s, name, fixture(name));
      expect(lines[0], name).toMatchObject({ file: name, status: "imported" });
    }
    expect(await runsOf(s)).toHaveLength(3);
    const again = await importFile(s, "copy.gpx", fixture("garmin-connect-run.gpx"));
    expect(again[0]).toMatchObject({ status: "already_imported" });
    expect(await runsOf(s)).toHaveLength(3);
  });

  it("a FIT and a GPX of the same run are one run with both files", async () => {
    const s = await createTestStudio(t.db, "real-fit-gpx");
    const gpx = await importFile(s, "garmin-connect-run.gpx", fixture("garmin-connect-run.gpx"));
    const [run] = await runsOf(s);
    // The watch's own FIT of that run: the same start, the same pace over the same time.
    const pace = (run!.durationS / run!.distanceM) * 1000;
    const fit = await importFile(s, "garmin-connect-run.fit", writeFitRun({ start: run!.startedAt, seconds: run!.durationS, paceSPerKm: pace }));
    expect(gpx[0]!.status).toBe("imported");
    expect(fit[0]).toMatchObject({ status: "joined_existing", runId: run!.id });
    expect(await t.db.select({ format: runFiles.format }).from(runFiles).where(eq(runFiles.runId, run!.id))).toHaveLength(2);
  });

  it("a zip's runs are imported one by one; a photo named .fit is refused by its name", async () => {
    const s = await createTestStudio(t.db, "real-zip");
    const lines = await importFile(s, "streamed-export.zip", fixture("streamed-export.zip"));
    expect(lines.filter((l) => l.status === "imported")).toHaveLength(3);
    expect(lines.at(-1)).toMatchObject({ file: "streamed-export.zip", status: "finished" });
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#888" } }).jpeg().toBuffer();
    const refused = await importFile(s, "holiday.fit", new Uint8Array(photo));
    expect(refused[0]).toMatchObject({ file: "holiday.fit", status: "refused" });
    expect(refused[0]!.sentence).toMatch(/^holiday\.fit: /);
    expect(await runsOf(s)).toHaveLength(3);
  });

  it("a GPX dated 2099 and one of a single point are refused, naming the file", async () => {
    const s = await createTestStudio(t.db, "real-bad");
    for (const name of ["dated-2099.gpx", "one-point.gpx", "xxe.gpx"]) {
      const lines = await importFile(s, name, fixture(name));
      expect(lines[0], name).toMatchObject({ file: name, status: "refused" });
      expect(lines[0]!.sentence.startsWith(`${name}: `)).toBe(true);
    }
    expect(await runsOf(s)).toHaveLength(0);
  });
});
