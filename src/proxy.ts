import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { PATHNAME_HEADER, requestIdOf } from "@/server/request";
import { isForgedRequest } from "@/server/security/csrf";
import { servesHttps } from "@/server/security/deployment";
import { dynamicSecurityHeaders } from "@/server/security/headers";

// Every page request passes here (Next 16's proxy, formerly middleware): a cross-site
// state-changing request (a forged server action) is refused, and the page gets a
// Content-Security-Policy with a fresh nonce. /api routes skip the proxy: apiRoute
// (src/server/api-route.ts) applies the same refusal and their headers for less CPU. Next.js reads the nonce from the request's CSP header and puts it on
// its own scripts, which is why every page renders per request (the root layout awaits
// connection()).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const e = env();
  if (isForgedRequest(request.method, pathname, request.headers, e.appUrl)) {
    return NextResponse.json({ error: { message: "Cross-site requests are not allowed." } }, { status: 403 });
  }

  const headers = dynamicSecurityHeaders({
    nonce: randomBytes(16).toString("base64"),
    isDev: e.NODE_ENV === "development",
    isHttps: servesHttps(e),
    isPage: true,
    // A checkout form posted without JavaScript is answered by a redirect to Stripe, and
    // form-action also governs where a submission is redirected.
    formTargets: e.STRIPE_SECRET_KEY ? ["https://checkout.stripe.com", "https://billing.stripe.com"] : [],
    mediaOrigins: e.s3 ? [new URL(e.s3.endpoint).origin] : [],
  });

  const requestHeaders = new Headers(request.headers);
  // One id per request for pages too (route handlers reuse it): the server-side tRPC calls a
  // page makes log with it, and the response names it for a support question.
  const requestId = requestIdOf(request.headers);
  requestHeaders.set("x-request-id", requestId);
  // The root layout sends every page but the set-up itself to /setup while a server waits for
  // its first studio (src/server/setup/pending.ts); a layout is not told its path otherwise.
  requestHeaders.set(PATHNAME_HEADER, pathname);
  const policy = headers["Content-Security-Policy"];
  if (policy) requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the content-hashed build output and images, which carry no markup, and not
      // /api, whose routes guard themselves (apiRoute).
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon-\\d+\\.png).*)",
      // Prefetches render no document; they reuse the page's nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
