import { Readable } from "node:stream";
import type { Queryable } from "@/server/db/client";
import { notFound } from "@/lib/errors";
import type { MediaReader } from "./access";
import { rangeOf } from "./range";
import type { MediaStore } from "./storage";
import { watchableVideo } from "./videos";

// A video's file to someone who may watch it. From the disk store the app answers the bytes,
// honouring Range (206, Content-Range) so phones can seek; from S3 it redirects to a signed URL
// that lives a few minutes, and S3 answers the ranges itself. Either way the answer is private
// to the person: no shared cache keeps it.

export const SIGNED_URL_SECONDS = 300;

export type VideoFile = "video" | "poster";

export async function videoFileResponse(q: Queryable, store: MediaStore, reader: MediaReader, videoId: string, file: VideoFile, rangeHeader: string | null): Promise<Response> {
  const video = await watchableVideo(q, reader, videoId);
  const key = file === "poster" ? video.posterKey : video.status === "ready" ? (video.copyKey ?? video.originalKey) : null;
  if (!key) throw notFound(file === "poster" ? "poster" : "video");
  const contentType = file === "poster" ? "image/jpeg" : (video.copyKey ? "video/mp4" : (video.mimeType ?? "application/octet-stream"));
  const headers: Record<string, string> = { "cache-control": "private, no-store", "x-content-type-options": "nosniff", "content-disposition": "inline" };

  const signed = await store.signedUrl(key, { expiresInSeconds: SIGNED_URL_SECONDS, contentType });
  if (signed) return new Response(null, { status: 302, headers: { ...headers, location: signed } });

  const size = await store.size(key);
  if (size === null) throw notFound(file);
  const answer = rangeOf(rangeHeader, size);
  const base = { ...headers, "content-type": contentType, "accept-ranges": "bytes" };
  if (answer.kind === "unsatisfiable") return new Response(null, { status: 416, headers: { ...base, "content-range": `bytes */${size}` } });
  const object = await store.get(key, answer.kind === "part" ? answer.range : undefined);
  if (!object) throw notFound(file);
  const body = Readable.toWeb(object.body) as ReadableStream<Uint8Array>;
  const length = object.size === 0 ? 0 : object.range.end - object.range.start + 1;
  if (answer.kind === "part") {
    return new Response(body, { status: 206, headers: { ...base, "content-length": String(length), "content-range": `bytes ${object.range.start}-${object.range.end}/${object.size}` } });
  }
  return new Response(body, { status: 200, headers: { ...base, "content-length": String(length) } });
}
