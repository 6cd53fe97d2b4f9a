import { env } from "@/env";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "@/server/http-errors";
import { currentRequestId } from "@/server/logger";
import { withHeaders, withRequestLog, type Handler } from "@/server/request-log";
import { isForgedRequest } from "@/server/security/csrf";
import { servesHttps } from "@/server/security/deployment";
import { dynamicSecurityHeaders } from "@/server/security/headers";

/**
 * Every route handler under /api is built with this. The proxy (src/proxy.ts) does not run
 * for /api: on the hottest path, the tRPC calls, Next's proxy step cost about a tenth of a
 * request's CPU. So a route does here what the proxy does for pages: refuse a cross-site
 * state-changing request (the same isForgedRequest), give the request an id and a log line,
 * and add the API's security headers (no rendering, no framing; HSTS over https). A handler
 * refuses by throwing a DomainError (or letting a procedure's TRPCError through): the log
 * wrapper answers it with its status and sentence, and anything else with a generic 500.
 */
export function apiRoute<A extends unknown[]>(
  route: Parameters<typeof withRequestLog>[0],
  handler: Handler<A>,
  options: Parameters<typeof withRequestLog>[2] = {},
): Handler<A> {
  const guarded: Handler<A> = (request, ...rest) => {
    if (isForgedRequest(request.method, new URL(request.url).pathname, request.headers, env().appUrl)) {
      return errorResponse(new DomainError("FORBIDDEN", "Cross-site requests are not allowed."), currentRequestId());
    }
    return handler(request, ...rest);
  };
  const logged = withRequestLog(route, guarded, options);
  return async (request, ...rest) => {
    const e = env();
    const headers = dynamicSecurityHeaders({ nonce: "", isDev: e.NODE_ENV === "development", isHttps: servesHttps(e), isPage: false });
    return withHeaders(await logged(request, ...rest), headers);
  };
}
