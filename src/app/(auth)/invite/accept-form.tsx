"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { acceptInviteAction, type AcceptState } from "./actions";

export function AcceptInviteForm({ token, email, zones }: { token: string; email: string; zones: string[] }) {
  const [state, action, isPending] = useActionState<AcceptState, FormData>(acceptInviteAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label="Email" value={email} readOnly disabled hint="Your trainer invited this address." />
      <NewPasswordField label="Choose a password" required error={state.fields?.password} />
      <TimeZoneField zones={zones} chosen={state.timeZone} error={state.fields?.timeZone} hint="Your drills are due by the date where you are." />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Setting up…" : "Join and go to my drills"}
      </Button>
    </form>
  );
}
