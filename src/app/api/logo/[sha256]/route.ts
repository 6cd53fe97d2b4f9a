import { connection } from "next/server";
import { apiRoute } from "@/server/api-route";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { logoImage } from "@/server/studio/service";

// A studio's logo, by the hash of its bytes: the address never shows other bytes, so browsers
// and proxies may keep it for a year; a new logo has a new address. `?size=192|512` gives the
// square icon the installed app asks for (manifest.ts).
const SIZES = { "192": 192, "512": 512 } as const;

export const GET = apiRoute("/api/logo/[sha256]", async (request: Request, { params }: { params: Promise<{ sha256: string }> }) => {
  await connection();
  const { sha256 } = await params;
  const sizeParam = new URL(request.url).searchParams.get("size");
  const size = sizeParam === null ? null : (SIZES[sizeParam as keyof typeof SIZES] ?? undefined);
  if (!/^[0-9a-f]{64}$/.test(sha256) || size === undefined) throw new DomainError("NOT_FOUND", "There is no such logo.");
  const etag = `"${sha256}${size ? `-${size}` : ""}"`;
  const headers = { "content-type": "image/png", etag, "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const png = await logoImage(await getDb(), sha256, size);
  if (!png) throw new DomainError("NOT_FOUND", "There is no such logo.");
  return new Response(new Uint8Array(png), { headers });
});
