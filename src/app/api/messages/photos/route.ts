import { connection } from "next/server";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { MAX_PHOTO_BYTES, PHOTO_FIELD, PHOTO_TOO_BIG } from "@/server/messages/photo-image";
import { limitedFormData } from "@/server/request-body";

// A photo for a message, as a form's file with the thread's id (the tRPC route takes no more
// than 1 MB). apiRoute refuses a cross-site post; who may send to the thread, and what counts
// as a photo, is decided by the procedure, as for every other message.
const MAX_FORM_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

export const POST = apiRoute("/api/messages/photos", async (request: Request) => {
  await connection();
  const caller = createCaller(await createRequestContext(request.headers));
  // Asked first, so a visitor (or anyone who is neither client nor trainer) is refused before their upload is read.
  await caller.message.unreadCount();
  const form = await limitedFormData(request, MAX_FORM_BYTES, PHOTO_TOO_BIG);
  const file = form?.get(PHOTO_FIELD);
  const threadId = form?.get("threadId");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("BAD_REQUEST", "Choose a photo to send.", PHOTO_FIELD);
  if (file.size > MAX_PHOTO_BYTES) throw new DomainError("BAD_REQUEST", PHOTO_TOO_BIG, PHOTO_FIELD);
  if (typeof threadId !== "string") throw new DomainError("BAD_REQUEST", "Pick a conversation from your messages.");
  const photo = await caller.message.uploadPhoto({ threadId, photo: new Uint8Array(await file.arrayBuffer()) });
  return Response.json(photo, { headers: { "cache-control": "no-store" } });
});
