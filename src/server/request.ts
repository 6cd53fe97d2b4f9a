import { randomUUID } from "node:crypto";

/**
 * The caller's address for per-IP throttling. Next.js fills x-forwarded-for from the socket
 * only when the header is absent, so behind a proxy the proxy's first entry is the client.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  return first || headers.get("x-real-ip") || null;
}

export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

// Browsers always send Origin on cross-site POSTs; a state-changing request whose Origin is
// another site is refused (Auth.js guards only its own routes against CSRF).
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
