import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { checkinHistoryOf, checkinResponseFor, MAX_HISTORY_WEEKS, type ResponseReader } from "@/server/checkins/history";
import { authedProcedure, clientProcedure, createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

// A client's answered check-ins, read back: over the weeks for the progress pages' charts, and
// one by one for the check-ins pages (their comments go through message.forLog).

const weeks = z
  .number({ error: `Pick a range of 1 to ${MAX_HISTORY_WEEKS} weeks.` })
  .int({ error: `Pick a range of 1 to ${MAX_HISTORY_WEEKS} weeks.` })
  .min(1, { error: `Pick a range of 1 to ${MAX_HISTORY_WEEKS} weeks.` })
  .max(MAX_HISTORY_WEEKS, { error: `Pick a range of 1 to ${MAX_HISTORY_WEEKS} weeks.` })
  .optional();

export const myCheckinHistoryInput = z.object({ weeks }).default({});
export const clientCheckinHistoryInput = clientIdInput.extend({ weeks });
export const checkinResponseInput = z.object({ responseId: z.uuid({ error: "Pick a check-in from the list." }) });

/** The client their own responses, a trainer those of the clients they may see; anyone else signed in is refused. */
const responseReaderProcedure = authedProcedure.use(({ ctx, next }) => {
  const viewer = ctx.viewer;
  if (viewer.kind !== "client" && viewer.kind !== "trainer") throw new TRPCError({ code: "FORBIDDEN", message: "Check-ins are read by the client and the studio's trainers." });
  const reader: ResponseReader = viewer.kind === "client" ? { kind: "client", clientId: viewer.clientId } : { kind: "trainer", clientScope: viewer.clientScope };
  return next({ ctx: { reader, studioId: viewer.studioId } });
});

export const checkinHistoryRouter = createTRPCRouter({
  /** The signed-in client's answers over the last weeks (12 unless said), newest first, with the charts' series. */
  mine: clientProcedure.input(myCheckinHistoryInput).query(({ ctx, input }) => checkinHistoryOf(ctx.db, ctx.studioId, ctx.clientId, ctx.now(), input)),
  /** The same for one client, for their trainer. */
  forClient: trainerProcedure
    .input(clientCheckinHistoryInput)
    .use(namesClientRow(theClient))
    .query(({ ctx, input }) => checkinHistoryOf(ctx.db, ctx.studioId, input.clientId, ctx.now(), { weeks: input.weeks })),
  /** One answered check-in with its answers, for its page (the comments beside it). */
  response: responseReaderProcedure.input(checkinResponseInput).query(({ ctx, input }) => checkinResponseFor(ctx.db, ctx.studioId, ctx.reader, input.responseId)),
});
