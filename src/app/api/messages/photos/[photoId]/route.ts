import { connection } from "next/server";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

// A message's photo, to the people who may read its thread (the procedure decides; anyone else
// is answered 404, as for a photo that does not exist). A photo's bytes never change, so the
// reader's own browser may keep it, and no shared cache may.

export const GET = apiRoute("/api/messages/photos/[photoId]", async (request: Request, { params }: { params: Promise<{ photoId: string }> }) => {
  await connection();
  const { photoId } = await params;
  if (!isUuid(photoId)) throw new DomainError("NOT_FOUND", "That photo does not exist or is not part of your studio.");
  const caller = createCaller(await createRequestContext(request.headers));
  const photo = await caller.message.photo({ photoId });
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.contentType,
      "cache-control": "private, max-age=31536000, immutable",
      "content-disposition": "inline",
      "x-content-type-options": "nosniff",
    },
  });
});
