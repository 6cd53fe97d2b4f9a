"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/drills/fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { signUpAction, type SignUpState } from "./actions";

const UNITS = [
  { value: "km", label: "Kilometres" },
  { value: "mi", label: "Miles" },
] as const;

export function SignUpForm({ zones, currencies }: { zones: string[]; currencies: readonly string[] }) {
  const [state, action, isPending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">You</legend>
        <Field label="Your name" name="ownerName" autoComplete="name" required defaultValue={v.ownerName} error={e.ownerName} />
        <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={v.email} error={e.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" required error={e.password} hint="At least 10 characters." />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Your studio</legend>
        <Field label="Studio name" name="studioName" required defaultValue={v.studioName} error={e.studioName} hint="Shown to your clients; your public page's address is made from it." />
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
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Starting your studio…" : "Start my studio"}
      </Button>
    </form>
  );
}
