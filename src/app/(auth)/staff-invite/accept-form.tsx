"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { acceptStaffInviteAction, type StaffAcceptState } from "./actions";

export function AcceptStaffInviteForm({ token, email, hasAccount, zones }: { token: string; email: string; hasAccount: boolean; zones: string[] }) {
  const [state, action, isPending] = useActionState<StaffAcceptState, FormData>(acceptStaffInviteAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="hasAccount" value={hasAccount ? "1" : "0"} />
      <Field label="Email" value={email} readOnly disabled hint="The studio's owner invited this address." />
      {hasAccount ? (
        <Field label="Your Stride password" name="password" type="password" autoComplete="current-password" required error={state.fields?.password} hint="This address already has a Stride account: its password confirms it is you." />
      ) : (
        <>
          <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.name} error={state.fields?.name} hint="As your clients will see it." />
          <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required error={state.fields?.password} hint="At least 10 characters." />
        </>
      )}
      <TimeZoneField zones={zones} chosen={state.timeZone} error={state.fields?.timeZone} hint="Your hours and your clients' days are shown in it." />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Joining…" : "Join and go to the dashboard"}
      </Button>
    </form>
  );
}
