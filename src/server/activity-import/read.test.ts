import fs from "node:fs";
import { strToU8, zipSync } from "fflate";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { writeFitRun } from "@/server/seed/fit-writer";
import { readActivityUpload, stopActivityReader } from "./index";
import { readUpload, type UploadLine } from "./read";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(`test/fixtures/activities/${name}`));
const NOW = new Date("2026-12-02T12:00:00Z");

async function all(lines: AsyncIterable<UploadLine>) {
  const out: UploadLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}
const said = (lines: UploadLine[]) => lines.map((l) => (l.ok ? `${l.fileName}: ${l.format} ${l.summary.distanceM} m` : `${l.fileName}: ${l.reason}`));

afterAll(() => stopActivityReader());

describe("reading an upload", () => {
  it("reads a FIT with running dynamics, a GPX and a TCX, each as a run", async () => {
    const fit = writeFitRun({ start: new Date("2026-11-28T07:00:00Z"), seconds: 1800, runningDynamics: true });
    const [fromFit] = await all(readUpload("Morning_Run.fit", fit, NOW));
    expect(fromFit).toMatchObject({ ok: true, format: "fit" });
    if (!fromFit?.ok) throw new Error("unreachable");
    expect(fromFit.summary.avgGroundContactMs).toBeGreaterThan(150);
    expect(fromFit.summary.groundContactBalanceLeft).toBeGreaterThan(45);
    expect(fromFit.track.splitsKm.length).toBeGreaterThan(3);
    const [gpx] = await all(readUpload("garmin-connect-run.gpx", fixture("garmin-connect-run.gpx"), NOW));
    const [tcx] = await all(readUpload("garmin-run-laps.tcx", fixture("garmin-run-laps.tcx"), NOW));
    expect([gpx?.ok, tcx?.ok]).toEqual([true, true]);
  });

  it("refuses each bad file with a sentence naming it", async () => {
    const jpeg = new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#555" } }).jpeg().toBuffer());
    const fit = writeFitRun({ seconds: 600 });
    const lines = [
      ...(await all(readUpload("photo.fit", jpeg, NOW))),
      ...(await all(readUpload("cut.fit", fit.slice(0, Math.floor(fit.length / 2)), NOW))),
      ...(await all(readUpload("one-point.gpx", fixture("one-point.gpx"), NOW))),
      ...(await all(readUpload("dated-2099.gpx", fixture("dated-2099.gpx"), NOW))),
      ...(await all(readUpload("xxe.gpx", fixture("xxe.gpx"), NOW))),
    ];
    expect(lines.every((l) => !l.ok)).toBe(true);
    expect(said(lines)).toEqual([
      expect.stringMatching(/^photo\.fit: This is a JPEG image/),
      expect.stringMatching(/^cut\.fit: The file is cut short or damaged/),
      expect.stringMatching(/^one-point\.gpx: The file has only one point/),
      expect.stringMatching(/^dated-2099\.gpx: The run is dated 2099/),
      expect.stringMatching(/^xxe\.gpx: .+/),
    ]);
    expect(JSON.stringify(lines)).not.toContain("root:");
  });

  it("reads a zip's files one by one: the good ones import, a bad one says why, other files are listed as skipped", async () => {
    const zip = zipSync({
      "export/run-1.fit": writeFitRun({ start: new Date("2026-11-20T07:00:00Z"), seconds: 900 }),
      "export/run-2.gpx": fixture("garmin-connect-run.gpx"),
      "export/broken.fit": strToU8("not a fit file at all"),
      "export/summary.json": strToU8("{}"),
    });
    const lines = await all(readUpload("export.zip", zip, NOW));
    expect(lines.filter((l) => l.ok).map((l) => l.fileName).sort()).toEqual(["export.zip › export/run-1.fit", "export.zip › export/run-2.gpx"]);
    expect(lines.find((l) => l.fileName.endsWith("broken.fit"))).toMatchObject({ ok: false });
    expect(lines.find((l) => l.fileName.endsWith("summary.json"))).toMatchObject({ ok: false, skipped: true });
  });

  it("reads in the worker thread, the same lines as on this thread", async () => {
    const fit = writeFitRun({ start: new Date("2026-11-28T07:00:00Z"), seconds: 1200, runningDynamics: true });
    const here = await all(readUpload("run.fit", fit, NOW));
    const there = await all(readActivityUpload("run.fit", fit, NOW));
    expect(there).toEqual(here);
  });
});
