"use client";

import { useActionState } from "react";
import { NewOwnerFields, NewStudioFields } from "@/components/studio/new-studio-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { completeSetupAction, type SetupState } from "./actions";

export function SetupForm({ zones, currencies }: { zones: string[]; currencies: readonly string[] }) {
  const [state, action, isPending] = useActionState<SetupState, FormData>(completeSetupAction, {});
  const values = state.values ?? {};
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field
        label="Set-up code"
        name="code"
        autoComplete="off"
        spellCheck={false}
        required
        defaultValue={values.code}
        error={errors.code}
        hint="Printed in the server's log when it started: “Set-up code: …”."
      />
      <NewStudioFields zones={zones} currencies={currencies} values={values} errors={errors} />
      <NewOwnerFields legend="You, the owner" values={values} errors={errors} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Setting up…" : "Set up my studio"}
      </Button>
    </form>
  );
}
