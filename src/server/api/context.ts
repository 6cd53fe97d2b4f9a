import { env } from "@/env";
import { signedInSession } from "@/server/auth/session-reader";
import { getDb } from "@/server/db/client";
import { currentRequestId } from "@/server/logger";
import { clientIp, requestIdOf } from "@/server/request";
import type { Context } from "./trpc";

/** The context of a real request: who is signed in comes from the verified session only. */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const e = env();
  const db = await getDb();
  const session = await signedInSession(db, headers, new Date());
  const viewer = session?.viewer ?? null;
  return {
    db,
    userId: viewer?.userId ?? null,
    viewer,
    deviceSessionId: session?.deviceSessionId ?? null,
    // The route handler's id when there is one, so the error shown and the log lines match.
    requestId: currentRequestId() ?? requestIdOf(headers),
    isDemo: e.isDemo && !e.SMTP_URL,
    hasMailServer: !!e.SMTP_URL,
    isSignupOpen: e.isSignupOpen,
    ip: clientIp(headers),
    now: () => new Date(),
    appUrl: e.appUrl,
  };
}
