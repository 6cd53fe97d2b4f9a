import { unstable_rethrow } from "next/navigation";
import { errorResponse, httpStatusOf } from "@/server/http-errors";
import { currentRequestId, logger, withRequestId } from "@/server/logger";
import { requestIdOf } from "@/server/request";

export type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

/**
 * Wraps a route handler: the request gets an id (the caller's `x-request-id` when it is a
 * sane one, else a new uuid) that every log line written while serving it carries and the
 * response echoes, so a person quoting it from a failed request leads to the exact lines.
 * `route` names what is logged as the path: a pattern for routes whose URL holds a secret
 * (the calendar feed), the real path otherwise.
 */
export function withRequestLog<A extends unknown[]>(
  route: string | ((url: URL) => string),
  handler: Handler<A>,
  options: { successLevel?: "info" | "debug" } = {},
): Handler<A> {
  return (request, ...rest) => {
    const requestId = currentRequestId() ?? requestIdOf(request.headers);
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const url = new URL(request.url);
      const fields = { method: request.method, path: typeof route === "string" ? route : route(url) };
      let response: Response;
      try {
        response = await handler(request, ...rest);
      } catch (error) {
        // Next's own control flow (redirect, notFound, dynamic rendering) is not a failure.
        unstable_rethrow(error);
        // A refusal (a DomainError or TRPCError thrown by the handler) is an answer, not a failure.
        if (httpStatusOf(error) >= 500) logger.error({ ...fields, err: error }, "request failed");
        response = errorResponse(error, requestId);
      }
      response = withHeaders(response, { "x-request-id": requestId });
      const ms = Math.round(performance.now() - started);
      if (response.status >= 500) logger.warn({ ...fields, status: response.status, ms }, "request answered with a server error");
      else logger[options.successLevel ?? "info"]({ ...fields, status: response.status, ms }, "request");
      return response;
    });
  };
}

// Responses made by Response.redirect() or fetch() have immutable headers: copy those.
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
