"use client";

import { useActionState } from "react";
import { startSignupAction, type SignupState } from "@/app/checkout/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";

export function SignupForm({ studioSlug, planId, zones, studioTimeZone }: { studioSlug: string; planId: string; zones: string[]; studioTimeZone: string }) {
  const [state, action, isPending] = useActionState<SignupState, FormData>(startSignupAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="studioSlug" value={studioSlug} />
      <input type="hidden" name="planId" value={planId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      {state.fields?.planId ? <Alert>{state.fields.planId}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name} error={state.fields?.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.fields?.email} required />
      <NewPasswordField label="Choose a password" note="You sign in with it after paying." error={state.fields?.password} required />
      <TimeZoneField zones={zones} fallback={studioTimeZone} chosen={state.values?.timeZone} error={state.fields?.timeZone} hint="Your drills are due, and your sessions shown, by the time where you are." />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Opening the payment page…" : "Continue to payment"}
      </Button>
    </form>
  );
}
