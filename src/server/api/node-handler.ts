import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError } from "@trpc/server";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import { getErrorShape, getHTTPStatusCodeFromError, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import { env } from "@/env";
import { DomainError } from "@/lib/errors";
import { publicMessageOf, httpStatusOf } from "@/server/http-errors";
import { logger, withRequestId } from "@/server/logger";
import { requestIdOf } from "@/server/request";
import { isForgedRequest } from "@/server/security/csrf";
import { servesHttps } from "@/server/security/deployment";
import { dynamicSecurityHeaders, STATIC_SECURITY_HEADERS } from "@/server/security/headers";
import { createRequestContext } from "./context";
import { appRouter } from "./root";
import { BODY_TOO_LARGE_MESSAGE, MAX_BATCH_CALLS, MAX_BODY_BYTES, tooLargeFor } from "./request-limits";

// /api/trpc served by tRPC's own Node adapter, in the process and on the server that hands
// everything else to Next (scripts/start.ts). Next's app-route machinery around the route
// handler (src/app/api/trpc/[trpc]/route.ts) cost about as much as a whole bare request on
// the hottest path. What that route does through apiRoute is done here with the same pieces,
// so a caller cannot tell the two apart: the same-origin refusal (isForgedRequest), the
// request's id and log line, the API's security headers plus next.config.ts's static ones
// (Next adds those to every answer it serves; here Next never sees the request), the batch
// and body limits with their sentences, and the router's own context and error shape.

export const TRPC_ENDPOINT = "/api/trpc";

/** Is this request for the tRPC endpoint (`/api/trpc/<procedures>`)? */
export function isTrpcRequest(url: string | undefined): boolean {
  return !!url && url.startsWith(`${TRPC_ENDPOINT}/`);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

/** A refusal before any procedure runs, in the shape tRPC answers every error with. */
function refuse(res: ServerResponse, error: TRPCError, requestId: string) {
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: { requestId } as never });
  sendJson(res, getHTTPStatusCodeFromError(error), transformTRPCResponse(config, { error: shape }));
}

/** The body as text, or null past `limit` bytes (the rest is read and dropped, so the answer arrives). */
function readAtMost(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once("end", () => resolve(size > limit ? null : Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, headers: Headers, url: URL, requestId: string) {
  const e = env();
  if (isForgedRequest(req.method ?? "GET", url.pathname, headers, e.appUrl)) {
    // apiRoute's refusal (errorResponse): a route's error shape, not tRPC's.
    const error = new DomainError("FORBIDDEN", "Cross-site requests are not allowed.");
    sendJson(res, httpStatusOf(error), { error: { message: publicMessageOf(error), requestId } });
    return;
  }
  const tooLarge = tooLargeFor({ pathname: url.pathname, isBatch: url.searchParams.get("batch") === "1", contentLength: headers.get("content-length") });
  if (tooLarge) return refuse(res, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooLarge }), requestId);
  if (req.method !== "GET" && req.method !== "HEAD") {
    // Read here rather than by the adapter: a chunked body names no length, and its refusal
    // past the limit says so in a sentence (the adapter's would be a bare code).
    const body = await readAtMost(req, MAX_BODY_BYTES);
    if (body === null) return refuse(res, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: BODY_TOO_LARGE_MESSAGE }), requestId);
    (req as IncomingMessage & { body?: string }).body = body;
  }
  await nodeHTTPRequestHandler({
    req,
    res,
    router: appRouter,
    path: url.pathname.slice(TRPC_ENDPOINT.length + 1),
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => createRequestContext(headers),
  });
}

/** Answers one /api/trpc request as the Next route handler would. */
export function handleTrpcOnNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = headersOf(req);
  const requestId = requestIdOf(headers);
  return withRequestId(requestId, async () => {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://localhost");
    const e = env();
    for (const { key, value } of STATIC_SECURITY_HEADERS) res.setHeader(key, value);
    const security = dynamicSecurityHeaders({ nonce: "", isDev: e.NODE_ENV === "development", isHttps: servesHttps(e), isPage: false });
    for (const [name, value] of Object.entries(security)) res.setHeader(name, value);
    res.setHeader("x-request-id", requestId);
    // The path names the procedures (`/api/trpc/session.log`); inputs are never logged.
    const fields = { method: req.method, path: url.pathname };
    try {
      await serve(req, res, headers, url, requestId);
    } catch (error) {
      logger.error({ ...fields, err: error }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { error: { message: publicMessageOf(error), requestId } });
      else res.end();
    }
    const ms = Math.round(performance.now() - started);
    if (res.statusCode >= 500) logger.warn({ ...fields, status: res.statusCode, ms }, "request answered with a server error");
    else logger.info({ ...fields, status: res.statusCode, ms }, "request");
  });
}
