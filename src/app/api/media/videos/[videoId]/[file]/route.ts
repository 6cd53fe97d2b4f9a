import { connection } from "next/server";
import { createRequestContext } from "@/server/api/context";
import { viewerOf } from "@/server/api/trpc";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { mediaReaderOf } from "@/server/media/access";
import { videoFileResponse } from "@/server/media/serve";
import { mediaStore } from "@/server/media/storage-select";

// A form-check video or its poster: /api/media/videos/<id>/video and /poster, to the client
// and the trainers who may see them. The access check is the one of video.get (watchableVideo,
// inside videoFileResponse), made once with the viewer loaded once; anyone else is answered
// 404, as for a video that does not exist.
const missing = () => new DomainError("NOT_FOUND", "That video does not exist or is not part of your studio.");

export const GET = apiRoute("/api/media/videos/[videoId]/[file]", async (request: Request, { params }: { params: Promise<{ videoId: string; file: string }> }) => {
  await connection();
  const { videoId, file } = await params;
  if (!isUuid(videoId) || (file !== "video" && file !== "poster")) throw missing();
  const context = await createRequestContext(request.headers);
  const viewer = await viewerOf(context);
  if (!viewer) throw new DomainError("UNAUTHORIZED", "Sign in to watch this video.");
  const reader = mediaReaderOf(viewer);
  if (!reader) throw missing();
  return videoFileResponse(context.db, mediaStore(), reader, videoId, file, request.headers.get("range"));
});
