"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmLinkForm } from "@/components/forms/confirm-link-form";
import { formErrorsOf, useTRPC } from "@/trpc/react";

export function ConfirmEmailButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmEmailChange.mutationOptions());
  return (
    <ConfirmLinkForm
      prompt="Press the button to make this your sign-in address."
      buttonLabel="Confirm my new address"
      onConfirm={() => confirm.mutate({ token })}
      isPending={confirm.isPending}
      error={formErrorsOf(confirm.error).message}
      done={confirm.isSuccess ? { message: `You now sign in with ${confirm.data.email}.`, linkLabel: "Back to Stride" } : null}
    />
  );
}
