"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { SelectField } from "@/components/drills/fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { acceptInviteAction, type AcceptState } from "./actions";

const noSubscription = () => () => {};

export function AcceptInviteForm({ token, email, zones }: { token: string; email: string; zones: string[] }) {
  const [state, action, isPending] = useActionState<AcceptState, FormData>(acceptInviteAction, {});
  // The browser knows where the person is (the server does not: it renders UTC); they can still pick another zone.
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
  const [picked, setTimeZone] = useState<string | null>(null);
  const timeZone = picked ?? (zones.includes(browserZone) ? browserZone : "UTC");
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label="Email" value={email} readOnly disabled hint="Your trainer invited this address." />
      <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required error={state.fields?.password} hint="At least 10 characters." />
      <SelectField label="Your time zone" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={state.fields?.timeZone} hint="Your drills are due by the date where you are.">
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Setting up…" : "Join and go to my drills"}
      </Button>
    </form>
  );
}
