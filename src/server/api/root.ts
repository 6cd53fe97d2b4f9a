import { assignmentsRouter } from "./routers/assignments";
import { authRouter } from "./routers/auth";
import { bookingRouter } from "./routers/booking";
import { creditsRouter } from "./routers/credits";
import { portalBookingRouter } from "./routers/portal-booking";
import { billingRouter } from "./routers/billing";
import { clientsRouter } from "./routers/clients";
import { drillsRouter } from "./routers/drills";
import { invitesRouter } from "./routers/invites";
import { outboxRouter } from "./routers/outbox";
import { portalRouter } from "./routers/portal";
import { programsRouter } from "./routers/programs";
import { reviewsRouter } from "./routers/reviews";
import { runsRouter } from "./routers/runs";
import { sessionsRouter } from "./routers/sessions";
import { progressionRouter } from "./routers/progression";
import { viewerRouter } from "./routers/viewer";
import { dataRightsRouter } from "./routers/data-rights";
import { setupRouter } from "./routers/setup";
import { createCallerFactory, createTRPCRouter } from "./trpc";

// One line per domain router; paths read `domain.verb`.
export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  auth: authRouter,
  client: clientsRouter,
  portal: portalRouter,
  outbox: outboxRouter,
  drill: drillsRouter,
  program: programsRouter,
  assignment: assignmentsRouter,
  invite: invitesRouter,
  booking: bookingRouter,
  portalBooking: portalBookingRouter,
  credits: creditsRouter,
  billing: billingRouter,
  session: sessionsRouter,
  run: runsRouter,
  review: reviewsRouter,
  progression: progressionRouter,
  dataRights: dataRightsRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
