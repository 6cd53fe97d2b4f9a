import { z } from "zod";
import { readerOf } from "@/server/messages/access";
import { listInbox } from "@/server/messages/inbox";
import { createTRPCRouter, trainerProcedure } from "../trpc";

// The trainer's inbox of client conversations, through the one access rule (readableBy): a
// coach kept to their own clients sees only theirs, the owner every client's.
export const inboxRouter = createTRPCRouter({
  /** Conversations, the ones where a client waits for an answer first, then the most recent. */
  list: trainerProcedure
    .input(z.object({ filter: z.enum(["waiting", "all"], { error: "Show either the waiting conversations or all of them." }).default("all") }).default({ filter: "all" }))
    .query(({ ctx, input }) => {
      const reader = readerOf(ctx.viewer);
      // A trainer's viewer is always a trainer reader; the narrowing is for the type.
      if (reader?.kind !== "trainer") return { rows: [], hasMore: false };
      return listInbox(ctx.db, reader, ctx.now(), { filter: input.filter });
    }),
});
