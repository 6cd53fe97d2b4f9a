import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Alert, Badge, Card } from "@/components/ui/card";
import { api, orForbidden } from "@/trpc/server";
import { ConnectStripeButton } from "./connect-button";

export const metadata: Metadata = { title: "Payments" };

// Where the owner of a studio on a hosted Stride connects their own Stripe account, so their
// clients' payments go to them. Coming back from Stripe re-reads whether it may take charges.
export default async function PaymentsSettingsPage({ searchParams }: { searchParams: Promise<{ link?: string }> }) {
  const { link } = await searchParams;
  const trpc = await api();
  const me = await trpc.viewer.me();
  if (me?.kind !== "trainer" || me.role !== "owner") forbidden();
  const status = await orForbidden(link === "returned" ? trpc.payment.refresh() : trpc.payment.status());
  const isConnected = !!status.accountId && status.chargesEnabled;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">Payments</h1>
      {!status.isConnectRequired ? (
        <Card className="space-y-2">
          <p className="text-stone-700">
            {status.mode === "stripe"
              ? "This Stride takes payments on the Stripe account of whoever runs it: there is nothing to connect here."
              : status.mode === "test"
                ? "No Stripe key is set on this Stride: payments go through a simulated checkout and no card is charged."
                : "Online payments are not set up on this Stride. Ask whoever runs it to set STRIPE_SECRET_KEY."}
          </p>
        </Card>
      ) : (
        <Card className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-lg font-semibold">Your Stripe account</h2>
            <Badge>{isConnected ? "Connected: taking payments" : status.accountId ? "Onboarding not finished" : "Not connected"}</Badge>
          </div>
          <p className="text-stone-700">
            Your clients pay you directly, on your own Stripe account: the money, the payouts and the customer records are yours, never
            this site&apos;s.
          </p>
          {link === "expired" ? <Alert tone="info">That Stripe link had expired. Continue to get a fresh one.</Alert> : null}
          {link === "returned" && !isConnected ? (
            <Alert tone="info">Stripe does not let this account take charges yet. Finish the details Stripe asks for, then come back.</Alert>
          ) : null}
          {status.blocker ? <p className="text-stone-700">{status.blocker}</p> : null}
          {status.accountId ? <p className="text-sm text-stone-600">Account {status.accountId}</p> : null}
          {isConnected ? null : <ConnectStripeButton label={status.accountId ? "Continue on Stripe" : "Connect with Stripe"} isDisabled={!status.isEmailConfirmed} />}
        </Card>
      )}
    </div>
  );
}
