import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { streamExport } from "@/server/data-rights/export";
import type { Db } from "@/server/db/client";
import { messagePhotos } from "@/server/db/schema";
import { callerFor } from "~test/caller";
import { setupTestDatabase } from "~test/db";
import { createTestStudio, type TestStudio } from "~test/factories";
import { removeUnsentPhotos } from "./photos";

// The routes as the browser calls them, with the session swapped for the person under test.
const as = vi.hoisted(() => ({ db: null as unknown, userId: null as string | null }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("@/server/api/context", () => ({
  createRequestContext: async () => ({ db: as.db, userId: as.userId, requestId: "test", isDemo: true, ip: "203.0.113.7", now: () => new Date(), appUrl: "http://localhost:3000" }),
}));

const { POST } = await import("@/app/api/messages/photos/route");
const { GET } = await import("@/app/api/messages/photos/[photoId]/route");

const t = setupTestDatabase();
const ORIGIN = "http://localhost:3000";

/** A phone's photo: 3000 × 2000, turned by its EXIF orientation (6: shot upright), with where it was taken. */
function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#5a8" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: "PhoneCo", Model: "Pocket 9" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 2604/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3978/100" } })
    .toBuffer();
}

function upload(userId: string | null, fields: { threadId?: string; photo?: Blob; name?: string }) {
  as.userId = userId;
  const form = new FormData();
  if (fields.threadId) form.set("threadId", fields.threadId);
  if (fields.photo) form.set("photo", fields.photo, fields.name ?? "photo.jpg");
  return POST(new Request(`${ORIGIN}/api/messages/photos`, { method: "POST", body: form, headers: { origin: ORIGIN } }));
}

function fetchPhoto(userId: string | null, photoId: string) {
  as.userId = userId;
  return GET(new Request(`${ORIGIN}/api/messages/photos/${photoId}`), { params: Promise.resolve({ photoId }) });
}

async function storedPhotos(db: Db, studioId: string) {
  return db.select({ id: messagePhotos.id }).from(messagePhotos).where(eq(messagePhotos.studioId, studioId));
}

let s: TestStudio;
let threadId: string;

beforeAll(async () => {
  as.db = t.db;
  s = await createTestStudio(t.db);
  threadId = (await callerFor(t.db, s.clientA.userId).message.conversation({})).threadId;
});

describe("a photo in a message", () => {
  it("is stored upright, at most 1600 px, without EXIF (no location), sent with a message and shown to the other side", async () => {
    const original = await phonePhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const response = await upload(s.clientA.userId, { threadId, photo: new Blob([new Uint8Array(original)], { type: "image/jpeg" }) });
    expect(response.status).toBe(200);
    const { photoId, width, height } = (await response.json()) as { photoId: string; width: number; height: number };
    expect({ width, height }).toEqual({ width: 1067, height: 1600 });

    // Unsent, it is the uploader's alone.
    expect((await fetchPhoto(s.trainer.userId, photoId)).status).toBe(404);
    await callerFor(t.db, s.clientA.userId).message.send({ threadId, id: randomUUID(), body: "", photoId });

    const seen = await callerFor(t.db, s.trainer.userId).message.conversation({ clientId: s.clientA.clientId });
    expect(seen.messages.at(-1)).toMatchObject({ body: "", photoId, photoSize: { width: 1067, height: 1600 } });
    const served = await fetchPhoto(s.trainer.userId, photoId);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toContain("private");
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1067, height: 1600 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it("cannot be attached twice, to another thread, or by someone else", async () => {
    const photo = new Blob([new Uint8Array(await sharp({ create: { width: 40, height: 30, channels: 3, background: "#123" } }).png().toBuffer())]);
    const { photoId } = (await (await upload(s.clientA.userId, { threadId, photo, name: "x.png" })).json()) as { photoId: string };
    const trainer = callerFor(t.db, s.trainer.userId);
    await expect(trainer.message.send({ threadId, id: randomUUID(), body: "Mine now", photoId })).rejects.toThrow("That photo could not be attached");
    await callerFor(t.db, s.clientA.userId).message.send({ threadId, id: randomUUID(), body: "Form check", photoId });
    await expect(callerFor(t.db, s.clientA.userId).message.send({ threadId, id: randomUUID(), body: "Again", photoId })).rejects.toThrow("That photo could not be attached");
    // Nothing stored by the refusals: only the message that carried it.
    const mine = await callerFor(t.db, s.clientA.userId).message.conversation({});
    expect(mine.messages.filter((m) => m.photoId === photoId).map((m) => m.body)).toEqual(["Form check"]);
  });

  it("refuses a text file named .jpg, by its bytes, and stores nothing", async () => {
    const before = (await storedPhotos(t.db, s.studioId)).length;
    const response = await upload(s.clientA.userId, { threadId, photo: new Blob(["just some words, not a photo"], { type: "image/jpeg" }), name: "holiday.jpg" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("That file is not a photo. Send the photo as a JPEG, PNG, WebP or HEIC image.");
    expect((await storedPhotos(t.db, s.studioId)).length).toBe(before);
  });

  it("refuses a message with neither words nor a photo", async () => {
    await expect(callerFor(t.db, s.clientA.userId).message.send({ threadId, id: randomUUID(), body: "   " })).rejects.toThrow("Write a message before sending.");
  });

  it("refuses a 31 MB photo with a sentence and stores nothing, whether it says its size or not", async () => {
    const before = (await storedPhotos(t.db, s.studioId)).length;
    const big = new Uint8Array(31 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const stated = await upload(s.clientA.userId, { threadId, photo: new Blob([big], { type: "image/jpeg" }) });
    expect(stated.status).toBe(400);
    expect(((await stated.json()) as { error: { message: string } }).error.message).toBe("Send a photo of at most 30 MB.");

    // Streamed without a Content-Length: the reading stops at the limit.
    const form = new FormData();
    form.set("threadId", threadId);
    form.set("photo", new Blob([big], { type: "image/jpeg" }), "big.jpg");
    const encoded = new Response(form);
    as.userId = s.clientA.userId;
    const streamed = await POST(
      new Request(`${ORIGIN}/api/messages/photos`, { method: "POST", body: encoded.body, headers: { origin: ORIGIN, "content-type": encoded.headers.get("content-type")! }, duplex: "half" } as RequestInit),
    );
    expect(streamed.status).toBe(400);
    expect(((await streamed.json()) as { error: { message: string } }).error.message).toBe("Send a photo of at most 30 MB.");
    expect((await storedPhotos(t.db, s.studioId)).length).toBe(before);
  });

  it("is neither uploaded to nor shown from another studio's thread, nor shown to another client or a visitor", async () => {
    const other = await createTestStudio(t.db);
    const photo = new Blob([new Uint8Array(await phonePhoto())]);
    const refused = await upload(other.trainer.userId, { threadId, photo });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("That conversation does not exist or is not part of your studio.");
    expect((await upload(s.clientB.userId, { threadId, photo })).status).toBe(404);
    expect((await upload(null, { threadId, photo })).status).toBe(401);

    const { photoId } = (await (await upload(s.clientA.userId, { threadId, photo })).json()) as { photoId: string };
    await callerFor(t.db, s.clientA.userId).message.send({ threadId, id: randomUUID(), body: "", photoId });
    expect((await fetchPhoto(other.trainer.userId, photoId)).status).toBe(404);
    expect((await fetchPhoto(s.clientB.userId, photoId)).status).toBe(404);
    expect((await fetchPhoto(null, photoId)).status).toBe(401);
    expect((await fetchPhoto(s.owner.userId, photoId)).status).toBe(200);
    expect((await fetchPhoto(s.owner.userId, "not-a-uuid")).status).toBe(404);
  });

  it("is in the client's export as a file named in messages.csv, and goes with the client's deletion", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const thread = (await client.message.conversation({})).threadId;
    const { photoId } = await client.message.uploadPhoto({ threadId: thread, photo: new Uint8Array(await phonePhoto()) });
    await client.message.send({ threadId: thread, id: randomUUID(), body: "Left knee after the run", photoId });
    const { scope } = await client.dataRights.myExport();
    const parts: Uint8Array[] = [];
    for await (const part of await streamExport(t.db, scope, new Date())) parts.push(part);
    const files = unzipSync(Buffer.concat(parts));
    expect(strFromU8(files["messages.csv"]!)).toContain(`Left knee after the run,photos/${photoId}.jpg`);
    expect((await sharp(Buffer.from(files[`photos/${photoId}.jpg`]!)).metadata()).format).toBe("jpeg");

    await callerFor(t.db, studio.owner.userId).dataRights.deleteClient({ clientId: studio.clientA.clientId, confirmName: studio.clientA.name });
    expect(await storedPhotos(t.db, studio.studioId)).toEqual([]);
  });

  it("left unsent for a day is removed by the clean-up", async () => {
    const studio = await createTestStudio(t.db);
    const client = callerFor(t.db, studio.clientA.userId);
    const thread = (await client.message.conversation({})).threadId;
    const { photoId } = await client.message.uploadPhoto({ threadId: thread, photo: new Uint8Array(await phonePhoto()) });
    await removeUnsentPhotos(t.db, new Date(Date.now() + 23 * 3_600_000));
    expect((await storedPhotos(t.db, studio.studioId)).map((p) => p.id)).toEqual([photoId]);
    await removeUnsentPhotos(t.db, new Date(Date.now() + 25 * 3_600_000));
    expect(await storedPhotos(t.db, studio.studioId)).toEqual([]);
  });
});
