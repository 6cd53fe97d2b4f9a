import { isSameOrigin } from "@/server/request";

// Cross-site request forgery, outside tRPC. Every state-changing entry point of the app is
// listed here with what protects it; csrf.test.ts scans src/app and fails when a route.ts or
// a "use server" file appears that is not listed, or when a route listed as read-only starts
// exporting POST, PUT, PATCH or DELETE. Besides its own protection, every non-GET request
// except the signed webhook passes the same-origin check below: pages and server actions in
// the proxy (src/proxy.ts), /api routes in apiRoute (src/server/api-route.ts), which every
// route handler is built with. The session cookie is SameSite=Lax, so a cross-site form
// never carries it.
export type Protection =
  /** Answers GET only and changes nothing. */
  | "read-only"
  /** Auth.js: its POSTs need its double-submit CSRF token (plus apiRoute's Origin check). */
  | "auth-js-csrf-token"
  /** Refused from a foreign origin by apiRoute (isForgedRequest) before the handler runs. */
  | "same-origin"
  /** Not a browser call: the body's signature is the authentication. */
  | "signature"
  /** Server actions: Next.js aborts one whose Origin is not the Host (e2e/security.e2e.ts proves it). */
  | "server-action-origin";

/** Every route handler and server-action file under src/app, by path from the project root. */
export const CSRF_INVENTORY: Record<string, Protection> = {
  "src/app/api/auth/[...nextauth]/route.ts": "auth-js-csrf-token",
  "src/app/api/trpc/[trpc]/route.ts": "same-origin",
  "src/app/api/webhooks/stripe/route.ts": "signature",
  "src/app/api/calendar/[token]/route.ts": "read-only",
  "src/app/api/progress/export/route.ts": "read-only",
  "src/app/api/export/studio/route.ts": "read-only",
  "src/app/api/export/mine/route.ts": "read-only",
  "src/app/api/health/route.ts": "read-only",
  "src/app/api/logo/[sha256]/route.ts": "read-only",
  "src/app/studios/[slug]/manifest/route.ts": "read-only",
  "src/app/api/studio/logo/route.ts": "same-origin",
  "src/app/api/messages/photos/route.ts": "same-origin",
  "src/app/api/runs/import/route.ts": "same-origin",
  "src/app/api/uploads/videos/[[...upload]]/route.ts": "same-origin",
  "src/app/api/media/videos/[videoId]/[file]/route.ts": "read-only",
  "src/app/api/messages/photos/[photoId]/route.ts": "read-only",
  "src/app/sw.js/route.ts": "read-only",
  "src/app/actions.ts": "server-action-origin",
  "src/app/(auth)/sign-in/actions.ts": "server-action-origin",
  "src/app/(auth)/invite/actions.ts": "server-action-origin",
  "src/app/(auth)/staff-invite/actions.ts": "server-action-origin",
  "src/app/(auth)/sign-up/actions.ts": "server-action-origin",
  "src/app/checkout/actions.ts": "server-action-origin",
  "src/app/setup/actions.ts": "server-action-origin",
};

/** Paths whose callers are servers that sign the body, so they carry no browser Origin. */
const SIGNED_PATHS = ["/api/webhooks/stripe"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Should this request be refused as cross-site? A state-changing request from another
 * origin is, except to a signature-verified path. Browsers send Origin on every cross-site
 * POST; when it is missing, Fetch Metadata still tells a cross-site request apart.
 */
export function isForgedRequest(method: string, pathname: string, headers: Headers, publicUrl?: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (SIGNED_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return false;
  if (!headers.get("origin") && headers.get("sec-fetch-site") === "cross-site") return true;
  return !isSameOrigin(headers, publicUrl);
}
