import { connection } from "next/server";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { viewerOf } from "@/server/api/trpc";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { mediaReaderOf } from "@/server/media/access";
import { videoFileResponse } from "@/server/media/serve";
import { mediaStore } from "@/server/media/storage-select";
import { isUuid } from "@/lib/uuid";

// A form-check video or its poster: /api/media/videos/<id>/video and /poster, to the client
// and the trainers who may see them (video.get decides, as for the video's page); anyone
// else is answered 404, as for a video that does not exist.

export const GET = apiRoute("/api/media/videos/[videoId]/[file]", async (request: Request, { params }: { params: Promise<{ videoId: string; file: string }> }) => {
  await connection();
  const { videoId, file } = await params;
  if (!isUuid(videoId) || (file !== "video" && file !== "poster")) throw new DomainError("NOT_FOUND", "That video does not exist or is not part of your studio.");
  const context = await createRequestContext(request.headers);
  await createCaller(context).video.get({ videoId });
  const reader = mediaReaderOf((await viewerOf(context))!);
  if (!reader) throw new DomainError("NOT_FOUND", "That video does not exist or is not part of your studio.");
  return videoFileResponse(context.db, mediaStore(), reader, videoId, file, request.headers.get("range"));
});
