import { authRouter } from "./routers/auth";
import { billingRouter } from "./routers/billing";
import { clientsRouter } from "./routers/clients";
import { outboxRouter } from "./routers/outbox";
import { portalRouter } from "./routers/portal";
import { viewerRouter } from "./routers/viewer";
import { createCallerFactory, createTRPCRouter } from "./trpc";

// One line per domain router; paths read `domain.verb`.
export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  auth: authRouter,
  client: clientsRouter,
  portal: portalRouter,
  outbox: outboxRouter,
  billing: billingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
