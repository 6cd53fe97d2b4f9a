import { connection } from "next/server";
import { slugify } from "@/lib/slug";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { DomainError } from "@/lib/errors";
import { exportCsv, exportKinds, type ExportKind } from "@/server/progression/export";
import { apiRoute } from "@/server/api-route";

// A client's sessions, entries or runs as CSV, streamed. Who may download is decided by the
// same procedures (and so the same authorization) as everything else: a trainer names the
// client, a client gets their own. A refusal is answered by apiRoute, as every route's is.
export const GET = apiRoute("/api/progress/export", async (request: Request) => {
  await connection();
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") as ExportKind | null;
  if (!kind || !exportKinds.includes(kind)) throw new DomainError("BAD_REQUEST", "Pick what to export: sessions, entries or runs.");
  const context = await createRequestContext(request.headers);
  const caller = createCaller(context);
  const clientId = url.searchParams.get("clientId");
  const target = clientId ? await caller.progression.exportFor({ clientId }) : await caller.progression.exportMine();
  const rows = exportCsv(context.db, target.studioId, target.clientId, kind, target.distanceUnit);
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
