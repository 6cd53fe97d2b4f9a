"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const errors = formErrorsOf(reset.error);
  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{reset.data.message}</Alert>
        <Link href="/sign-in" className="inline-flex h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate({ token, password });
      }}
    >
      {errors.message && !errors.fields.password ? (
        <Alert>
          {errors.message}{" "}
          <Link href="/forgot-password" className="underline">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <NewPasswordField value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} note="Every device signed in to your account is signed out." />
      <SubmitButton className="w-full" disabled={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set my new password"}
      </SubmitButton>
    </form>
  );
}
