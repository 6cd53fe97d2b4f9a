"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formErrorsOf, useTRPC } from "@/trpc/react";
import { SubmitButton } from "@/components/ui/submit-button";

export function TestCardForm({ hasUnpaid }: { hasUnpaid: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [cardNumber, setCardNumber] = useState("4242 4242 4242 4242");
  const save = useMutation(trpc.billing.updateTestCard.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(save.error);
  const result = save.data;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ cardNumber });
      }}
    >
      {result ? (
        result.retried === 0 ? (
          <Alert tone="success">Card saved.</Alert>
        ) : result.paid === result.retried ? (
          <Alert tone="success">Card saved and your unpaid payment went through.</Alert>
        ) : (
          <Alert>The new card was declined too. Try another card.</Alert>
        )
      ) : null}
      {errors.message && !errors.fields.cardNumber ? <Alert>{errors.message}</Alert> : null}
      {hasUnpaid ? <p className="text-sm">Saving a card retries your unpaid payment straight away.</p> : null}
      <Field label="Card number" name="cardNumber" inputMode="numeric" value={cardNumber} onChange={(e) => setCardNumber(e.target.value)} error={errors.fields.cardNumber} />
      <SubmitButton className="w-full" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save card"}
      </SubmitButton>
    </form>
  );
}
