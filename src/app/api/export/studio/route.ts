import { connection } from "next/server";
import { exportResponse } from "@/server/data-rights/http";

// The studio's data as a zip of CSV files: the owner's whole studio, a trainer's own clients.
export async function GET(request: Request) {
  await connection();
  return exportResponse(request, (caller) => caller.dataRights.studioExport());
}
