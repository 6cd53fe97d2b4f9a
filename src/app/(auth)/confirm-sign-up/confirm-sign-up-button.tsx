"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmLinkForm } from "@/components/forms/confirm-link-form";
import { formErrorsOf, useTRPC } from "@/trpc/react";

export function ConfirmSignUpButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.signup.confirm.mutationOptions());
  return (
    <ConfirmLinkForm
      prompt="Press the button to confirm this is your address and open your studio."
      buttonLabel="Confirm my email"
      onConfirm={() => confirm.mutate({ token })}
      isPending={confirm.isPending}
      error={formErrorsOf(confirm.error).message}
      done={
        confirm.isSuccess ? { message: `Your email is confirmed. ${confirm.data.studioName} can now invite clients and take payments.`, linkLabel: "Open your dashboard" } : null
      }
    />
  );
}
