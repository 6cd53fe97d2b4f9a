import { z } from "zod";
import { requestMagicLink } from "@/server/auth/service";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const emailField = z.email({ error: "Enter an email address such as runner@example.com." }).max(254, "That email address is too long.");
export const requestMagicLinkInput = z.object({ email: emailField });

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
});
