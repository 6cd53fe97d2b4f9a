import { currentBuildId, serviceWorkerScript } from "./worker-script";

export const dynamic = "force-dynamic";

let script: string | undefined;

// The portal's service worker (registered with scope /portal by components/logging/sync-status.tsx).
// no-cache: the browser asks again on every check, so a new build's worker is found at once.
export function GET(): Response {
  // Read once per server in production; in development an edit to the worker shows at once.
  const body = process.env.NODE_ENV === "production" ? (script ??= serviceWorkerScript(currentBuildId())) : serviceWorkerScript(currentBuildId());
  return new Response(body, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-cache",
      "service-worker-allowed": "/portal",
    },
  });
}
