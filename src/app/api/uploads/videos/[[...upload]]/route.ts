import { connection } from "next/server";
import { env } from "@/env";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { viewerOf } from "@/server/api/trpc";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { mediaFolders, mediaStore } from "@/server/media/storage-select";
import { systemTools } from "@/server/media/tools";
import { handleVideoUpload, VIDEO_UPLOAD_PATH } from "@/server/media/tus";

// Form-check videos, uploaded with the tus protocol (tus-js-client in the browser): POST makes
// an upload for a side of a drill the client logged (Upload-Metadata: sessionId, drillId,
// setNumber, side), PATCH sends its bytes, HEAD tells how far it got, DELETE cancels it.
// apiRoute refuses a cross-site request; a client only (video.uploadLimits says who may),
// and each upload id is held to the account that started it (server/media/tus.ts).

const handler = async (request: Request) => {
  await connection();
  const context = await createRequestContext(request.headers);
  await createCaller(context).video.uploadLimits();
  const viewer = await viewerOf(context);
  if (viewer?.kind !== "client") throw new DomainError("FORBIDDEN", "Only clients can upload form-check videos.");
  return handleVideoUpload(
    request,
    { studioId: viewer.studioId, userId: viewer.userId, clientId: viewer.clientId },
    { db: context.db, store: mediaStore(), tools: systemTools, incomingFolder: mediaFolders(env()).incoming },
  );
};

const route = `${VIDEO_UPLOAD_PATH}/[[...upload]]`;
export const POST = apiRoute(route, handler);
export const PATCH = apiRoute(route, handler);
export const HEAD = apiRoute(route, handler);
export const DELETE = apiRoute(route, handler);
export const OPTIONS = apiRoute(route, handler);
