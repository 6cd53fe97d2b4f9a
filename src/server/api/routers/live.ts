import { liveEventsFor, liveHubOf } from "@/server/live/hub";
import { authedProcedure, createTRPCRouter } from "../trpc";

// The viewer's own live channel (Server-Sent Events through /api/trpc): what changed for them,
// never the data itself, so the page refetches through the authorized queries it already uses.
export const liveRouter = createTRPCRouter({
  /** Every event for the signed-in person, keyed by their session's user id only. */
  events: authedProcedure.subscription(async function* ({ ctx, signal }) {
    const hub = await liveHubOf(ctx.db);
    yield* liveEventsFor(hub, ctx.viewer.userId, signal);
  }),
});
