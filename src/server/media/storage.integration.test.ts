import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { AddressInfo } from "node:net";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv, EnvError } from "@/env";
import type { MediaStore } from "./storage";
import { diskStore } from "./storage-disk";
import { s3Store } from "./storage-s3";
import { storeFor } from "./storage-select";

// One contract, two stores: the folder under the data directory and a real S3-compatible
// server (s3rver) on a free port. What the media route and the jobs rely on is asserted here.

async function text(store: MediaStore, key: string, range?: { start: number; end: number }) {
  const object = await store.get(key, range);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Buffer));
  return { text: Buffer.concat(chunks).toString("utf8"), size: object.size, range: object.range };
}

let folder: string;
let s3rver: S3rver;
const stores: Record<string, () => MediaStore> = {};

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "stride-media-"));
  stores.disk = () => diskStore(path.join(folder, "disk"));
  s3rver = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(folder, "s3"), configureBuckets: [{ name: "videos", configs: [] }] });
  const address = (await s3rver.run()) as AddressInfo;
  const config = { endpoint: `http://127.0.0.1:${address.port}`, bucket: "videos", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1" };
  stores.s3 = () => s3Store(config);
});
afterAll(async () => {
  await s3rver?.close();
  await fs.rm(folder, { recursive: true, force: true });
});

describe.each(["disk", "s3"])("the %s store", (kind) => {
  const store = () => stores[kind]!();

  it("gives back what was put, whole and by byte range, with the file's size", async () => {
    await store().put("videos/s1/v1/original", new TextEncoder().encode("0123456789"), { contentType: "video/mp4" });
    expect(await text(store(), "videos/s1/v1/original")).toEqual({ text: "0123456789", size: 10, range: { start: 0, end: 9 } });
    expect(await text(store(), "videos/s1/v1/original", { start: 2, end: 5 })).toEqual({ text: "2345", size: 10, range: { start: 2, end: 5 } });
    // A range past the end is the rest of the file, as HTTP clamps it.
    expect(await text(store(), "videos/s1/v1/original", { start: 8, end: 100 })).toEqual({ text: "89", size: 10, range: { start: 8, end: 9 } });
    expect(await store().size("videos/s1/v1/original")).toBe(10);
  });

  it("stores a stream of known size", async () => {
    await store().put("videos/s1/v2/copy.mp4", Readable.from([Buffer.from("abc"), Buffer.from("def")]), { contentType: "video/mp4", size: 6 });
    expect((await text(store(), "videos/s1/v2/copy.mp4"))?.text).toBe("abcdef");
  });

  it("answers null for a key it does not have, and deleting it twice is no error", async () => {
    expect(await store().get("videos/s1/none/original")).toBeNull();
    expect(await store().size("videos/s1/none/original")).toBeNull();
    await store().put("videos/s1/v3/poster.jpg", new Uint8Array([1, 2, 3]), { contentType: "image/jpeg" });
    await store().delete("videos/s1/v3/poster.jpg");
    await store().delete("videos/s1/v3/poster.jpg");
    expect(await store().get("videos/s1/v3/poster.jpg")).toBeNull();
  });

  it("lists the keys under a prefix only", async () => {
    await store().put("videos/s2/a/original", new Uint8Array([1]), { contentType: "video/mp4" });
    await store().put("videos/s2/b/poster.jpg", new Uint8Array([1]), { contentType: "image/jpeg" });
    await store().put("videos/s3/c/original", new Uint8Array([1]), { contentType: "video/mp4" });
    expect(await store().list("videos/s2/")).toEqual(["videos/s2/a/original", "videos/s2/b/poster.jpg"]);
    expect(await store().list("videos/nobody/")).toEqual([]);
  });

  it("refuses a key that climbs out of the store", async () => {
    await expect(store().put("../escape", new Uint8Array([1]), { contentType: "video/mp4" })).rejects.toThrow(/Not a storage key/);
  });
});

describe("choosing the store", () => {
  it("keeps videos in the data folder unless S3 is configured, and on S3 only when all of S3_* are set", async () => {
    expect(storeFor(loadEnv({ STRIDE_DATA_DIR: folder })).kind).toBe("disk");
    expect(storeFor(loadEnv({ S3_ENDPOINT: "http://127.0.0.1:9", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_REGION: "us-east-1" })).kind).toBe("s3");
    expect(() => loadEnv({ S3_ENDPOINT: "http://127.0.0.1:9", S3_BUCKET: "b" })).toThrow(EnvError);
    expect(() => loadEnv({ S3_ENDPOINT: "http://127.0.0.1:9", S3_BUCKET: "b" })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION are missing/);
  });

  it("gives a short-lived signed URL on S3 that fetches the object, and none on disk", async () => {
    await stores.s3!().put("videos/s9/v/poster.jpg", new TextEncoder().encode("jpeg!"), { contentType: "image/jpeg" });
    const url = await stores.s3!().signedUrl("videos/s9/v/poster.jpg", { expiresInSeconds: 60, contentType: "image/jpeg" });
    expect(url).toMatch(/X-Amz-Expires=60/);
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("jpeg!");
    expect(await stores.disk!().signedUrl("videos/s9/v/poster.jpg", { expiresInSeconds: 60, contentType: "image/jpeg" })).toBeNull();
  });
});
