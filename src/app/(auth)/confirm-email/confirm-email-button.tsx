"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export function ConfirmEmailButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmEmailChange.mutationOptions());
  const errors = formErrorsOf(confirm.error);
  if (confirm.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">You now sign in with {confirm.data.email}.</Alert>
        <Link href="/after-sign-in" className="text-brand-700 underline">
          Back to Stride
        </Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate({ token });
      }}
    >
      {errors.message ? <Alert>{errors.message}</Alert> : <p>Press the button to make this your sign-in address.</p>}
      <SubmitButton className="w-full" disabled={confirm.isPending}>
        {confirm.isPending ? "Confirming…" : "Confirm my new address"}
      </SubmitButton>
    </form>
  );
}
