import { z } from "zod";
import { answerCheckinInput } from "@/lib/checkins/answers";
import { answerIntake, clearIntake, intakeForClient, intakeStatusOf, MAX_CLEAR_NOTE_LENGTH } from "@/server/checkins/intake-service";
import { clientProcedure, createTRPCRouter, namesClientRow, trainerProcedure } from "../trpc";
import { clientIdInput, theClient } from "./inputs";

export const clearIntakeInput = clientIdInput.extend({
  note: z
    .string({ error: "Write the note as text, or leave it empty." })
    .trim()
    .max(MAX_CLEAR_NOTE_LENGTH, { error: `Keep the note under ${MAX_CLEAR_NOTE_LENGTH} characters.` })
    .default(""),
});

// The health questions before the first drill: the client answers, the trainer reads and clears.
export const intakeRouter = createTRPCRouter({
  /** Where the signed-in client stands: nothing asked, questions to answer (with them), answered, held for the trainer, or cleared. */
  status: clientProcedure.query(({ ctx }) => intakeStatusOf(ctx.db, ctx.studioId, ctx.clientId)),
  /** Answers the studio's intake form once; a second answer (another tab, a retry) keeps the first. */
  answer: clientProcedure.input(answerCheckinInput).mutation(({ ctx, input }) => answerIntake(ctx.db, ctx.studioId, ctx.clientId, input, ctx.now())),
  /** A client's health answers for their trainer: red flags marked with their details, pain by place and side, and the clearance. */
  forClient: trainerProcedure
    .input(clientIdInput)
    .use(namesClientRow(theClient))
    .query(({ ctx, input }) => intakeForClient(ctx.db, ctx.studioId, input.clientId)),
  /** Clears a held intake: the client's drills start, and they read the trainer's note in their conversation. */
  clear: trainerProcedure
    .input(clearIntakeInput)
    .use(namesClientRow(theClient))
    .mutation(({ ctx, input }) => clearIntake(ctx.db, ctx.studioId, ctx.memberId, input.clientId, input.note || null, ctx.now())),
});
