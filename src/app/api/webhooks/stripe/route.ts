import { webhookDeps } from "@/server/billing/config";
import { handleWebhookRequest } from "@/server/billing/webhook";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

// Stripe's webhook (and, in test mode, the in-app checkout's events): signature first, then
// each event applied once. No Origin check: the signature is the authentication.
export async function POST(request: Request) {
  return handleWebhookRequest(request, webhookDeps(await getDb()));
}
