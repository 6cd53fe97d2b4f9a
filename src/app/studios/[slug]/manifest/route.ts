import { connection } from "next/server";
import { z } from "zod";
import { appManifestFor } from "@/lib/app-manifest";
import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/server/api-route";
import { getDb } from "@/server/db/client";
import { studioBrandBySlug } from "@/server/studio/service";

// A studio's installed app, by its public address: what a browser fetches (without cookies)
// when a client adds the portal to their home screen. Only what the public page shows already.
const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);

export const GET = apiRoute("/studios/[slug]/manifest", async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  await connection();
  const parsed = slugSchema.safeParse((await params).slug);
  const brand = parsed.success ? await studioBrandBySlug(await getDb(), parsed.data) : null;
  if (!brand) throw new DomainError("NOT_FOUND", "There is no studio at this address.");
  return Response.json(appManifestFor(brand), { headers: { "content-type": "application/manifest+json", "cache-control": "public, max-age=300" } });
});
