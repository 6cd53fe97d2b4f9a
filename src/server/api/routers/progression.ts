import { z } from "zod";
import { asymmetryThresholdInput } from "@/server/progression/asymmetry";
import { progressionAttention } from "@/server/progression/attention-sources";
import { studioOverview } from "@/server/progression/overview";
import {
  asymmetryThresholdOf,
  clientProgression,
  dismissUnlock,
  loadProgressClient,
  setAsymmetryThreshold,
  unseenUnlocks,
} from "@/server/progression/service";
import { loadSpikeRatioInput } from "@/server/progression/running-load";
import { loadSpikeRatioOf, setLoadSpikeRatio } from "@/server/progression/load-service";
import { painPauseAboveInput, painPauseAboveOf, setPainPauseAbove } from "@/server/checkins/pain-settings";
import { coachFilterWithin } from "@/lib/client-visibility";
import { cursorInput, OVERVIEW_PAGE_SIZE, OVERVIEW_SORTS, pageSizeInput } from "@/lib/paging";
import { overviewPage } from "@/server/progression/overview-page";
import { clientProcedure, createTRPCRouter, namesClientRow, ownerProcedure, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

const chartDays = z
  .number({ error: "Pick a chart range of 7 to 730 days." })
  .int({ error: "Pick a chart range of 7 to 730 days." })
  .min(7, { error: "Pick a chart range of 7 to 730 days." })
  .max(730, { error: "Pick a chart range of 7 to 730 days." })
  .optional();

export const clientProgressionInput = clientIdInput.extend({ chartDays });
export const myProgressionInput = z.object({ chartDays }).default({});
export const overviewInput = z.object({ coachId: z.uuid({ error: "Pick a coach from the list." }).nullish() }).default({});
export const overviewPageInput = z
  .object({
    sort: z.enum(OVERVIEW_SORTS, { error: "Sort by client, coach, this week, streak, asymmetry or last activity." }).default("name"),
    direction: z.enum(["asc", "desc"], { error: "Sort ascending or descending." }).default("asc"),
    search: z.string({ error: "Search with some text." }).trim().max(100, "Search with at most 100 characters.").optional(),
    coachId: z.uuid({ error: "Pick a coach from the list." }).nullish(),
    cursor: cursorInput.optional(),
    size: pageSizeInput.default(OVERVIEW_PAGE_SIZE),
  })
  .prefault({});
export const setThresholdInput = z.object({ asymmetryThresholdPercent: asymmetryThresholdInput });
export const setLoadSpikeRatioInput = z.object({ loadSpikeRatio: loadSpikeRatioInput });
export const setPainPauseAboveInput = z.object({ painPauseAbove: painPauseAboveInput });
export const dismissUnlockInput = z.object({ unlockId: z.uuid({ error: "That notice id is not valid." }) });

export const progressionRouter = createTRPCRouter({
  /** A client's full progression, for their trainer. */
  forClient: trainerProcedure.input(clientProgressionInput).use(namesClientRow(theClient)).query(({ ctx, input }) => clientProgression(ctx.db, ctx.studioId, input.clientId, ctx.now(), { ...input, distanceUnit: ctx.viewer.distanceUnit })),
  /** The signed-in client's own progression. */
  mine: clientProcedure.input(myProgressionInput).query(({ ctx, input }) => clientProgression(ctx.db, ctx.studioId, ctx.clientId, ctx.now(), { ...input, distanceUnit: ctx.viewer.distanceUnit, audience: "client" })),
  /** Every client's week, streak, asymmetry flag and last activity (optionally one coach's). */
  overview: trainerProcedure
    .input(overviewInput)
    .query(({ ctx, input }) => studioOverview(ctx.db, ctx.studioId, ctx.now(), { coachId: coachFilterWithin(ctx.clientScope, input.coachId) })),
  /** One page of the overview, sorted and searched on the server, for a studio too big for one table. */
  overviewPage: trainerProcedure
    .input(overviewPageInput)
    .query(({ ctx, input }) => overviewPage(ctx.db, ctx.studioId, ctx.now(), { ...input, cursor: input.cursor ?? null, coachId: coachFilterWithin(ctx.clientScope, input.coachId) })),
  /** Asymmetry above the threshold and recent automatic unlocks, for the attention queue. */
  attention: trainerProcedure
    .input(z.object({ coachId: z.uuid({ error: "Pick a coach of your studio." }).nullish() }).optional())
    .query(({ ctx, input }) => progressionAttention(ctx.db, { studioId: ctx.studioId, now: ctx.now(), coachId: coachFilterWithin(ctx.clientScope, input?.coachId) })),
  settings: trainerProcedure.query(async ({ ctx }) => {
    const [asymmetryThresholdPercent, loadSpikeRatio, painPauseAbove] = await Promise.all([asymmetryThresholdOf(ctx.db, ctx.studioId), loadSpikeRatioOf(ctx.db, ctx.studioId), painPauseAboveOf(ctx.db, ctx.studioId)]);
    return { asymmetryThresholdPercent, loadSpikeRatio, painPauseAbove };
  }),
  setAsymmetryThreshold: trainerProcedure
    .input(setThresholdInput)
    .mutation(({ ctx, input }) => setAsymmetryThreshold(ctx.db, ctx.studioId, ctx.memberId, input.asymmetryThresholdPercent, ctx.now())),
  /** The owner sets the ratio above which a jump in a client's running load is flagged (1.05–3). */
  setLoadSpikeRatio: ownerProcedure
    .input(setLoadSpikeRatioInput)
    .mutation(({ ctx, input }) => setLoadSpikeRatio(ctx.db, ctx.studioId, ctx.memberId, input.loadSpikeRatio, ctx.now())),
  /** The owner sets the pain score above which a check-in pauses the drills that load the place (1–9). */
  setPainPauseAbove: ownerProcedure
    .input(setPainPauseAboveInput)
    .mutation(({ ctx, input }) => setPainPauseAbove(ctx.db, ctx.studioId, ctx.memberId, input.painPauseAbove, ctx.now())),
  /** Drills that unlocked by themselves and the client has not dismissed yet (recorded where the unlock happened). */
  unlockNotices: clientProcedure.query(({ ctx }) => unseenUnlocks(ctx.db, ctx.studioId, ctx.clientId)),
  dismissUnlock: clientProcedure.input(dismissUnlockInput).mutation(({ ctx, input }) => dismissUnlock(ctx.db, ctx.studioId, ctx.clientId, input.unlockId, ctx.now())),
  /** Authorizes a CSV export of a client's history for their trainer; the route streams it. */
  exportFor: trainerProcedure.input(clientIdInput).use(namesClientRow(theClient)).query(async ({ ctx, input }) => {
    const client = await loadProgressClient(ctx.db, ctx.studioId, input.clientId, ctx.now());
    return { studioId: ctx.studioId, clientId: client.id, name: client.name, distanceUnit: ctx.viewer.distanceUnit };
  }),
  /** The same for the signed-in client's own history. */
  exportMine: clientProcedure.query(async ({ ctx }) => {
    const client = await loadProgressClient(ctx.db, ctx.studioId, ctx.clientId, ctx.now());
    return { studioId: ctx.studioId, clientId: client.id, name: client.name, distanceUnit: ctx.viewer.distanceUnit };
  }),
});
