"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** A studio made by open sign-up, until its owner opens the emailed link. */
export function ConfirmEmailBanner({ email, isOwner }: { email: string | null; isOwner: boolean }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.signup.resendConfirmation.mutationOptions());
  const errors = formErrorsOf(resend.error);
  return (
    <Alert tone="info" className="space-y-2" role="status">
      <p>
        <strong>Confirm your email</strong> to open your studio: we sent a link to {email ?? "the owner's address"}. Until it is opened, the
        studio cannot invite clients or take payments.
      </p>
      {isOwner ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="ghost" className="border border-current" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {resend.isPending ? "Sending…" : "Send again"}
          </Button>
          {resend.isSuccess ? <span>{resend.data.isConfirmed ? "Your email is already confirmed." : `A new link is on its way to ${resend.data.email}.`}</span> : null}
          {errors.message ? <span className="text-red-800">{errors.message}</span> : null}
        </div>
      ) : null}
    </Alert>
  );
}
