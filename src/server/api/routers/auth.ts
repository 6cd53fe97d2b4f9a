import { z } from "zod";
import { newPassword } from "@/server/auth/credentials";
import { requestPasswordReset, RESET_LINK_REFUSED, resetPassword } from "@/server/auth/password-reset";
import { requestMagicLink } from "@/server/auth/service";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const emailField = z.email({ error: "Enter an email address such as runner@example.com." }).max(254, "That email address is too long.");
export const requestMagicLinkInput = z.object({ email: emailField });
export const requestPasswordResetInput = z.object({ email: emailField });
export const resetPasswordInput = z.object({
  token: z.string({ error: RESET_LINK_REFUSED }).min(1, { error: RESET_LINK_REFUSED }).max(200, { error: RESET_LINK_REFUSED }),
  password: newPassword,
});

export const authRouter = createTRPCRouter({
  requestMagicLink: publicProcedure.input(requestMagicLinkInput).mutation(async ({ ctx, input }) => {
    await requestMagicLink(ctx.db, { email: input.email, ip: ctx.ip, now: ctx.now(), appUrl: ctx.appUrl });
    // Without a mail server the link is nowhere a visitor can see: it is in the server's log,
    // for whoever runs this Stride to hand to its owner. The answer is the same for every email.
    return {
      message: ctx.hasMailServer
        ? "If that email has a Stride account, a sign-in link is on its way. It works for 15 minutes."
        : "If that email has a Stride account, a sign-in link is ready. This Stride has no mail server, so the link was written to the server's log: ask whoever runs it to pass it on. It works for 15 minutes.",
    };
  }),
  /** "Forgot your password?": the same answer for every address, whether it has an account or not. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, { email: input.email, now: ctx.now(), appUrl: ctx.appUrl });
    return {
      message: ctx.hasMailServer
        ? "If that email has a Stride account, a link to choose a new password is on its way. It works for 30 minutes."
        : "If that email has a Stride account, a link to choose a new password is ready. This Stride has no mail server, so the link was written to the server's log: ask whoever runs it to pass it on. It works for 30 minutes.",
    };
  }),
  /** Spends a reset link: a new password, and every session of the account ends. */
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, { token: input.token, password: input.password, now: ctx.now() });
    return { message: "Your new password is set, and every device that was signed in is signed out. Sign in with it now." };
  }),
});
