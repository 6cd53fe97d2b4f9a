import { LRUCache } from "lru-cache";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env, resolveAuthSecret } from "@/env";
import type { Queryable } from "@/server/db/client";
import { servesHttps } from "@/server/security/deployment";
import { isDeviceSeenStale, isWithinLifetime, type HeldClaims } from "@/server/security/session-policy";
import { touchDeviceSession } from "./device-sessions";
import { loadSessionViewer, type Viewer } from "./viewer";

// Who is asking, for every request our own code serves (tRPC, exports, pages). Auth.js's
// `auth()` would decrypt the cookie, run the jwt callback, encrypt a fresh token and pass it
// all through a Response, only for a server component or route handler to drop the new
// cookie: a third of a request's CPU under load. Here the cookie is decrypted once per token
// and the session checks and the viewer are one query. Auth.js's own endpoints still go
// through its jwt callback (src/server/security/session.ts), which applies the same rules.

/**
 * Decrypted tokens by their exact text. Decryption is a pure function of token and secret,
 * so a hit is as good as decrypting again; the expiry is re-checked on every hit, and what
 * the token may do (its version, its device's row, the account) is still asked of the
 * database each request: a signed-out cookie in this cache fails on its very next request,
 * on every instance.
 */
const decrypted = new LRUCache<string, JWT>({ max: 5_000 });

async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${params.salt}\u0000${params.token}`;
  const known = decrypted.get(key);
  if (known) return typeof known.exp === "number" && known.exp * 1000 <= Date.now() ? null : known;
  const token = await decode(params);
  if (token) decrypted.set(key, token);
  return token;
}

/** The claims of the request's session cookie (Auth.js's name and encryption), or null. */
export async function sessionClaimsOf(headers: Headers, now: Date): Promise<HeldClaims | null> {
  const token = await getToken({
    // Only the cookie: getToken would also take an Authorization header, which we never issue.
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret: resolveAuthSecret(),
    secureCookie: servesHttps(env()),
    decode: decodeOnce,
  });
  return token && isWithinLifetime(token, now) ? { uid: token.uid, sv: token.sv, sid: token.sid, signedInAt: token.signedInAt } : null;
}

/**
 * The signed-in viewer of a request, or null when there is no session or it no longer holds
 * (older than its lifetime, signed out on this device or everywhere, account disabled): the
 * same rules as the jwt callback, checked inside the viewer's own query.
 */
export async function sessionViewer(q: Queryable, headers: Headers, now: Date): Promise<Viewer | null> {
  return (await signedInSession(q, headers, now))?.viewer ?? null;
}

/** The same, with the signed-in device's row (its account settings mark "this device"). */
export async function signedInSession(q: Queryable, headers: Headers, now: Date): Promise<{ viewer: Viewer; deviceSessionId: string } | null> {
  const claims = await sessionClaimsOf(headers, now);
  if (!claims) return null;
  const found = await loadSessionViewer(q, claims.uid, claims);
  if (!found) return null;
  if (found.deviceLastSeenAt && isDeviceSeenStale(found.deviceLastSeenAt, now)) await touchDeviceSession(q, claims.sid, now);
  return { viewer: found.viewer, deviceSessionId: claims.sid };
}
