"use client";

import { useActionState } from "react";
import { NewOwnerFields, NewStudioFields } from "@/components/studio/new-studio-fields";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { signUpAction, type SignUpState } from "./actions";

export function SignUpForm({ zones, currencies }: { zones: string[]; currencies: readonly string[] }) {
  const [state, action, isPending] = useActionState<SignUpState, FormData>(signUpAction, {});
  const values = state.values ?? {};
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <NewOwnerFields legend="You" values={values} errors={errors} />
      <NewStudioFields zones={zones} currencies={currencies} values={values} errors={errors} nameHint="Shown to your clients; your public page's address is made from it." />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Starting your studio…" : "Start my studio"}
      </Button>
    </form>
  );
}
