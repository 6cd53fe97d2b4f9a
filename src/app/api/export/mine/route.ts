import { connection } from "next/server";
import { exportResponse } from "@/server/data-rights/http";

// A client's own data (profile and every row about them) as a zip of CSV files.
export async function GET(request: Request) {
  await connection();
  return exportResponse(request, (caller) => caller.dataRights.myExport());
}
