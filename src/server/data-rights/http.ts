import { TRPCError } from "@trpc/server";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { logger } from "@/server/logger";
import { streamExport } from "./export";
import type { ExportScope } from "./scope";

type Caller = ReturnType<typeof createCaller>;

const STATUS: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

/**
 * A zip download for a GET route. Who may download what is answered by a tRPC procedure
 * (`ask`), so the route checks roles exactly as the rest of the app does; the zip is then
 * streamed from the scope that procedure returned, never from anything in the request.
 */
export async function exportResponse(request: Request, ask: (caller: Caller) => Promise<{ scope: ExportScope; fileName: string }>): Promise<Response> {
  const context = await createRequestContext(request.headers);
  let answer: { scope: ExportScope; fileName: string };
  try {
    answer = await ask(createCaller(context));
  } catch (error) {
    if (error instanceof TRPCError) return text(STATUS[error.code] ?? 500, error.message);
    throw error;
  }
  const chunks = await streamExport(context.db, answer.scope, context.now());
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        logger.error({ requestId: context.requestId, err: error }, "export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${answer.fileName}"`,
      "cache-control": "no-store",
    },
  });
}

function text(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
