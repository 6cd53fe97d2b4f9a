"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** Opens Stripe's onboarding for the studio's account (a fresh, short-lived link each time). */
export function ConnectStripeButton({ label, isDisabled }: { label: string; isDisabled: boolean }) {
  const trpc = useTRPC();
  const connect = useMutation(
    trpc.payment.connect.mutationOptions({
      onSuccess: ({ url }) => {
        if (url) window.location.assign(url);
      },
    }),
  );
  const errors = formErrorsOf(connect.error);
  return (
    <div className="space-y-2">
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <Button type="button" disabled={isDisabled || connect.isPending || connect.isSuccess} onClick={() => connect.mutate()}>
        {connect.isPending || connect.isSuccess ? "Opening Stripe…" : label}
      </Button>
    </div>
  );
}
