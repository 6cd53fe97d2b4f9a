import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/next-auth";
import { withRequestLog } from "@/server/request-log";

// Logged without the query: callback URLs can carry a sign-in link's token.
export const GET = withRequestLog((url) => url.pathname, (request: Request) => handlers.GET(request as NextRequest));
export const POST = withRequestLog((url) => url.pathname, (request: Request) => handlers.POST(request as NextRequest));
