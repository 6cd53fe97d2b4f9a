"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { NewPasswordField } from "@/components/ui/new-password-field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { completeSetupAction, type SetupState } from "./actions";

const UNITS = [
  { value: "km", label: "Kilometres" },
  { value: "mi", label: "Miles" },
] as const;

export function SetupForm({ zones, currencies }: { zones: string[]; currencies: readonly string[] }) {
  const [state, action, isPending] = useActionState<SetupState, FormData>(completeSetupAction, {});
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Set-up code"
        name="code"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={v.code}
        error={e.code}
        hint="Printed in the server's log when it started: “Set-up code: …”."
      />
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Your studio</legend>
        <Field label="Studio name" name="studioName" required defaultValue={v.studioName} error={e.studioName} />
        <TimeZoneField zones={zones} chosen={v.timeZone} error={e.timeZone} hint="Your calendar, bookings and days run in this zone." />
        {/* Keys give a refused form's choice to the fresh select React makes after the action. */}
        <SelectField key={`currency-${v.currency}`} label="Currency" name="currency" defaultValue={v.currency || "GBP"} error={e.currency} hint="What your plans and packs are priced in.">
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <SelectField key={`unit-${v.distanceUnit}`} label="Distance unit" name="distanceUnit" defaultValue={v.distanceUnit || "km"} error={e.distanceUnit} hint="How your clients' runs are measured.">
          {UNITS.map((unit) => (
            <option key={unit.value} value={unit.value}>
              {unit.label}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">You, the owner</legend>
        <Field label="Your name" name="ownerName" autoComplete="name" required defaultValue={v.ownerName} error={e.ownerName} />
        <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={v.email} error={e.email} />
        <NewPasswordField label="Password" required error={e.password} />
      </fieldset>
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Setting up…" : "Set up my studio"}
      </Button>
    </form>
  );
}
