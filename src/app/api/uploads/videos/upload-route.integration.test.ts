import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jobs, videos } from "@/server/db/schema";
import { DROP_ORIGINAL_JOB, dropOriginalJob, TRANSCODE_JOB, transcodeVideoJob } from "@/server/media/jobs";
import { diskStore } from "@/server/media/storage-disk";
import { systemTools } from "@/server/media/tools";
import { runDueJobs } from "@/server/jobs/service";
import { setupTestDatabase } from "~test/db";
import { serveRoute } from "~test/route-server";
import { createTestStudio, type TestStudio } from "~test/factories";
import { freshSession } from "~test/training-fixtures";
import { makeTestVideo } from "~test/video-fixtures";

// The tus route as a phone's browser uses it, through tus-js-client in Node against a real HTTP
// server on a free port: the session is the person under test (a header the stand-in context
// reads), the store a folder of this test. What a person would notice: the upload lands on
// their side of their drill, resumes after a dropped connection, and every refusal is a
// sentence that leaves nothing behind.

const as = vi.hoisted(() => ({ db: null as unknown, folder: "" }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({
  createRequestContext: async (headers: Headers) => ({ db: as.db, userId: headers.get("x-test-user") || null, requestId: "test", isDemo: true, ip: "203.0.113.7", now: () => new Date(), appUrl: "http://localhost:3000" }),
}));
vi.mock("@/server/media/storage-select", async () => {
  const { diskStore } = await import("@/server/media/storage-disk");
  const path = await import("node:path");
  return {
    mediaStore: () => diskStore(path.join(as.folder, "store")),
    mediaFolders: () => ({ store: path.join(as.folder, "store"), incoming: path.join(as.folder, "incoming") }),
  };
});

const route = await import("./[[...upload]]/route");
const run = promisify(execFile);
const t = setupTestDatabase();
const ORIGIN = "http://localhost:3000";

let server: http.Server;
let endpoint: string;
let s: TestStudio;
let clips: string;

beforeAll(async () => {
  as.db = t.db;
  as.folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-upload-"));
  clips = path.join(as.folder, "clips");
  await fs.mkdir(clips);
  s = await createTestStudio(t.db, "video-upload");
  ({ server, url: endpoint } = await serveRoute(route, "/api/uploads/videos"));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await fs.rm(as.folder, { recursive: true, force: true });
});

type Outcome = { ok: true; url: string } | { ok: false; status: number | undefined; body: string | undefined };

/** One upload with tus-js-client; `stopAfter` aborts it (a dropped connection) once that many bytes have gone. */
function upload(userId: string | null, file: Buffer, metadata: Record<string, string>, options: { uploadUrl?: string; chunkSize?: number; stopAfter?: number; declaredLength?: number; resumeOnly?: boolean } = {}): Promise<Outcome & { sent?: number }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { origin: ORIGIN };
    if (userId) headers["x-test-user"] = userId;
    const u: tus.Upload = new tus.Upload(file, {
      // Resuming only: without an endpoint, a refused resume is not followed by a new upload.
      endpoint: options.resumeOnly ? undefined : endpoint,
      uploadUrl: options.uploadUrl,
      metadata,
      headers,
      chunkSize: options.chunkSize ?? Infinity,
      retryDelays: [],
      storeFingerprintForResuming: false,
      ...(options.declaredLength ? { uploadSize: options.declaredLength } : {}),
      onProgress: (sent) => {
        if (options.stopAfter !== undefined && sent >= options.stopAfter) {
          void u.abort().then(() => resolve({ ok: true, url: u.url!, sent }));
        }
      },
      onSuccess: () => resolve({ ok: true, url: u.url! }),
      onError: (error) => {
        const response = (error as tus.DetailedError).originalResponse;
        resolve({ ok: false, status: response?.getStatus(), body: response?.getBody() });
      },
    });
    u.start();
  });
}

async function leftKneeDrive() {
  const { sessionId, drills } = await freshSession(t.db, s);
  return { sessionId, drillId: drills.kneeDrive, setNumber: "1", side: "left", filename: "knee-drive-left.mp4", filetype: "video/mp4" };
}
const rowsOf = (sessionId: string) => t.db.select().from(videos).where(and(eq(videos.studioId, s.studioId), eq(videos.sessionId, sessionId)));
async function filesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(path.join(dir, entry.name));
      else found.push(path.relative(folder, path.join(dir, entry.name)));
    }
  };
  await walk(folder);
  return found.sort();
}
/** No row for the session, and no file anywhere that no row names (earlier tests' videos stay, with their rows). */
const nothingLeftFor = async (sessionId: string) => {
  expect(await rowsOf(sessionId)).toEqual([]);
  const ids = new Set((await t.db.select({ id: videos.id }).from(videos)).map((r) => r.id));
  const idOf = (file: string) => (file.startsWith("videos/") ? file.split("/")[2]! : file.replace(/\.json$/, ""));
  expect((await filesIn(path.join(as.folder, "incoming"))).filter((f) => !ids.has(idOf(f)))).toEqual([]);
  expect((await filesIn(path.join(as.folder, "store"))).filter((f) => !ids.has(idOf(f)))).toEqual([]);
};

describe("uploading a form-check video", () => {
  it("lands on the client's left Knee Drive, and the job queue makes a phone copy and poster without the phone's location", async () => {
    const target = await leftKneeDrive();
    const clip = await fs.readFile(await makeTestVideo(clips, { name: "located.mp4", location: "+51.5074-000.1278/" }));
    const done = await upload(s.clientA.userId, clip, target);
    expect(done.ok).toBe(true);
    const [video] = await rowsOf(target.sessionId);
    expect(video).toMatchObject({ status: "processing", side: "left", clientId: s.clientA.clientId, mimeType: "video/mp4", sizeBytes: clip.length });
    expect(video!.durationMs).toBeGreaterThan(2500);
    expect(await filesIn(path.join(as.folder, "incoming"))).toEqual([]);

    const store = diskStore(path.join(as.folder, "store"));
    const deps = () => ({ store, tools: systemTools, incomingFolder: path.join(as.folder, "incoming") });
    await runDueJobs(t.db, { [TRANSCODE_JOB]: transcodeVideoJob(deps), [DROP_ORIGINAL_JOB]: dropOriginalJob(deps) });
    const [ready] = await rowsOf(target.sessionId);
    expect(ready).toMatchObject({ status: "ready", originalKey: null, mimeType: "video/mp4" });
    const folder = `videos/${s.studioId}/${video!.id}/`;
    // The original is gone once the copy is stored; the copy and poster stay.
    expect(await store.list(folder)).toEqual([`${folder}copy.mp4`, `${folder}poster.jpg`]);
    const copy = path.join(as.folder, "store", ...`${folder}copy.mp4`.split("/"));
    const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "format_tags:stream=codec_name", "-of", "json", copy]);
    const probed = JSON.parse(stdout) as { streams: { codec_name: string }[]; format: { tags?: Record<string, string> } };
    expect(probed.streams.map((x) => x.codec_name).sort()).toEqual(["aac", "h264"]);
    expect(JSON.stringify(probed.format.tags ?? {})).not.toMatch(/location|51\.5074/i);
    const originalTags = JSON.parse((await run("ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "json", path.join(clips, "located.mp4")])).stdout) as object;
    expect(JSON.stringify(originalTags)).toMatch(/51\.5074/);
    expect(await t.db.select({ kind: jobs.kind }).from(jobs).where(eq(jobs.key, `${TRANSCODE_JOB}:${video!.id}`))).toHaveLength(1);
  });

  it("resumes after a dropped connection and arrives whole", async () => {
    const target = await leftKneeDrive();
    const clip = await fs.readFile(await makeTestVideo(clips, { name: "long.mp4", seconds: 8, size: "640x480" }));
    const first = await upload(s.clientA.userId, clip, target, { chunkSize: 64 * 1024, stopAfter: 64 * 1024 });
    expect(first.ok).toBe(true);
    const [halfway] = await rowsOf(target.sessionId);
    expect(halfway?.status).toBe("uploading");
    const resumed = await upload(s.clientA.userId, clip, target, { uploadUrl: first.ok ? first.url : undefined, chunkSize: 256 * 1024 });
    expect(resumed).toEqual({ ok: true, url: first.ok ? first.url : "" });
    const [video] = await rowsOf(target.sessionId);
    expect(video).toMatchObject({ status: "processing", sizeBytes: clip.length });
    expect((await diskStore(path.join(as.folder, "store")).size(video!.originalKey!))).toBe(clip.length);
  });

  it("refuses another account resuming someone's upload, with a sentence", async () => {
    const target = await leftKneeDrive();
    const clip = await fs.readFile(await makeTestVideo(clips, { name: "theirs.mp4", seconds: 6, size: "640x480" }));
    const first = await upload(s.clientA.userId, clip, target, { chunkSize: 64 * 1024, stopAfter: 64 * 1024 });
    const url = first.ok ? first.url : "";
    const taken = await upload(s.clientB.userId, clip, target, { uploadUrl: url, resumeOnly: true });
    // tus-js-client asks with HEAD first, whose answer has no body; the sentence comes with a PATCH.
    expect(taken).toMatchObject({ ok: false, status: 403 });
    const patch = await fetch(url, { method: "PATCH", headers: { origin: ORIGIN, "x-test-user": s.clientB.userId, "tus-resumable": "1.0.0", "upload-offset": "65536", "content-type": "application/offset+octet-stream" }, body: clip.subarray(65536) });
    expect(patch.status).toBe(403);
    expect(await patch.text()).toContain("This upload belongs to another account");
    const [video] = await rowsOf(target.sessionId);
    expect(video).toMatchObject({ status: "uploading", uploadedByUserId: s.clientA.userId });
    // Its owner cancels it: nothing of it is left.
    await tus.Upload.terminate(url, { headers: { origin: ORIGIN, "x-test-user": s.clientA.userId }, retryDelays: [] });
    await nothingLeftFor(target.sessionId);
  });

  it("refuses a 2 GB file before a byte is stored", async () => {
    const target = await leftKneeDrive();
    const response = await fetch(endpoint, { method: "POST", headers: { origin: ORIGIN, "x-test-user": s.clientA.userId, "tus-resumable": "1.0.0", "upload-length": String(2 * 1024 ** 3), "upload-metadata": `sessionId ${btoa(target.sessionId)},drillId ${btoa(target.drillId)},side ${btoa("left")}` } });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/larger than 100 MB/);
    await nothingLeftFor(target.sessionId);
  });

  it("refuses a PDF renamed to .mp4, from its bytes, and keeps nothing", async () => {
    const target = await leftKneeDrive();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    const refused = await upload(s.clientA.userId, pdf, { ...target, filename: "knee-drive.mp4", filetype: "video/mp4" });
    expect(refused).toEqual({ ok: false, status: 415, body: expect.stringMatching(/not a video.*PDF/) });
    await nothingLeftFor(target.sessionId);
  });

  it("refuses a 10-minute video, in words of its length, and keeps nothing", async () => {
    const target = await leftKneeDrive();
    const clip = await fs.readFile(await makeTestVideo(clips, { name: "ten-minutes.mp4", seconds: 600, size: "32x24", silent: true }));
    const refused = await upload(s.clientA.userId, clip, target);
    expect(refused).toEqual({ ok: false, status: 422, body: expect.stringContaining("This video is 10:00 long") });
    await nothingLeftFor(target.sessionId);
  });

  it("takes uploads only from the client who logged the drill", async () => {
    const target = await leftKneeDrive();
    const clip = await fs.readFile(path.join(clips, "located.mp4"));
    expect(await upload(null, clip, target)).toMatchObject({ ok: false, status: 401 });
    expect(await upload(s.trainer.userId, clip, target)).toMatchObject({ ok: false, status: 403 });
    expect(await upload(s.clientB.userId, clip, target)).toEqual({ ok: false, status: 404, body: expect.stringContaining("not in a session you logged") });
    expect(await upload(s.clientA.userId, clip, { ...target, side: "sideways" })).toEqual({ ok: false, status: 400, body: "Choose the side: left or right." });
    await nothingLeftFor(target.sessionId);
  });

  it("refuses a cross-site upload", async () => {
    const response = await fetch(endpoint, { method: "POST", headers: { origin: "https://evil.example", "x-test-user": s.clientA.userId, "tus-resumable": "1.0.0", "upload-length": "10" } });
    expect(response.status).toBe(403);
  });
});
