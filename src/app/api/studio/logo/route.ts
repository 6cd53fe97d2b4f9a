import { connection } from "next/server";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { MAX_LOGO_BYTES } from "@/server/studio/logo";

// The owner uploads the studio's logo as a form's file (the tRPC route takes no more than
// 1 MB, and a form sends a file as bytes). apiRoute refuses a cross-site post; who may set the
// logo, and what counts as an image, is decided by the procedure, as for every other change.
const MAX_FORM_BYTES = MAX_LOGO_BYTES + 64 * 1024;

export const POST = apiRoute("/api/studio/logo", async (request: Request) => {
  await connection();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) throw new DomainError("BAD_REQUEST", "Upload a logo of at most 2 MB.", "logo");
  const context = await createRequestContext(request.headers);
  const caller = createCaller(context);
  // Asked first, so a visitor or a trainer is refused before their upload is read.
  await caller.studio.get();
  const form = await request.formData().catch(() => null);
  const file = form?.get("logo");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("BAD_REQUEST", "Choose an image file to upload.", "logo");
  if (file.size > MAX_LOGO_BYTES) throw new DomainError("BAD_REQUEST", "Upload a logo of at most 2 MB.", "logo");
  const bytes = Buffer.from(await file.arrayBuffer());
  const logo = await caller.studio.setLogo({ imageBase64: bytes.toString("base64") });
  return Response.json({ logo }, { headers: { "cache-control": "no-store" } });
});
