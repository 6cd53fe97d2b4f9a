import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { streamExport } from "@/server/data-rights/export";
import { videos } from "@/server/db/schema";
import { setupTestDatabase } from "~test/db";
import { callerFor } from "~test/caller";
import { createTestStudio, type TestStudio } from "~test/factories";
import { aVideoRow, makeTestVideo } from "~test/video-fixtures";
import { ABANDONED_AFTER_MS, mediaSweepJob, NO_FFMPEG_NOTE, transcodeVideoJob } from "./jobs";
import { copyKey, originalKey, posterKey } from "./keys";
import { diskStore } from "./storage-disk";
import { systemTools } from "./tools";
import { removeVideo, studioVideoStorage } from "./videos";

// The video rows and their files over time: what the client and trainer see, removal by the
// client, the studio's storage figure, the clean-up job, the path without ffmpeg, and the
// client's export and deletion carrying the files. The store is a folder of this test.

const as = vi.hoisted(() => ({ folder: "" }));
vi.mock("@/server/media/storage-select", async () => {
  const { diskStore } = await import("@/server/media/storage-disk");
  const path = await import("node:path");
  return { mediaStore: () => diskStore(path.join(as.folder, "store")), mediaFolders: () => ({ store: path.join(as.folder, "store"), incoming: path.join(as.folder, "incoming") }) };
});

const t = setupTestDatabase();
let s: TestStudio;
let other: TestStudio;
const store = () => diskStore(path.join(as.folder, "store"));
const incoming = () => path.join(as.folder, "incoming");
const deps = (tools = systemTools) => () => ({ store: store(), tools, incomingFolder: incoming() });
const put = (key: string, bytes: Uint8Array | string = "bytes") => store().put(key, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, { contentType: "video/mp4" });

beforeAll(async () => {
  as.folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-videos-"));
  await fs.mkdir(incoming(), { recursive: true });
  s = await createTestStudio(t.db, "videos");
  other = await createTestStudio(t.db, "videos-other");
});
afterAll(() => fs.rm(as.folder, { recursive: true, force: true }));

describe("what the client and their trainers see of a video", () => {
  it("shows an upload in progress without a file to play, and a ready one with its URLs", async () => {
    const uploading = await aVideoRow(t.db, s, { status: "uploading", copyKey: null, mimeType: null, sizeBytes: 0, durationMs: null });
    const ready = await aVideoRow(t.db, s, { posterKey: "videos/none/poster.jpg" });
    const asTrainer = callerFor(t.db, s.trainer.userId);
    const list = await asTrainer.video.forEntry({ sessionId: uploading.sessionId, drillId: uploading.drillId, side: "left" });
    expect(list).toEqual([expect.objectContaining({ id: uploading.id, status: "uploading", videoUrl: null, posterUrl: null })]);
    expect(await callerFor(t.db, s.clientA.userId).video.get({ videoId: ready.id })).toMatchObject({
      status: "ready",
      side: "left",
      durationMs: 3000,
      videoUrl: `/api/media/videos/${ready.id}/video`,
      posterUrl: `/api/media/videos/${ready.id}/poster`,
    });
    await expect(callerFor(t.db, s.clientB.userId).video.get({ videoId: ready.id })).rejects.toThrow("That video does not exist or is not part of your studio.");
    await expect(callerFor(t.db, other.trainer.userId).video.get({ videoId: ready.id })).rejects.toThrow("That video does not exist or is not part of your studio.");
  });

  it("lets the client remove their own video, files and all; a trainer cannot", async () => {
    const row = await aVideoRow(t.db, s);
    await put(copyKey(s.studioId, row.id));
    await put(posterKey(s.studioId, row.id));
    await expect(callerFor(t.db, s.trainer.userId).video.remove({ videoId: row.id })).rejects.toThrow("Only clients can do this.");
    await expect(removeVideo(t.db, store(), { studioId: s.studioId, clientId: s.clientB.clientId, userId: s.clientB.userId }, row.id)).rejects.toThrow(/does not exist/);
    await callerFor(t.db, s.clientA.userId).video.remove({ videoId: row.id });
    expect(await t.db.select().from(videos).where(eq(videos.id, row.id))).toEqual([]);
    expect(await store().list(`videos/${s.studioId}/${row.id}/`)).toEqual([]);
  });

  it("counts the studio's stored videos and their bytes, not uploads still arriving, and no other studio's", async () => {
    const studio = await createTestStudio(t.db, "videos-storage");
    await aVideoRow(t.db, studio, { sizeBytes: 3_000_000 });
    await aVideoRow(t.db, studio, { status: "processing", copyKey: null, originalKey: "videos/x/original", sizeBytes: 5_000_000 });
    await aVideoRow(t.db, studio, { status: "uploading", copyKey: null, sizeBytes: 0 });
    expect(await studioVideoStorage(t.db, studio.studioId)).toEqual({ videos: 2, bytes: 8_000_000 });
    expect(await callerFor(t.db, studio.owner.userId).video.studioStorage()).toEqual({ videos: 2, bytes: 8_000_000, location: { kind: "disk" } });
  });
});

describe("the clean-up job", () => {
  it("removes uploads abandoned for a day and files no row names, and keeps everything else", async () => {
    const now = new Date();
    const abandoned = await aVideoRow(t.db, s, { status: "uploading", copyKey: null, createdAt: new Date(now.getTime() - ABANDONED_AFTER_MS - 60_000) });
    const arriving = await aVideoRow(t.db, s, { status: "uploading", copyKey: null });
    for (const v of [abandoned, arriving]) {
      await fs.writeFile(path.join(incoming(), v.id), "half a video");
      await fs.writeFile(path.join(incoming(), `${v.id}.json`), "{}");
    }
    await fs.writeFile(path.join(incoming(), "6b1f3c2e-7d0a-4f4e-9a55-0f6f4b3f2a11"), "no row at all");
    const ready = await aVideoRow(t.db, s, { copyKey: copyKey(s.studioId, "x"), posterKey: null });
    await t.db.update(videos).set({ copyKey: copyKey(s.studioId, ready.id), posterKey: posterKey(s.studioId, ready.id) }).where(eq(videos.id, ready.id));
    await put(copyKey(s.studioId, ready.id));
    await put(posterKey(s.studioId, ready.id));
    // The original of a video whose copy exists (its removal failed), and a removed video's files.
    await put(originalKey(s.studioId, ready.id));
    const gone = "3f0c9d8e-1b2a-4c5d-8e7f-6a5b4c3d2e1f";
    await put(copyKey(s.studioId, gone));

    await t.db.transaction((tx) => mediaSweepJob(deps())(tx, {}, now));

    expect((await t.db.select({ id: videos.id }).from(videos).where(eq(videos.id, abandoned.id)))).toEqual([]);
    expect((await t.db.select({ id: videos.id }).from(videos).where(eq(videos.id, arriving.id)))).toHaveLength(1);
    expect((await fs.readdir(incoming())).sort()).toEqual([arriving.id, `${arriving.id}.json`].sort());
    expect(await store().list(`videos/${s.studioId}/${ready.id}/`)).toEqual([copyKey(s.studioId, ready.id), posterKey(s.studioId, ready.id)]);
    expect(await store().list(`videos/${s.studioId}/${gone}/`)).toEqual([]);
  });
});

describe("the copy, made outside any transaction", () => {
  it("drops the files it made when the video was removed while ffmpeg ran", async () => {
    const video = await aVideoRow(t.db, s, { status: "processing", copyKey: null, posterKey: null, mimeType: "video/mp4" });
    const clip = await fs.readFile(await makeTestVideo(as.folder, { name: "removed-meanwhile.mp4" }));
    await t.db.update(videos).set({ originalKey: originalKey(s.studioId, video.id) }).where(eq(videos.id, video.id));
    await put(originalKey(s.studioId, video.id), clip);
    const finish = await transcodeVideoJob(deps()).long(t.db, { videoId: video.id, studioId: s.studioId }, new Date());
    expect(await store().list(`videos/${s.studioId}/${video.id}/`)).toHaveLength(3);
    await t.db.delete(videos).where(eq(videos.id, video.id));
    await store().delete(originalKey(s.studioId, video.id));
    await t.db.transaction(finish);
    expect(await store().list(`videos/${s.studioId}/${video.id}/`)).toEqual([]);
  });
});

describe("without ffmpeg", () => {
  it("serves the original as uploaded, and the status says what is missing", async () => {
    const video = await aVideoRow(t.db, s, { status: "processing", copyKey: null, mimeType: "video/webm" });
    await t.db.update(videos).set({ originalKey: originalKey(s.studioId, video.id) }).where(eq(videos.id, video.id));
    await put(originalKey(s.studioId, video.id));
    const tools = { ffmpeg: "/nonexistent/ffmpeg", ffprobe: "/nonexistent/ffprobe" };
    const finish = await transcodeVideoJob(deps(tools)).long(t.db, { videoId: video.id, studioId: s.studioId }, new Date());
    await t.db.transaction(finish);
    expect(await callerFor(t.db, s.clientA.userId).video.get({ videoId: video.id })).toMatchObject({
      status: "ready",
      statusNote: NO_FFMPEG_NOTE,
      mimeType: "video/webm",
      videoUrl: `/api/media/videos/${video.id}/video`,
      posterUrl: null,
    });
    expect(await store().size(originalKey(s.studioId, video.id))).toBe(5);
  });
});

describe("the client's data", () => {
  it("their export carries each video's file, named in videos.csv; their deletion removes rows and files", async () => {
    const client = await createTestStudio(t.db, "videos-rights");
    const video = await aVideoRow(t.db, client, { status: "processing", copyKey: null });
    const clip = await fs.readFile(await makeTestVideo(as.folder, { name: "export.mp4", seconds: 2 }));
    await t.db.update(videos).set({ originalKey: originalKey(client.studioId, video.id) }).where(eq(videos.id, video.id));
    await put(originalKey(client.studioId, video.id), clip);
    const { scope } = await callerFor(t.db, client.clientA.userId).dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date(), store)) parts.push(part);
    const files = unzipSync(Buffer.concat(parts));
    // Still processing: the original is what there is, byte for byte.
    expect(Buffer.from(files[`videos/${video.id}.mp4`]!).equals(clip)).toBe(true);
    expect(strFromU8(files["videos.csv"]!)).toContain(`${video.id},${client.clientA.clientId},${video.sessionId},Knee Drive,1,left,`);

    await callerFor(t.db, client.owner.userId).dataRights.deleteClient({ clientId: client.clientA.clientId, confirmName: client.clientA.name });
    expect(await t.db.select().from(videos).where(eq(videos.clientId, client.clientA.clientId))).toEqual([]);
    expect(await store().list(`videos/${client.studioId}/`)).toEqual([]);
  });
});
