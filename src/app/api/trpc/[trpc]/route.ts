import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { apiRoute } from "@/server/api-route";

export const dynamic = "force-dynamic";

// apiRoute refuses cross-site calls before they reach a procedure.
function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
  });
}

// The path names the procedures (`/api/trpc/session.log`); inputs are never logged.
const route = apiRoute((url) => url.pathname, handler);
export { route as GET, route as POST };
