"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { formErrorsOf, useTRPC } from "@/trpc/react";

/** Opens the checkout for a plan or pack (Stripe's page, or the test-mode one). */
export function BuyButton({ planId, label, variant = "primary" }: { planId: string; label: string; variant?: "primary" | "secondary" }) {
  const trpc = useTRPC();
  const buy = useMutation(trpc.billing.buy.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  const errors = formErrorsOf(buy.error);
  return (
    <div className="space-y-2">
      <Button variant={variant} size="sm" disabled={buy.isPending || buy.isSuccess} onClick={() => buy.mutate({ planId })}>
        {buy.isPending || buy.isSuccess ? "Opening checkout…" : label}
      </Button>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
    </div>
  );
}

export function CancellationButton({ subscriptionId, cancelAtPeriodEnd, endsOn }: { subscriptionId: string; cancelAtPeriodEnd: boolean; endsOn: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.billing.setCancelAtPeriodEnd.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(change.error);
  return (
    <div className="space-y-2">
      <Button
        variant={cancelAtPeriodEnd ? "secondary" : "primary"}
        size="sm"
        disabled={change.isPending}
        onClick={() => {
          if (cancelAtPeriodEnd && !window.confirm(`Cancel your subscription? It stays active until ${endsOn}.`)) return;
          change.mutate({ subscriptionId, cancelAtPeriodEnd });
        }}
      >
        {change.isPending ? "Saving…" : cancelAtPeriodEnd ? "Cancel at period end" : "Resume subscription"}
      </Button>
      {change.data && !change.data.isConfirmed ? (
        <p role="status" className="text-sm text-stone-700">
          Requested. Stripe confirms it in a moment; refresh to see it here.
        </p>
      ) : null}
      {errors.message ? <Alert>{errors.message}</Alert> : null}
    </div>
  );
}

export function UpdateCardButton() {
  const trpc = useTRPC();
  const open = useMutation(trpc.billing.cardUpdateUrl.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }));
  const errors = formErrorsOf(open.error);
  return (
    <div className="space-y-2">
      <Button size="sm" variant="secondary" disabled={open.isPending} onClick={() => open.mutate()}>
        Update card
      </Button>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
    </div>
  );
}

/** Test mode only: make the next renewal happen now, to see a success or a failure play out. */
export function SimulateRenewal({ subscriptionId }: { subscriptionId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const simulate = useMutation(trpc.billing.simulateRenewal.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = formErrorsOf(simulate.error);
  return (
    <div className="space-y-2 rounded-lg border border-dashed border-amber-500 p-3 text-sm">
      <p className="font-medium">Test mode: renew now</p>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={simulate.isPending} onClick={() => simulate.mutate({ subscriptionId, outcome: "paid" })}>
          Simulate a paid renewal
        </Button>
        <Button size="sm" variant="secondary" disabled={simulate.isPending} onClick={() => simulate.mutate({ subscriptionId, outcome: "failed" })}>
          Simulate a failed payment
        </Button>
      </div>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
    </div>
  );
}
