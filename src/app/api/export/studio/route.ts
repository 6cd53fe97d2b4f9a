import { connection } from "next/server";
import { exportResponse } from "../export-response";
import { apiRoute } from "@/server/api-route";

// The studio's data as a zip of CSV files: the owner's whole studio, a trainer's own clients.
export const GET = apiRoute("/api/export/studio", async (request: Request) => {
  await connection();
  return exportResponse(request, (caller) => caller.dataRights.studioExport());
});
