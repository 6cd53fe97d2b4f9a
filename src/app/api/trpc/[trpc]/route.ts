import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getErrorShape, getHTTPStatusCodeFromError, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { BODY_TOO_LARGE_MESSAGE, MAX_BATCH_CALLS, MAX_BODY_BYTES, tooLargeFor } from "@/server/api/request-limits";
import { apiRoute } from "@/server/api-route";
import { currentRequestId } from "@/server/logger";

export const dynamic = "force-dynamic";

/** A refusal before any procedure runs, in the shape tRPC answers every error with. */
function refuse(error: TRPCError): Response {
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: { requestId: currentRequestId() } as never });
  return Response.json(transformTRPCResponse(config, { error: shape }), { status: getHTTPStatusCodeFromError(error) });
}

// apiRoute refuses cross-site calls before they reach a procedure. Inputs are bounded by
// their schemas (src/server/api/input-bounds.test.ts); here the number of calls in one batch
// and the size of a body are, before anything is parsed.
async function handler(req: Request) {
  const url = new URL(req.url);
  const tooLarge = tooLargeFor({ pathname: url.pathname, isBatch: url.searchParams.get("batch") === "1", contentLength: req.headers.get("content-length") });
  if (tooLarge) return refuse(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooLarge }));
  let request = req;
  if (req.method === "POST" && !req.headers.get("content-length") && req.body) {
    // A chunked body names no length: read it up to the limit.
    const body = await readAtMost(req, MAX_BODY_BYTES);
    if (body === null) return refuse(new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: BODY_TOO_LARGE_MESSAGE }));
    request = new Request(req, { body });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => createRequestContext(request.headers),
  });
}

async function readAtMost(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = req.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// The path names the procedures (`/api/trpc/session.log`); inputs are never logged.
const route = apiRoute((url) => url.pathname, handler);
export { route as GET, route as POST };
