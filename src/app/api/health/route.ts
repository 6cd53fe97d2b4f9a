import { getDb } from "@/server/db/client";
import { logger } from "@/server/logger";
import { apiRoute } from "@/server/api-route";
import { checkHealth } from "./check";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers and the e2e runner: 200 when the database answers and its
 * migrations are exactly this version's, else 503 with the reason. Never cached.
 */
export const GET = apiRoute("/api/health", async () => {
  const health = await getDb().then(checkHealth, () => ({ ok: false as const, error: "The database could not be opened." }));
  if (!health.ok) logger.warn({ reason: health.error }, "health check failed");
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
  // Load balancers poll every few seconds: a healthy answer is logged at debug only.
}, { successLevel: "debug" });
