"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
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
      {change.data && !change.data.isConfirmed ? null : cancelAtPeriodEnd ? (
        <ConfirmPanel
          triggerLabel="Cancel at period end"
          question="Cancel your subscription?"
          confirmLabel="Yes, cancel at period end"
          keepLabel="Keep my subscription"
          isPending={change.isPending}
          onConfirm={() => change.mutate({ subscriptionId, cancelAtPeriodEnd: true })}
        >
          <p>It stays active until {endsOn} and you are not charged again. You can resume it until then.</p>
        </ConfirmPanel>
      ) : (
        <Button variant="primary" size="sm" disabled={change.isPending} onClick={() => change.mutate({ subscriptionId, cancelAtPeriodEnd: false })}>
          {change.isPending ? "Saving…" : "Resume subscription"}
        </Button>
      )}
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
