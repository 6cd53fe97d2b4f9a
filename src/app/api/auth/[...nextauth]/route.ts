import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/next-auth";
import { apiRoute } from "@/server/api-route";

// Logged without the query: callback URLs can carry a sign-in link's token.
export const GET = apiRoute((url) => url.pathname, (request: Request) => handlers.GET(request as NextRequest));
export const POST = apiRoute((url) => url.pathname, (request: Request) => handlers.POST(request as NextRequest));
