"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { TimeZoneField } from "@/components/ui/time-zone-field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

type Unit = "km" | "mi" | null;

/** Name, time zone and the distance unit (a trainer reads their clients' runs in it too). */
export function ProfileForm({ name, timeZone, distanceUnit, zones, showsDistanceUnit }: { name: string; timeZone: string; distanceUnit: Unit; zones: string[]; showsDistanceUnit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [typedName, setTypedName] = useState(name);
  const save = useMutation(trpc.account.updateProfile.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(save.error);
  return (
    <form
      aria-label="About you"
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const unit = String(form.get("distanceUnit") ?? "");
        save.mutate({ name: typedName, timeZone: String(form.get("timeZone") ?? ""), distanceUnit: unit === "km" || unit === "mi" ? unit : showsDistanceUnit ? null : distanceUnit });
      }}
    >
      {save.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
      <FormAlert message={errors.message} fields={errors.fields} />
      <Field label="Name" name="name" autoComplete="name" value={typedName} onChange={(e) => setTypedName(e.target.value)} error={errors.fields.name} />
      <TimeZoneField zones={zones} chosen={timeZone} fallback={timeZone} error={errors.fields.timeZone} hint="Your days (what is due today, your bookings) follow this clock." />
      {showsDistanceUnit ? (
        <SelectField label="Distances in" name="distanceUnit" defaultValue={distanceUnit ?? ""} error={errors.fields.distanceUnit}>
          <option value="">The studio’s unit</option>
          <option value="km">Kilometres</option>
          <option value="mi">Miles</option>
        </SelectField>
      ) : null}
      <SubmitButton disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </SubmitButton>
    </form>
  );
}
