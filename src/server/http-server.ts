import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { resolveClientAddress, type ProxyTrust } from "./security/client-address";
import { STRICT_TRANSPORT_SECURITY } from "./security/headers";

// The one Node HTTP server in front of Next.js (scripts/start.ts hands it Next's request
// handler). Next's route handlers never see the socket, and Next only fills X-Forwarded-For
// when it is absent, so a header any client can write was the address sign-in throttling
// counted. Here, before Next runs, the forwarding headers are replaced with what this server
// established from the socket and TRUST_PROXY; whatever the client sent under those names is
// gone. It also answers what Next never sees (a request too large to parse) with a sentence,
// and puts HSTS on every response, static files included.

/** Node's own default; a request line plus headers past it is refused before any handler. */
export const MAX_HEADER_BYTES = 16 * 1024;

const FORWARDING_HEADERS = new Set(["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"]);

const firstValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

/**
 * Replaces the request's forwarding headers: X-Forwarded-For becomes the one client address
 * (src/server/request.ts clientIp reads it), X-Forwarded-Proto the scheme, and X-Forwarded-Host
 * stays only when a trusted proxy sent it (Next falls back to Host). The CSRF check compares
 * a request's Origin with this scheme and host.
 */
export function establishForwarding(req: IncomingMessage, trust: ProxyTrust): void {
  const headers = req.headers;
  const { address, viaTrustedProxy } = resolveClientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: headers["x-forwarded-for"], trust });
  const socketProto = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const claimedProto = firstValue(headers["x-forwarded-proto"])?.toLowerCase();
  const claimedHost = firstValue(headers["x-forwarded-host"]);
  for (const name of FORWARDING_HEADERS) delete headers[name];
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (!FORWARDING_HEADERS.has(req.rawHeaders[i]!.toLowerCase())) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const set = (name: string, value: string) => {
    headers[name] = value;
    raw.push(name, value);
  };
  set("x-forwarded-for", address);
  set("x-forwarded-proto", viaTrustedProxy && (claimedProto === "https" || claimedProto === "http") ? claimedProto : socketProto);
  if (viaTrustedProxy && claimedHost) set("x-forwarded-host", claimedHost);
  req.rawHeaders = raw;
}

type ParserError = Error & { code?: string };

/** A refusal in tRPC's error shape (with the superjson envelope), so a tRPC client shows its message too. */
function refusal(status: number, reason: string, trpcCode: string, jsonRpcCode: number, message: string, isHttps: boolean): string {
  const body = JSON.stringify({ error: { json: { message, code: jsonRpcCode, data: { code: trpcCode, httpStatus: status } } } });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "X-Content-Type-Options: nosniff",
    ...(isHttps ? [`Strict-Transport-Security: ${STRICT_TRANSPORT_SECURITY}`] : []),
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

export const REQUEST_TOO_LARGE_MESSAGE = "This request is too large for the server to read (over 16 KB of address and headers). Shorten what you sent and try again.";
export const REQUEST_NOT_UNDERSTOOD_MESSAGE = "This request could not be read. Reload the page and try again.";

// Node answers a request it cannot parse with a bare status and resets the connection while
// the client may still be sending (a 1 MB address): the browser shows a network error. Here the
// answer is a sentence, and the rest of what the client sends is read and dropped, so the
// connection closes cleanly and the answer arrives.
function answerUnreadable(error: ParserError, socket: Duplex, isHttps: boolean) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const response =
    error.code === "HPE_HEADER_OVERFLOW"
      ? refusal(431, "Request Header Fields Too Large", "PAYLOAD_TOO_LARGE", -32013, REQUEST_TOO_LARGE_MESSAGE, isHttps)
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? refusal(408, "Request Timeout", "TIMEOUT", -32008, "The request took too long to arrive. Try again.", isHttps)
        : refusal(400, "Bad Request", "BAD_REQUEST", -32600, REQUEST_NOT_UNDERSTOOD_MESSAGE, isHttps);
  socket.end(response);
  socket.on("data", () => {});
  socket.resume();
  setTimeout(() => socket.destroy(), 5_000).unref();
}

export type AppServerOptions = {
  trust: ProxyTrust;
  /** An https deployment (servesHttps): every response carries HSTS. */
  isHttps: boolean;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  onError?: (error: unknown) => void;
};

// An idle kept-alive connection is closed after this long. With Node's default (5 s) a client
// that reused its connection after a short pause could send on one the server was closing and
// get a reset instead of an answer; proxies keep idle connections for 60 s, so longer than that.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function createAppServer({ trust, isHttps, handle, onError }: AppServerOptions): http.Server {
  return http
    .createServer({ maxHeaderSize: MAX_HEADER_BYTES, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, headersTimeout: KEEP_ALIVE_TIMEOUT_MS + 1_000 }, (req, res) => {
      establishForwarding(req, trust);
      // Before Next writes anything: once it has begun, setHeader is silently dropped.
      if (isHttps) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      Promise.resolve()
        .then(() => handle(req, res))
        .catch((error: unknown) => {
          onError?.(error);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.setHeader("Content-Type", "text/plain; charset=utf-8");
          }
          res.end("Something went wrong on our side. Please try again in a moment.");
        });
    })
    .on("clientError", (error: ParserError, socket: Duplex) => answerUnreadable(error, socket, isHttps));
}
