import { TRPCError } from "@trpc/server";
import { connection } from "next/server";
import { slugify } from "@/lib/slug";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { exportCsv, exportKinds, type ExportKind } from "@/server/progression/export";
import { apiRoute } from "@/server/api-route";

// A client's sessions, entries or runs as CSV, streamed. Who may download is decided by the
// same procedures (and so the same authorization) as everything else: a trainer names the
// client, a client gets their own.
export const GET = apiRoute("/api/progress/export", async (request: Request) => {
  await connection();
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") as ExportKind | null;
  if (!kind || !exportKinds.includes(kind)) return text(400, "Pick what to export: sessions, entries or runs.");
  const context = await createRequestContext(request.headers);
  const caller = createCaller(context);
  const clientId = url.searchParams.get("clientId");
  let target: { studioId: string; clientId: string; name: string };
  try {
    target = clientId ? await caller.progression.exportFor({ clientId }) : await caller.progression.exportMine();
  } catch (error) {
    if (error instanceof TRPCError) {
      const status = error.code === "UNAUTHORIZED" ? 401 : error.code === "BAD_REQUEST" ? 400 : error.code === "FORBIDDEN" ? 403 : 404;
      return text(status, error.message);
    }
    throw error;
  }
  const rows = exportCsv(context.db, target.studioId, target.clientId, kind);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const fileName = `${slugify(target.name, "client")}-${kind}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});

function text(status: number, message: string) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
