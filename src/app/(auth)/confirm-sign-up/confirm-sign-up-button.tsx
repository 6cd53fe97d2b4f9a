"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export function ConfirmSignUpButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.signup.confirm.mutationOptions());
  const errors = formErrorsOf(confirm.error);
  if (confirm.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your email is confirmed. {confirm.data.studioName} can now invite clients and take payments.</Alert>
        <Link href="/after-sign-in" className="text-brand-700 underline">
          Open your dashboard
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
      {errors.message ? <Alert>{errors.message}</Alert> : <p>Press the button to confirm this is your address and open your studio.</p>}
      <SubmitButton className="w-full" disabled={confirm.isPending}>
        {confirm.isPending ? "Confirming…" : "Confirm my email"}
      </SubmitButton>
    </form>
  );
}
