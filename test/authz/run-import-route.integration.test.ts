import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/server/db/client";
import { runs, users } from "@/server/db/schema";
import type { ImportLine } from "@/lib/runs/import-lines";
import { setupTestDatabase } from "~test/db";
import { setupDemoDatabase } from "~test/demo";
import { createTestStudio, type TestStudio } from "~test/factories";

// The route as the browser calls it, with the session swapped for the person under test, and a
// stand-in reader: the file's bytes are the JSON of what the reader would find in it (the real
// readers, on real files, are proven in their own tests and the e2e story).
const as = vi.hoisted(() => ({ db: null as unknown, userId: null as string | null }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({
  createRequestContext: async () => ({ db: as.db, userId: as.userId, requestId: "test", isDemo: true, ip: "203.0.113.7", now: () => new Date("2026-11-05T12:00:00Z"), appUrl: "http://localhost:3000" }),
}));
vi.mock("@/server/runs/read-upload", async () => {
  const { readRun } = await import("~test/run-import-fixtures");
  type Fake = { name: string; start?: string; distanceM?: number; refused?: string; skipped?: string };
  return {
    readUpload: async function* (fileName: string, bytes: Uint8Array) {
      if (bytes[0] !== 0x5b) {
        yield { ok: false, fileName, reason: "This is not a FIT, GPX or TCX file." };
        return;
      }
      const files = JSON.parse(new TextDecoder().decode(bytes)) as Fake[];
      for (const f of files) {
        if (f.skipped) yield { skipped: { name: f.name, reason: f.skipped } };
        else if (f.refused) yield { ok: false, fileName: f.name, reason: f.refused };
        else {
          const outcome = readRun({ fileName: f.name, bytes: new TextEncoder().encode(JSON.stringify(f)), summary: { startedAt: new Date(f.start ?? "2026-11-03T07:00:00Z"), distanceM: f.distanceM ?? 10_200 } });
          yield outcome;
        }
      }
    },
  };
});

const { POST } = await import("@/app/api/runs/import/route");

const t = setupTestDatabase();
const ORIGIN = "http://localhost:3000";

function post(userId: string | null, fileName: string | null, body: BodyInit, headers: Record<string, string> = {}) {
  as.userId = userId;
  const h: Record<string, string> = { origin: ORIGIN, ...headers };
  if (fileName !== null) h["x-file-name"] = encodeURIComponent(fileName);
  return POST(new Request(`${ORIGIN}/api/runs/import`, { method: "POST", body, headers: h, duplex: "half" } as RequestInit));
}
const file = (...files: object[]) => JSON.stringify(files);

async function linesOf(response: Response): Promise<ImportLine[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/x-ndjson");
  const text = await response.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ImportLine);
}
async function runsIn(db: Db, studioId: string, clientId: string) {
  return db.select({ id: runs.id }).from(runs).where(and(eq(runs.studioId, studioId), eq(runs.clientId, clientId)));
}

let s: TestStudio;
let other: TestStudio;
beforeAll(async () => {
  as.db = t.db;
  s = await createTestStudio(t.db, "route-import");
  other = await createTestStudio(t.db, "route-import-other");
});

describe("POST /api/runs/import", () => {
  it("imports a client's file and answers a line for it, then the upload's last line", async () => {
    const lines = await linesOf(await post(s.clientA.userId, "Morning Run.fit", file({ name: "Morning Run.fit" })));
    const [run] = await runsIn(t.db, s.studioId, s.clientA.clientId);
    expect(lines).toEqual([
      { file: "Morning Run.fit", inZip: null, status: "imported", runId: run!.id, sentence: "Imported: 10.2 km on Tue 3 Nov." },
      { file: "Morning Run.fit", inZip: null, status: "finished", sentence: "Morning Run.fit: 1 run." },
    ]);
    // The same file again: one run, "already".
    const again = await linesOf(await post(s.clientA.userId, "Morning Run.fit", file({ name: "Morning Run.fit" })));
    expect(again[0]).toMatchObject({ status: "already_imported", runId: run!.id });
    expect(await runsIn(t.db, s.studioId, s.clientA.clientId)).toHaveLength(1);
  });

  it("a zip's entries are lines of their own; a bad one says why, naming it, and the others still import", async () => {
    const zip = file(
      { name: "export/run-1.fit", start: "2026-10-01T07:00:00Z" },
      { name: "export/photo.fit", refused: "This is a JPEG image, not a FIT, GPX or TCX file." },
      { name: "export/summary.json", skipped: "Not an activity file." },
      { name: "export/run-2.gpx", start: "2026-10-02T07:00:00Z", distanceM: 5000 },
    );
    const lines = await linesOf(await post(s.clientB.userId, "export.zip", zip));
    expect(lines.map((l) => [l.file, l.inZip, l.status])).toEqual([
      ["export/run-1.fit", "export.zip", "imported"],
      ["export/photo.fit", "export.zip", "refused"],
      ["export/summary.json", "export.zip", "skipped"],
      ["export/run-2.gpx", "export.zip", "imported"],
      ["export.zip", null, "finished"],
    ]);
    expect(lines[1]!.sentence).toBe("export/photo.fit: This is a JPEG image, not a FIT, GPX or TCX file.");
    expect(lines[4]!.sentence).toBe("export.zip: 2 runs, 1 file refused, 1 file skipped (not an activity).");
    expect(await runsIn(t.db, s.studioId, s.clientB.clientId)).toHaveLength(2);
  });

  it("refuses a file over 25 MB with 413 and a sentence naming it, whether its length is declared or not; nothing is stored", async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    const declared = await post(s.clientA.userId, "huge.fit", big, { "content-length": String(big.byteLength) });
    const streamed = await post(
      s.clientA.userId,
      "huge.fit",
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < 26; i++) controller.enqueue(new Uint8Array(1024 * 1024));
          controller.close();
        },
      }),
    );
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe("huge.fit is larger than 25 MB, more than any run's file: check that it is the right file.");
    }
    expect(await runsIn(t.db, s.studioId, s.clientA.clientId)).toHaveLength(1);
  });

  it("hands a 20 MB file to the reader whole and at once (its bytes are not walked as text)", async () => {
    const started = performance.now();
    const lines = await linesOf(await post(s.clientA.userId, "long.fit", new Uint8Array(20 * 1024 * 1024)));
    expect(lines[0]).toMatchObject({ file: "long.fit", status: "refused", sentence: "long.fit: This is not a FIT, GPX or TCX file." });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("asks for the file's name, and for a file", async () => {
    const unnamed = await post(s.clientA.userId, null, file({ name: "x.fit" }));
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { error: { message: string } }).error.message).toBe("Send the file's name with the file.");
    const badName = await post(s.clientA.userId, null, file({ name: "x.fit" }), { "x-file-name": "%E0%A4%A" });
    expect(badName.status).toBe(400);
    const empty = await post(s.clientA.userId, "empty.fit", new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe("empty.fit is empty: choose the file again.");
  });

  it.each([
    { who: "someone signed out", user: () => null, status: 401 },
    { who: "a trainer", user: () => s.trainer.userId, status: 403 },
    { who: "the owner", user: () => s.owner.userId, status: 403 },
  ])("refuses $who before reading the upload, storing nothing", async ({ user, status }) => {
    const response = await post(user(), "Morning_Run.fit", file({ name: "Morning_Run.fit", start: "2026-09-01T07:00:00Z" }));
    expect(response.status).toBe(status);
    expect(await runsIn(t.db, s.studioId, s.clientA.clientId)).toHaveLength(1);
  });

  it("refuses a cross-site post", async () => {
    as.userId = s.clientA.userId;
    const response = await POST(new Request(`${ORIGIN}/api/runs/import`, { method: "POST", body: file({ name: "a.fit" }), headers: { origin: "https://evil.example", "x-file-name": "a.fit" } }));
    expect(response.status).toBe(403);
  });

  it("a client of another studio imports into their own runs, never the home studio's", async () => {
    const lines = await linesOf(await post(other.clientA.userId, "Morning_Run.fit", file({ name: "Morning_Run.fit", start: "2026-08-01T07:00:00Z" })));
    expect(lines[0]!.status).toBe("imported");
    expect(await runsIn(t.db, other.studioId, other.clientA.clientId)).toHaveLength(1);
    expect((await t.db.select({ id: runs.id }).from(runs).where(eq(runs.studioId, s.studioId))).map((r) => r.id)).not.toContain((lines[0] as { runId: string }).runId);
  });
});

describe("POST /api/runs/import in demo mode", () => {
  const demo = setupDemoDatabase();
  it("the demo's client imports a run, and a demo trainer is refused", async () => {
    as.db = demo.db;
    try {
      const [alex] = await demo.db.select({ id: users.id }).from(users).where(eq(users.email, "alex@stride.test"));
      const lines = await linesOf(await post(alex!.id, "Morning_Run.fit", file({ name: "Morning_Run.fit", start: "2026-07-01T07:00:00Z" })));
      expect(lines[0]!.status).toBe("imported");
      const [coach] = await demo.db.select({ id: users.id }).from(users).where(eq(users.email, "morgan@stride.test"));
      expect((await post(coach!.id, "Morning_Run.fit", file({ name: "Morning_Run.fit" }))).status).toBe(403);
    } finally {
      as.db = t.db;
    }
  });
});
