import fs from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { studios, videos } from "@/server/db/schema";
import { copyKey, posterKey } from "@/server/media/keys";
import type { MediaStore } from "@/server/media/storage";
import { diskStore } from "@/server/media/storage-disk";
import { s3Store } from "@/server/media/storage-s3";
import { setupTestDatabase } from "~test/db";
import { createAuthzFixture, userOfRole } from "~test/authz/fixture";
import type { AuthzFixture, Role } from "~test/authz/roles";
import { aVideoRow } from "~test/video-fixtures";

// GET /api/media/videos/<id>/video|poster as a phone's player asks for it: to whom it answers
// (every role of the authorization matrix), ranges from the disk store, and on S3 a redirect
// to a short-lived signed URL that fetches the bytes.

const as = vi.hoisted(() => ({ db: null as unknown, store: null as unknown }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({
  createRequestContext: async (headers: Headers) => ({ db: as.db, userId: headers.get("x-test-user") || null, requestId: "test", isDemo: true, ip: "203.0.113.7", now: () => new Date(), appUrl: "http://localhost:3000" }),
}));
vi.mock("@/server/media/storage-select", () => ({ mediaStore: () => as.store, mediaFolders: () => ({ store: "", incoming: "" }) }));

const { GET } = await import("./[videoId]/[file]/route");
const t = setupTestDatabase();
const BYTES = new TextEncoder().encode("0123456789".repeat(100));

let folder: string;
let s3rver: S3rver;
let disk: MediaStore;
let s3: MediaStore;
let f: AuthzFixture;
let videoId: string;

function get(userId: string | null, id: string, file: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/api/media/videos/${id}/${file}`, { headers: { ...(userId ? { "x-test-user": userId } : {}), ...headers } }), { params: Promise.resolve({ videoId: id, file }) });
}

beforeAll(async () => {
  as.db = t.db;
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-media-route-"));
  disk = diskStore(path.join(folder, "disk"));
  s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(folder, "s3"), configureBuckets: [{ name: "videos", configs: [] }] });
  const { port } = (await s3rver.run()) as AddressInfo;
  s3 = s3Store({ endpoint: `http://127.0.0.1:${port}`, bucket: "videos", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1" });
  f = await createAuthzFixture(t.db);
  const video = await aVideoRow(t.db, f.home);
  videoId = video.id;
  await t.db.update(videos).set({ copyKey: copyKey(f.home.studioId, videoId), posterKey: posterKey(f.home.studioId, videoId) }).where(eq(videos.id, videoId));
  for (const store of [disk, s3]) {
    await store.put(copyKey(f.home.studioId, videoId), BYTES, { contentType: "video/mp4" });
    await store.put(posterKey(f.home.studioId, videoId), new Uint8Array([0xff, 0xd8, 0xff]), { contentType: "image/jpeg" });
  }
});
afterAll(async () => {
  await s3rver?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

describe("from the disk store", () => {
  beforeAll(() => void (as.store = disk));

  it.each<[Role, number]>([
    ["clientA", 200],
    ["trainer", 200],
    ["owner", 200],
    ["scopedTrainer", 200],
    ["clientB", 404],
    ["otherTrainer", 404],
    ["signupOwner", 404],
    ["deactivatedTrainer", 401],
    ["anonymous", 401],
  ])("answers %s with %i", async (role, status) => {
    const response = await get(userOfRole(f, role), videoId, "video");
    expect(response.status).toBe(status);
    if (status === 200) expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
  });

  it("keeps a video from a trainer who may see only their own clients", async () => {
    await t.db.update(studios).set({ clientVisibility: "own" }).where(eq(studios.id, f.home.studioId));
    try {
      expect((await get(f.scopedTrainer.userId, videoId, "video")).status).toBe(404);
      expect((await get(f.home.trainer.userId, videoId, "video")).status).toBe(200);
    } finally {
      await t.db.update(studios).set({ clientVisibility: "all" }).where(eq(studios.id, f.home.studioId));
    }
  });

  it("answers a range with 206 and the part asked for, so a phone can seek", async () => {
    const whole = await get(f.home.clientA.userId, videoId, "video");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("cache-control")).toBe("private, no-store");
    const part = await get(f.home.clientA.userId, videoId, "video", { range: "bytes=10-19" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(part.headers.get("content-length")).toBe("10");
    expect(await part.text()).toBe("0123456789");
    const tail = await get(f.home.clientA.userId, videoId, "video", { range: "bytes=-3" });
    expect(tail.headers.get("content-range")).toBe("bytes 997-999/1000");
    const past = await get(f.home.clientA.userId, videoId, "video", { range: "bytes=5000-" });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe("bytes */1000");
  });

  it("serves the poster as a JPEG, and nothing for a file that is not a video's", async () => {
    const poster = await get(f.home.clientA.userId, videoId, "poster");
    expect(poster.status).toBe(200);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    expect((await get(f.home.clientA.userId, videoId, "original")).status).toBe(404);
    expect((await get(f.home.clientA.userId, "not-a-uuid", "video")).status).toBe(404);
  });
});

describe("from an S3 store", () => {
  beforeAll(() => void (as.store = s3));

  it("redirects to a signed URL that lives five minutes, which answers ranges itself", async () => {
    const response = await get(f.home.trainer.userId, videoId, "video");
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/X-Amz-Expires=300/);
    const part = await fetch(location, { headers: { range: "bytes=0-4" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("01234");
    expect((await get(f.home.clientB.userId, videoId, "video")).status).toBe(404);
  });
});
