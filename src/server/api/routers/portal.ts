import { getClient } from "@/server/clients/service";
import { todayFor } from "@/server/drills/assignments";
import { withDoneState } from "@/server/progression/today";
import { clientProcedure, createTRPCRouter } from "../trpc";

export const portalRouter = createTRPCRouter({
  /** The signed-in client's own profile and coach. */
  me: clientProcedure.query(({ ctx }) => getClient(ctx.db, ctx.studioId, ctx.clientId)),
  /** The drills due on the client's own calendar date, with prescriptions, instructions and locks. */
  today: clientProcedure.query(({ ctx }) => todayFor(ctx.db, ctx.studioId, ctx.clientId, ctx.now(), ctx.viewer.timeZone)),
  /** Today with what was logged on it: each drill done (both sides of a per-side drill) with its values, and the streak counting today. */
  todayDone: clientProcedure.query(async ({ ctx }) => {
    const now = ctx.now();
    return withDoneState(ctx.db, ctx.studioId, ctx.clientId, await todayFor(ctx.db, ctx.studioId, ctx.clientId, now, ctx.viewer.timeZone), now);
  }),
});
