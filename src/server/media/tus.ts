import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import { DomainError } from "@/lib/errors";
import type { Db } from "@/server/db/client";
import { httpStatusOf } from "@/server/http-errors";
import { logger } from "@/server/logger";
import type { Uploader } from "./access";
import { MAX_VIDEO_BYTES, VIDEO_TOO_BIG } from "./limits";
import type { MediaStore } from "./storage";
import type { MediaTools } from "./tools";
import { dropUpload, entryOfMetadata, finishVideoUpload, startVideoUpload, uploadOf } from "./uploads";
import { isUuid } from "@/lib/uuid";
import { createPace, paced } from "./ingest-pace";

// The tus endpoint for form-check videos (the protocol tus-js-client speaks: create, then PATCH
// chunks, HEAD to ask how far it got after a dropped connection). The route has already said
// who asks; here each request is held to that person: a new upload names a side of a drill
// they logged, and an upload id is theirs alone. Refusals answer a sentence as the body.

export const VIDEO_UPLOAD_PATH = "/api/uploads/videos";

export type VideoUploadDeps = { db: Db; store: MediaStore; tools: MediaTools; incomingFolder: string };

type RequestState = { uploader: Uploader; deps: VideoUploadDeps };
const current = new AsyncLocalStorage<RequestState>();
const stateOf = () => {
  const state = current.getStore();
  if (!state) throw new Error("A video upload hook ran outside its request.");
  return state;
};

/** A refusal as tus hooks throw it: the status and the sentence the client shows. */
function tusRefusal(error: unknown): { status_code: number; body: string } {
  if (error instanceof DomainError) return { status_code: httpStatusOf(error), body: error.message };
  logger.error({ err: error }, "video upload failed");
  return { status_code: 500, body: "The upload could not be saved. Try again in a moment." };
}
const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw tusRefusal(error);
  }
};

const servers = new Map<string, Server>();

// 30 MB/s (240 Mbit/s) for the whole server: above any phone's upload, so only a LAN burst waits.
const ingestPace = createPace(30 * 1024 * 1024, 8 * 1024 * 1024);

/** A PATCH's bytes at the shared pace; every other request as it came. */
function pacedRequest(request: Request): Request {
  if (request.method.toUpperCase() !== "PATCH" || !request.body) return request;
  return new Request(request.url, { method: request.method, headers: request.headers, body: paced(request.body, ingestPace), signal: request.signal, duplex: "half" } as RequestInit);
}

/** One tus server per incoming folder (its file store and its locks live with it). */
function serverFor(incomingFolder: string): Server {
  let server = servers.get(incomingFolder);
  if (server) return server;
  server = new Server({
    path: VIDEO_UPLOAD_PATH,
    datastore: new FileStore({ directory: incomingFolder }),
    maxSize: MAX_VIDEO_BYTES,
    relativeLocation: true,
    namingFunction: () => randomUUID(),
    onUploadCreate: (_req, upload) =>
      refusing(async () => {
        const { uploader, deps } = stateOf();
        await startVideoUpload(deps.db, uploader, upload.id, entryOfMetadata(upload.metadata ?? {}));
        return {};
      }),
    onUploadFinish: (_req, upload) =>
      refusing(async () => {
        const { uploader, deps } = stateOf();
        const video = await finishVideoUpload(deps.db, deps.store, deps.tools, { id: upload.id, studioId: uploader.studioId }, path.join(deps.incomingFolder, upload.id), new Date());
        return { headers: { "Stride-Video-Id": video.id } };
      }),
    // tus's own refusals are short English phrases; the limit a person can act on is a sentence.
    onResponseError: (_req, error) => ("status_code" in error && error.status_code === 413 ? { status_code: 413, body: VIDEO_TOO_BIG } : undefined),
  });
  servers.set(incomingFolder, server);
  return server;
}

/** The upload id a request names (the path's last part), or null for a new upload. */
export function uploadIdOf(url: string): string | null {
  const pathname = new URL(url).pathname.replace(/\/+$/, "");
  if (pathname === VIDEO_UPLOAD_PATH) return null;
  return pathname.startsWith(`${VIDEO_UPLOAD_PATH}/`) ? pathname.slice(VIDEO_UPLOAD_PATH.length + 1) : null;
}

/**
 * Answers one tus request of `uploader`. Resuming (HEAD, PATCH) or cancelling (DELETE) an upload
 * is refused unless they started it; a cancelled upload leaves nothing behind.
 */
export async function handleVideoUpload(request: Request, uploader: Uploader, deps: VideoUploadDeps): Promise<Response> {
  const id = uploadIdOf(request.url);
  const method = request.method.toUpperCase();
  if (method !== "OPTIONS") {
    if (method === "POST" ? id !== null : id === null || !isUuid(id)) throw new DomainError("NOT_FOUND", "That upload does not exist or is not part of your studio.");
    if (id) await uploadOf(deps.db, uploader, id);
  }
  const response = await current.run({ uploader, deps }, () => serverFor(deps.incomingFolder).handleWeb(pacedRequest(request)));
  if (method === "DELETE" && id && response.status === 204) await dropUpload(deps.db, deps.store, { id, studioId: uploader.studioId }, path.join(deps.incomingFolder, id));
  return response;
}
