import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { streamExport } from "@/server/data-rights/export";
import type { ExportScope } from "@/server/data-rights/scope";
import { logger } from "@/server/logger";

type Caller = ReturnType<typeof createCaller>;

/**
 * A zip download for a GET route. Who may download what is answered by a tRPC procedure
 * (`ask`), so the route checks roles exactly as the rest of the app does; the zip is then
 * streamed from the scope that procedure returned, never from anything in the request. A
 * refusal thrown by `ask` is answered by apiRoute, as every route's is.
 */
export async function exportResponse(request: Request, ask: (caller: Caller) => Promise<{ scope: ExportScope; fileName: string }>): Promise<Response> {
  const context = await createRequestContext(request.headers);
  const answer = await ask(createCaller(context));
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
