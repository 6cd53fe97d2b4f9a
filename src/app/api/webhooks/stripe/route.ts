import { webhookDeps } from "@/server/billing/config";
import { handleWebhookRequest } from "@/server/billing/webhook";
import { getDb } from "@/server/db/client";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

// Stripe's webhook (and, in test mode, the in-app checkout's events): signature first, then
// each event applied once. No Origin check: the signature is the authentication.
export const POST = apiRoute("/api/webhooks/stripe", async (request: Request) => handleWebhookRequest(request, webhookDeps(await getDb())));
