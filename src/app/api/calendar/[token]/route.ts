import { buildFeedForToken } from "@/server/booking/feed-service";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

// The private calendar feed a calendar app subscribes to: /api/calendar/<secret>.ics.
// Logged as the pattern: the URL itself is the secret.
export const GET = apiRoute("/api/calendar/[token]", async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const secret = token.replace(/\.ics$/, "");
  const ics = /^[A-Za-z0-9_-]{20,100}$/.test(secret) ? await buildFeedForToken(await getDb(), secret, new Date()) : null;
  if (!ics) throw new DomainError("NOT_FOUND", "This calendar link is not valid any more. Copy the current link from Stride.");
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="stride.ics"',
      "cache-control": "private, no-store",
    },
  });
});
