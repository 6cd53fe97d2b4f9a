import { z } from "zod";
import { endScheduleInput, scheduleForClientInput, scheduleForProgramInput } from "@/lib/checkins/schedule-input";
import {
  endCheckinSchedule,
  listSchedulesForClient,
  listSchedulesForProgram,
  scheduleCheckinForClient,
  scheduleCheckinForProgram,
} from "@/server/checkins/schedule-service";
import { createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

const programIdInput = z.object({ programId: z.uuid({ error: "Pick a program from the list." }) });
const theSchedule = (input: { scheduleId: string }) => ({ checkinScheduleId: input.scheduleId });

// Who is asked which check-in and when. A client's schedules are the trainer's who may see the
// client; a programme's are the studio's, like the programme.
export const checkinScheduleRouter = createTRPCRouter({
  /** A client's live schedules (their own and through their programs, marking which asks), the forms to pick and the start dates allowed. */
  forClient: trainerProcedure
    .input(clientIdInput)
    .use(namesClientRow(theClient))
    .query(({ ctx, input }) => listSchedulesForClient(ctx.db, ctx.studioId, input.clientId, ctx.now())),
  /** A program's live schedules, the forms to pick and how many clients they ask. */
  forProgram: trainerProcedure.input(programIdInput).query(({ ctx, input }) => listSchedulesForProgram(ctx.db, ctx.studioId, ctx.memberId, input.programId, ctx.now())),
  /** Asks one client a check-in form, daily or weekly, at a time of their own zone. */
  scheduleForClient: trainerProcedure
    .input(scheduleForClientInput)
    .use(namesClientRow(theClient))
    .mutation(({ ctx, input }) => scheduleCheckinForClient(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /** Asks every client of a program a check-in form, each at the time of their own zone. */
  scheduleForProgram: trainerProcedure
    .input(scheduleForProgramInput)
    .mutation(({ ctx, input }) => scheduleCheckinForProgram(ctx.db, ctx.studioId, ctx.memberId, input, ctx.now())),
  /** Stops a schedule from now; its answers stay. */
  end: trainerProcedure
    .input(endScheduleInput)
    .use(namesClientRow(theSchedule))
    .mutation(({ ctx, input }) => endCheckinSchedule(ctx.db, ctx.studioId, input.scheduleId, ctx.now())),
});
