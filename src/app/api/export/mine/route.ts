import { connection } from "next/server";
import { exportResponse } from "../export-response";
import { apiRoute } from "@/server/api-route";

// A client's own data (profile and every row about them) as a zip of CSV files.
export const GET = apiRoute("/api/export/mine", async (request: Request) => {
  await connection();
  return exportResponse(request, (caller) => caller.dataRights.myExport());
});
