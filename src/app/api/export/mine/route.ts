import { connection } from "next/server";
import { exportResponse } from "@/server/data-rights/http";
import { withRequestLog } from "@/server/request-log";

// A client's own data (profile and every row about them) as a zip of CSV files.
export const GET = withRequestLog("/api/export/mine", async (request: Request) => {
  await connection();
  return exportResponse(request, (caller) => caller.dataRights.myExport());
});
