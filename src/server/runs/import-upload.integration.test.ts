import { describe, expect, it } from "vitest";
import { WorkerReadFailed } from "@/server/activity-import/reader-pool";
import { ActivityReadError } from "@/server/activity-import/types";
import { setupTestDatabase } from "~test/db";
import { createTestStudio } from "~test/factories";
import { readRun } from "~test/run-import-fixtures";
import { importUpload } from "./import-upload";
import type { UploadReader } from "./read-upload";

// An upload whose reader stops part way: what was read before is stored, and the upload's
// last lines say why the rest was not, naming the file, never with a server error's text.
const t = setupTestDatabase();
const now = new Date("2026-11-05T12:00:00Z");

async function linesOf(read: UploadReader) {
  const s = await createTestStudio(t.db, "upload-faults");
  const target = { studioId: s.studioId, clientId: s.clientA.clientId, unit: "km" as const, timeZone: "Europe/London" };
  const lines = [];
  for await (const line of importUpload(t.db, target, { fileName: "export.zip", bytes: new Uint8Array(8) }, now, read)) lines.push(line);
  return lines;
}
const thenFails = (error: Error): UploadReader =>
  async function* () {
    yield readRun({ fileName: "a.fit" });
    throw error;
  };

describe("an upload whose reader fails", () => {
  it.each([
    { why: "the file's own fault", error: new ActivityReadError("The zip file is damaged: make it again, or upload the files in it one by one."), sentence: "export.zip: The zip file is damaged: make it again, or upload the files in it one by one." },
    { why: "the reader's thread went silent", error: new WorkerReadFailed("Reading it took too long."), sentence: "export.zip could not be read (reading it took too long): export it from the watch again, or send it to your coach." },
    { why: "a bug", error: new Error('relation "runs" does not exist'), sentence: "export.zip could not be imported because of a fault on our side; try it again in a moment." },
  ])("keeps what was read before, and says why not the rest: $why", async ({ error, sentence }) => {
    const lines = await linesOf(thenFails(error));
    expect(lines.map((l) => [l.file, l.status])).toEqual([
      ["a.fit", "imported"],
      ["export.zip", "refused"],
      ["export.zip", "finished"],
    ]);
    expect(lines[1]!.sentence).toBe(sentence);
    expect(lines[2]!.sentence).toBe("export.zip: 1 run, 1 file refused.");
  });
});
