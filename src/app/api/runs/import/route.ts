import { TRPCError } from "@trpc/server";
import { connection } from "next/server";
import { z } from "zod";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { apiRoute } from "@/server/api-route";
import { DomainError } from "@/lib/errors";
import { FILE_NAME_HEADER, isZipName, MAX_FILE_BYTES, MAX_ZIP_BYTES, tooBigSentence, type ImportLine } from "@/lib/runs/import-lines";
import { logger } from "@/server/logger";

// A watch's file (or a zip of them) as the raw body, its name in X-File-Name (URI-encoded).
// apiRoute refuses a cross-site post; who may import is decided by the procedure (clients,
// into their own runs), asked before the body is read. The body is counted while it arrives
// and refused past its limit, whatever Content-Length said, so nothing oversized is held or
// stored. The answer is a line of JSON per file as each is read (a zip's entries in turn).

const fileNameHeader = z
  .string({ error: "Send the file's name with the file." })
  .min(1, { error: "Send the file's name with the file." })
  .max(1024, { error: "The file's name is too long; rename it to under 255 characters." })
  .transform((encoded, ctx) => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      ctx.addIssue({ code: "custom", message: "The file's name could not be read; rename it and try again." });
      return z.NEVER;
    }
  });

export const POST = apiRoute("/api/runs/import", async (request: Request) => {
  await connection();
  const context = await createRequestContext(request.headers);
  const caller = createCaller(context);
  // A client only: anyone else is refused before their upload is read.
  await caller.run.importLimits();
  const parsedName = fileNameHeader.safeParse(request.headers.get(FILE_NAME_HEADER) ?? "");
  if (!parsedName.success) throw new DomainError("BAD_REQUEST", parsedName.error.issues[0]!.message);
  const fileName = parsedName.data;
  const bytes = await readCapped(request, isZipName(fileName) ? MAX_ZIP_BYTES : MAX_FILE_BYTES, fileName);
  const lines = await caller.run.import({ fileName, bytes });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await lines.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(value satisfies ImportLine)}\n`));
      } catch (error) {
        logger.error({ requestId: context.requestId, err: error }, "run import failed");
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
});

/** The body's bytes, refused with 413 (the sentence naming the file) once past `maxBytes`. */
async function readCapped(request: Request, maxBytes: number, fileName: string): Promise<Uint8Array<ArrayBuffer>> {
  const tooBig = () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: tooBigSentence(fileName) });
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooBig();
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let seen = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(seen);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
