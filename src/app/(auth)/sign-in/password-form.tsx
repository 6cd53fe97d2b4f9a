"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { signInWithPasswordAction, type SignInState } from "./actions";

/** `refusal`: why the last sign-in was refused, when it came back in the page's address. */
export function PasswordSignInForm({ refusal }: { refusal?: string | null }) {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInWithPasswordAction, refusal ? { error: refusal } : {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.email} error={state.fields?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required error={state.fields?.password} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
