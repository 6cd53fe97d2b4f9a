import { LRUCache } from "lru-cache";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env, resolveAuthSecret } from "@/env";
import type { Queryable } from "@/server/db/client";
import { servesHttps } from "@/server/security/deployment";
import { isWithinLifetime } from "@/server/security/session-policy";
import { loadViewer, type Viewer } from "./viewer";

// Who is asking, for every request our own code serves (tRPC, exports, pages). Auth.js's
// `auth()` would decrypt the cookie, run the jwt callback, encrypt a fresh token and pass it
// all through a Response, only for a server component or route handler to drop the new
// cookie: a third of a request's CPU under load. Here the cookie is decrypted once per token
// and the session checks and the viewer are one query. Auth.js's own endpoints still go
// through its jwt callback (src/server/security/session.ts), which applies the same rules.

/**
 * Decrypted tokens by their exact text. Decryption is a pure function of token and secret,
 * so a hit is as good as decrypting again; the expiry is re-checked on every hit, and what
 * the token may do (its version, the account) is still asked of the database each request.
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
export async function sessionClaimsOf(headers: Headers, now: Date): Promise<{ uid: string; sv: number } | null> {
  const token = await getToken({
    // Only the cookie: getToken would also take an Authorization header, which we never issue.
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret: resolveAuthSecret(),
    secureCookie: servesHttps(env()),
    decode: decodeOnce,
  });
  return token && isWithinLifetime(token, now) ? { uid: token.uid, sv: token.sv } : null;
}

/**
 * The signed-in viewer of a request, or null when there is no session or it no longer holds
 * (older than its lifetime, signed out everywhere, account disabled): the same rules as the
 * jwt callback, with the version check inside the viewer's own query.
 */
export async function sessionViewer(q: Queryable, headers: Headers, now: Date): Promise<Viewer | null> {
  const claims = await sessionClaimsOf(headers, now);
  return claims ? loadViewer(q, claims.uid, { sessionVersion: claims.sv }) : null;
}
