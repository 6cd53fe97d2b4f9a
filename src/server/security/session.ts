import type { JWT } from "next-auth/jwt";
import { isSessionCurrent } from "@/server/auth/service";
import type { Queryable } from "@/server/db/client";
import { isWithinLifetime } from "./session-policy";

/**
 * Auth.js's jwt callback on every request that reads the session: the token is kept only if
 * it is within its lifetime, its session version is still the user's (sign out
 * everywhere, an archived client or a disabled account bump or block it) and its device has
 * not signed out. null ends it.
 */
export async function keepSessionToken(db: Queryable, token: JWT, now: Date): Promise<JWT | null> {
  if (!isWithinLifetime(token, now)) return null;
  return (await isSessionCurrent(db, token)) ? token : null;
}
