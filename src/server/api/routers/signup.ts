import { z } from "zod";
import { CONFIRM_LINK_REFUSED, confirmSignup, confirmationState } from "@/server/signup/confirmation";
import { signupInput } from "@/server/signup/input";
import { resendSignupConfirmation, signUpTrainer } from "@/server/signup/service";
import { createTRPCRouter, ownerProcedure, publicProcedure, trainerProcedure } from "../trpc";

export const confirmSignupInput = z.object({ token: z.string({ error: CONFIRM_LINK_REFUSED }).min(1, { error: CONFIRM_LINK_REFUSED }).max(200, { error: CONFIRM_LINK_REFUSED }) });

export const signupRouter = createTRPCRouter({
  /** Open sign-up: a trainer's account, studio and ownership in one step (refused unless STRIDE_SIGNUP=open). */
  create: publicProcedure.input(signupInput).mutation(async ({ ctx, input }) => {
    const { email } = await signUpTrainer(ctx.db, { ...input, isOpen: !!ctx.isSignupOpen, ip: ctx.ip, now: ctx.now(), appUrl: ctx.appUrl });
    return { email };
  }),
  /** The emailed link: whoever holds it proves the address (it is single-use and expires). */
  confirm: publicProcedure.input(confirmSignupInput).mutation(({ ctx, input }) => confirmSignup(ctx.db, { token: input.token, now: ctx.now() })),
  /** Does the dashboard still ask the owner to confirm? */
  status: trainerProcedure.query(({ ctx }) => confirmationState(ctx.db, ctx.studioId)),
  resendConfirmation: ownerProcedure.mutation(({ ctx }) =>
    resendSignupConfirmation(ctx.db, { studioId: ctx.studioId, userId: ctx.viewer.userId, now: ctx.now(), appUrl: ctx.appUrl }),
  ),
});
