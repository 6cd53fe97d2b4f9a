"use client";

import { useActionState } from "react";
import { payTestCheckoutAction, type PayState } from "@/app/checkout/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

export function PayForm({ sessionId, amountLabel }: { sessionId: string; amountLabel: string }) {
  const [state, action, isPending] = useActionState<PayState, FormData>(payTestCheckoutAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="Test card number" name="cardNumber" inputMode="numeric" autoComplete="off" defaultValue="4242 4242 4242 4242" error={state.cardError} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Paying…" : `Pay ${amountLabel} (test)`}
      </Button>
    </form>
  );
}
