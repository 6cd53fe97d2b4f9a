// How much one request to the tRPC route may carry. Every input's own size is bounded by its
// schema (input-bounds.test.ts); these bound the envelope: the calls in one batch and the
// bytes of a body. The app's client splits its batches to fit (src/trpc/react.tsx).

/** Calls in one batched request: a page asks for a handful; 500 was an outside test's. */
export const MAX_BATCH_CALLS = 20;
/** A body's bytes: the largest form (a program of 20 drills with notes) is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The client keeps a batch's address well under the server's 16 KB for address and headers (cookies share it). */
export const MAX_CLIENT_URL_LENGTH = 8_000;

export const BODY_TOO_LARGE_MESSAGE = "This request is larger than 1 MB. Send less at once and try again.";

/** Why a request is refused as too large before anything in it is parsed, or null. */
export function tooLargeFor(request: { pathname: string; isBatch: boolean; contentLength: string | null }): string | null {
  if (request.isBatch) {
    let paths = request.pathname.replace(/^\/api\/trpc\/?/, "");
    try {
      paths = decodeURIComponent(paths);
    } catch {
      /* tRPC refuses a path it cannot decode */
    }
    const calls = paths.split(",").length;
    if (calls > MAX_BATCH_CALLS) return `Send at most ${MAX_BATCH_CALLS} requests at once; this one had ${calls}.`;
  }
  if (Number(request.contentLength ?? 0) > MAX_BODY_BYTES) return BODY_TOO_LARGE_MESSAGE;
  return null;
}
