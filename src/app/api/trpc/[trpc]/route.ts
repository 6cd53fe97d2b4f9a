import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { isSameOrigin } from "@/server/request";
import { withRequestLog } from "@/server/request-log";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  if (req.method !== "GET" && !isSameOrigin(req.headers)) {
    return Response.json({ error: { message: "Cross-site requests are not allowed." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
  });
}

// The path names the procedures (`/api/trpc/session.log`); inputs are never logged.
const logged = withRequestLog((url) => url.pathname, handler);
export { logged as GET, logged as POST };
