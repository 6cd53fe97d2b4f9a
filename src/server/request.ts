import { randomUUID } from "node:crypto";

/**
 * The caller's address for per-IP throttling. The server in front of Next
 * (src/server/http-server.ts) replaces X-Forwarded-For with the one address it established
 * from the socket, or from a proxy named by TRUST_PROXY; a client's own copy never gets here.
 */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || null;
}

/** The page's path, set by the proxy (src/proxy.ts) for the layouts, which are not told it. */
export const PATHNAME_HEADER = "x-stride-pathname";

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

// Browsers always send Origin on cross-site POSTs; a state-changing request whose Origin is
// another site is refused (Auth.js guards only its own routes against CSRF). The whole origin
// counts, scheme included: https://host is another origin than http://host. The scheme and host
// are the ones the server in front of Next established (a trusted proxy's, else the socket's).
// The deployment's own APP_URL is always its origin, so a TLS proxy not yet named in
// TRUST_PROXY (its X-Forwarded-Proto then ignored) does not turn every form post away.
export function isSameOrigin(headers: Headers, publicUrl?: string): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const scheme = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() || "http";
  try {
    const claimed = new URL(origin).origin;
    if (publicUrl && claimed === new URL(publicUrl).origin) return true;
    if (!host || (scheme !== "http" && scheme !== "https")) return false;
    return claimed === new URL(`${scheme}://${host}`).origin;
  } catch {
    return false;
  }
}
