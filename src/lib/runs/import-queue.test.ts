import { describe, expect, it } from "vitest";
import { completeLines, failedUploadSentence, importReducer, nextUploads, type ImportRow } from "./import-queue";
import type { ImportLine } from "./import-lines";

const files = (...names: string[]) => ({ type: "added" as const, files: names.map((name, i) => ({ id: `u${i}`, name, size: 1000 })) });
const run = (rows: ImportRow[], ...actions: Parameters<typeof importReducer>[1][]) => actions.reduce(importReducer, rows);

describe("the import list", () => {
  it("uploads two at a time; the rest wait until one is read", () => {
    let rows = run([], files("a.fit", "b.gpx", "c.tcx"));
    expect(nextUploads(rows)).toEqual(["u0", "u1"]);
    rows = run(rows, { type: "started", id: "u0" }, { type: "started", id: "u1" });
    expect(nextUploads(rows)).toEqual([]);
    rows = run(rows, { type: "progressed", id: "u0", percent: 42.4 }, { type: "sent", id: "u1" });
    expect(rows.map((r) => [r.state, r.percent])).toEqual([
      ["uploading", 42],
      ["reading", 100],
      ["waiting", 0],
    ]);
    rows = run(rows, { type: "line", id: "u1", line: { file: "b.gpx", inZip: null, status: "imported", runId: "r1", sentence: "Imported: 5.00 km on Tue 3 Nov." } });
    expect(rows[1]).toMatchObject({ state: "done", runId: "r1", sentence: "Imported: 5.00 km on Tue 3 Nov." });
    expect(nextUploads(rows)).toEqual(["u2"]);
  });

  it("refuses a file too big for any run without sending it", () => {
    const rows = importReducer([], { type: "added", files: [{ id: "u0", name: "film.fit", size: 200 * 1024 * 1024 }] });
    expect(rows[0]).toMatchObject({ state: "refused", sentence: "film.fit is larger than 25 MB, more than any run's file: check that it is the right file." });
    expect(nextUploads(rows)).toEqual([]);
  });

  it("shows a zip's entries as rows of their own, under the zip, and the zip's row says how it went", () => {
    let rows = run([], files("export.zip", "later.fit"), { type: "started", id: "u0" }, { type: "sent", id: "u0" });
    const lines: ImportLine[] = [
      { file: "a.fit", inZip: "export.zip", status: "imported", runId: "r1", sentence: "Imported: 5.00 km on Tue 3 Nov." },
      { file: "b.jpg.fit", inZip: "export.zip", status: "refused", sentence: "b.jpg.fit: This is a JPEG image, not a FIT, GPX or TCX file." },
      { file: "export.zip", inZip: null, status: "finished", sentence: "export.zip: 1 run, 1 file refused." },
    ];
    rows = run(rows, ...lines.map((line) => ({ type: "line" as const, id: "u0", line })));
    expect(rows.map((r) => [r.file, r.state, r.inZip])).toEqual([
      ["export.zip", "done", null],
      ["a.fit", "done", "export.zip"],
      ["b.jpg.fit", "refused", "export.zip"],
      ["later.fit", "waiting", null],
    ]);
    expect(rows[0]!.sentence).toBe("export.zip: 1 run, 1 file refused.");
  });

  it("an upload refused as a whole, or cut off, leaves no row waiting", () => {
    let rows = run([], files("a.fit", "b.fit"), { type: "started", id: "u0" }, { type: "started", id: "u1" });
    rows = run(rows, { type: "failed", id: "u0", sentence: "a.fit could not be sent. Check your connection and try again." }, { type: "ended", id: "u1" });
    expect(rows.map((r) => r.state)).toEqual(["refused", "refused"]);
    expect(rows[1]!.sentence).toBe("b.fit could not be read to the end. Try it again.");
  });
});

describe("reading the answer as it arrives", () => {
  it("takes whole lines only, and goes on from where it stopped", () => {
    const first = completeLines('{"file":"a","status":"imported"}\n{"file":"b"', 0);
    expect(first.lines).toEqual([{ file: "a", status: "imported" }]);
    const text = '{"file":"a","status":"imported"}\n{"file":"b","status":"refused"}\n';
    expect(completeLines(text, first.next).lines).toEqual([{ file: "b", status: "refused" }]);
  });

  it("words a refused upload with the file's name once", () => {
    expect(failedUploadSentence("a.fit", 413, '{"error":{"message":"a.fit is larger than 25 MB, more than any run\'s file: check that it is the right file."}}')).toBe(
      "a.fit is larger than 25 MB, more than any run's file: check that it is the right file.",
    );
    expect(failedUploadSentence("a.fit", 403, '{"error":{"message":"Only clients can do this."}}')).toBe("a.fit: Only clients can do this.");
    expect(failedUploadSentence("a.fit", 0, "")).toBe("a.fit could not be sent. Check your connection and try again.");
  });
});
