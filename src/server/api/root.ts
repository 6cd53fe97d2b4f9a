import { accountRouter } from "./routers/account";
import { assignmentRouter } from "./routers/assignment";
import { authRouter } from "./routers/auth";
import { bookingRouter } from "./routers/booking";
import { creditRouter } from "./routers/credit";
import { portalBookingRouter } from "./routers/portal-booking";
import { billingRouter } from "./routers/billing";
import { clientRouter } from "./routers/client";
import { clientVisibilityRouter } from "./routers/client-visibility";
import { checkinFormRouter } from "./routers/checkin-form";
import { drillRouter } from "./routers/drill";
import { inviteRouter } from "./routers/invite";
import { outboxRouter } from "./routers/outbox";
import { portalRouter } from "./routers/portal";
import { programRouter } from "./routers/program";
import { reviewRouter } from "./routers/review";
import { runRouter } from "./routers/run";
import { sessionRouter } from "./routers/session";
import { progressionRouter } from "./routers/progression";
import { viewerRouter } from "./routers/viewer";
import { dataRightsRouter } from "./routers/data-rights";
import { setupRouter } from "./routers/setup";
import { staffRouter } from "./routers/staff";
import { studioRouter } from "./routers/studio";
import { signupRouter } from "./routers/signup";
import { paymentRouter } from "./routers/payment";
import { messageRouter } from "./routers/message";
import { inboxRouter } from "./routers/inbox";
import { templateRouter } from "./routers/template";
import { liveRouter } from "./routers/live";
import { pushRouter } from "./routers/push";
import { checkinRouter } from "./routers/checkin";
import { checkinScheduleRouter } from "./routers/checkin-schedule";
import { intakeRouter } from "./routers/intake";
import { checkinHistoryRouter } from "./routers/checkin-history";
import { videoRouter } from "./routers/video";
import { createCallerFactory, createTRPCRouter } from "./trpc";

// One line per router; paths read `noun.verb`, the key a singular noun (or an area: booking, billing) and the file named for it.
export const appRouter = createTRPCRouter({
  viewer: viewerRouter,
  message: messageRouter,
  video: videoRouter,
  inbox: inboxRouter,
  template: templateRouter,
  live: liveRouter,
  push: pushRouter,
  auth: authRouter,
  account: accountRouter,
  client: clientRouter,
  portal: portalRouter,
  outbox: outboxRouter,
  drill: drillRouter,
  program: programRouter,
  checkinForm: checkinFormRouter,
  assignment: assignmentRouter,
  invite: inviteRouter,
  booking: bookingRouter,
  portalBooking: portalBookingRouter,
  credit: creditRouter,
  billing: billingRouter,
  session: sessionRouter,
  run: runRouter,
  review: reviewRouter,
  progression: progressionRouter,
  checkinHistory: checkinHistoryRouter,
  dataRights: dataRightsRouter,
  setup: setupRouter,
  staff: staffRouter,
  clientVisibility: clientVisibilityRouter,
  studio: studioRouter,
  signup: signupRouter,
  payment: paymentRouter,
  checkin: checkinRouter,
  checkinSchedule: checkinScheduleRouter,
  intake: intakeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
