import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import S3rver from "s3rver";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { videos } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { serveRoute } from "~test/route-server";
import { callerFor } from "~test/caller";
import { createTestStudio, type TestStudio } from "~test/factories";
import { freshSession } from "~test/training-fixtures";
import { makeTestVideo } from "~test/video-fixtures";
import { ABANDONED_AFTER_MS, mediaSweepJob } from "./jobs";
import { originalKey } from "./keys";
import type { MediaStore } from "./storage";
import { diskStore } from "./storage-disk";
import { s3Store } from "./storage-s3";

// Issue 22: every refused upload (a renamed PDF, a 2 GB declared length, a 10-minute video,
// another account resuming) leaves "nothing orphaned on disk or in the bucket (a clean-up job
// proves it)". Through the real tus route with tus-js-client, against the disk store and an
// S3-compatible server (s3rver): after each refusal the store and tus's incoming folder hold
// nothing of it, and the hourly clean-up, run after it, finds nothing to remove either; an
// upload left halfway is the clean-up's to remove, and it does. A whole upload is counted in
// the owner's storage figure.

const as = vi.hoisted(() => ({ db: null as unknown, store: null as unknown, incoming: "" }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({
  createRequestContext: async (headers: Headers) => ({ db: as.db, userId: headers.get("x-test-user") || null, requestId: "test", isDemo: true, ip: "203.0.113.7", now: () => new Date(), appUrl: "http://localhost:3000" }),
}));
vi.mock("@/server/media/storage-select", () => ({
  mediaStore: () => as.store,
  mediaFolders: () => ({ store: "", incoming: as.incoming }),
}));

const route = await import("@/app/api/uploads/videos/[[...upload]]/route");
const t = setupTestDatabase();
const ORIGIN = "http://localhost:3000";

let folder: string;
let clips: string;
let server: http.Server;
let endpoint: string;
let s3rver: S3rver;
const stores: Record<"disk" | "s3", () => MediaStore> = { disk: () => diskStore(path.join(folder, "disk")), s3: () => s3 };
let s3: MediaStore;
let pdf: Buffer;
let tenMinutes: Buffer;
let shortClip: Buffer;

beforeAll(async () => {
  as.db = t.db;
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-orphans-"));
  clips = path.join(folder, "clips");
  await fs.mkdir(clips);
  s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(folder, "s3"), configureBuckets: [{ name: "videos", configs: [] }] });
  const { port } = (await s3rver.run()) as AddressInfo;
  s3 = s3Store({ endpoint: `http://127.0.0.1:${port}`, bucket: "videos", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1" });
  pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  tenMinutes = await fs.readFile(await makeTestVideo(clips, { name: "ten-minutes.mp4", seconds: 600, size: "32x24", silent: true }));
  shortClip = await fs.readFile(await makeTestVideo(clips, { name: "six-seconds.mp4", seconds: 6, size: "640x480" }));
  ({ server, url: endpoint } = await serveRoute(route, "/api/uploads/videos"));
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await s3rver?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

type Outcome = { ok: true; url: string } | { ok: false; status: number | undefined; body: string | undefined };

/** One upload with tus-js-client; `stopAfter` aborts it (a dropped connection) once that many bytes have gone. */
function upload(userId: string, file: Buffer, metadata: Record<string, string>, options: { uploadUrl?: string; chunkSize?: number; stopAfter?: number; resumeOnly?: boolean } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const u: tus.Upload = new tus.Upload(file, {
      endpoint: options.resumeOnly ? undefined : endpoint,
      uploadUrl: options.uploadUrl,
      metadata,
      headers: { origin: ORIGIN, "x-test-user": userId },
      chunkSize: options.chunkSize ?? Infinity,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onProgress: (sent) => {
        if (options.stopAfter !== undefined && sent >= options.stopAfter) void u.abort().then(() => resolve({ ok: true, url: u.url! }));
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

describe.each(["disk", "s3"] as const)("refused uploads on the %s store", (kind) => {
  let s: TestStudio;
  let store: MediaStore;

  beforeAll(async () => {
    s = await createTestStudio(t.db, `orphans-${kind}`);
    store = stores[kind]();
    as.store = store;
    as.incoming = path.join(folder, `incoming-${kind}`);
  });

  const leftKneeDrive = async () => {
    const { sessionId, drills } = await freshSession(t.db, s);
    return { sessionId, drillId: drills.kneeDrive, setNumber: "1", side: "left", filename: "knee-drive-left.mp4", filetype: "video/mp4" };
  };
  const storedFiles = () => store.list(`videos/${s.studioId}/`);
  const incomingFiles = async () => (await fs.readdir(as.incoming).catch(() => [] as string[])).sort();
  const rowsOfStudio = () => t.db.select({ id: videos.id, status: videos.status }).from(videos).where(eq(videos.studioId, s.studioId));
  /** The hourly clean-up, as the job queue runs it, at `now`. */
  const sweep = (now = new Date()) => t.db.transaction((tx) => mediaSweepJob(() => ({ store, tools: { ffmpeg: "ffmpeg", ffprobe: "ffprobe" }, incomingFolder: as.incoming }))(tx, {}, now));

  /** Nothing of the refused upload in the store, in tus's folder or in the table; the clean-up finds nothing to remove. */
  async function expectNothingLeft() {
    expect(await rowsOfStudio()).toEqual([]);
    expect(await storedFiles()).toEqual([]);
    expect(await incomingFiles()).toEqual([]);
    const before = { stored: await store.list("videos/"), incoming: await incomingFiles() };
    await sweep();
    expect({ stored: await store.list("videos/"), incoming: await incomingFiles() }).toEqual(before);
  }

  it("a PDF renamed to .mp4", async () => {
    const refused = await upload(s.clientA.userId, pdf, { ...(await leftKneeDrive()), filename: "knee-drive.mp4" });
    expect(refused).toMatchObject({ ok: false, status: 415, body: expect.stringMatching(/not a video/) });
    await expectNothingLeft();
  });

  it("a 2 GB file, refused from its declared length", async () => {
    const target = await leftKneeDrive();
    const metadata = Object.entries({ sessionId: target.sessionId, drillId: target.drillId, side: "left" }).map(([k, v]) => `${k} ${btoa(v)}`).join(",");
    const response = await fetch(endpoint, { method: "POST", headers: { origin: ORIGIN, "x-test-user": s.clientA.userId, "tus-resumable": "1.0.0", "upload-length": String(2 * 1024 ** 3), "upload-metadata": metadata } });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/larger than 100 MB/);
    await expectNothingLeft();
  });

  it("a 10-minute video", async () => {
    const refused = await upload(s.clientA.userId, tenMinutes, await leftKneeDrive());
    expect(refused).toMatchObject({ ok: false, status: 422, body: expect.stringContaining("10:00 long") });
    await expectNothingLeft();
  }, 60_000);

  it("another account resuming someone's upload; the half left behind is the clean-up's, and it removes it", async () => {
    const first = await upload(s.clientA.userId, shortClip, await leftKneeDrive(), { chunkSize: 64 * 1024, stopAfter: 64 * 1024 });
    expect(first.ok).toBe(true);
    const url = first.ok ? first.url : "";
    const taken = await upload(s.clientB.userId, shortClip, await leftKneeDrive(), { uploadUrl: url, resumeOnly: true });
    expect(taken).toMatchObject({ ok: false, status: 403 });
    // Client B's attempt stored nothing; client A's half is still theirs to resume, for a day.
    expect(await storedFiles()).toEqual([]);
    const [halfway] = await rowsOfStudio();
    expect(halfway?.status).toBe("uploading");
    await sweep();
    expect(await rowsOfStudio()).toHaveLength(1);
    const kept = await incomingFiles();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((name) => name.startsWith(halfway!.id))).toBe(true);
    // Client A never comes back: a day later the clean-up takes the row and tus's bytes.
    await sweep(new Date(Date.now() + ABANDONED_AFTER_MS + 60_000));
    await expectNothingLeft();
  });

  it("a whole upload stays, named by its row, and counts in the owner's storage figure", async () => {
    const done = await upload(s.clientA.userId, shortClip, await leftKneeDrive());
    expect(done.ok).toBe(true);
    const [video] = await rowsOfStudio();
    expect(video?.status).toBe("processing");
    expect(await storedFiles()).toEqual([originalKey(s.studioId, video!.id)]);
    expect(await incomingFiles()).toEqual([]);
    await sweep();
    expect(await storedFiles()).toHaveLength(1);
    expect(await callerFor(t.db, s.owner.userId).video.studioStorage()).toMatchObject({ videos: 1, bytes: shortClip.length });
  });
});
