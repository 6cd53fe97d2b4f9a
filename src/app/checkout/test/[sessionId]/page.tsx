import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { priceLabel } from "@/components/billing/price";
import { TestModeNotice } from "@/components/billing/test-mode-notice";
import { Card } from "@/components/ui/card";
import { billingMode } from "@/server/billing/config";
import { checkoutBySession } from "@/server/billing/service";
import { getDb } from "@/server/db/client";
import { PayForm } from "./pay-form";

export const metadata: Metadata = { title: "Test checkout" };

// The in-app stand-in for Stripe Checkout (no Stripe key set). Like Stripe's page it is
// reached by the checkout session's unguessable id, not by signing in.
export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  await connection();
  const { sessionId } = await params;
  const checkout = billingMode() === "test" ? await checkoutBySession(await getDb(), sessionId) : null;
  if (!checkout || checkout.provider !== "test") notFound();
  const price = priceLabel({ priceMinor: checkout.amountMinor, currency: checkout.currency, interval: checkout.planKind === "subscription" ? checkout.interval : null });
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">Pay {checkout.studioName}</h1>
      <TestModeNotice detail="This checkout stands in for Stripe: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined." />
      <Card className="space-y-1">
        <p className="font-semibold">{checkout.planName}</p>
        <p>{price}</p>
        {checkout.credits && checkout.planKind === "pack" ? <p className="text-sm text-stone-700">{checkout.credits} session credits</p> : null}
        <p className="text-sm text-stone-600">For {checkout.email}</p>
      </Card>
      {checkout.status === "complete" ? (
        <Card>
          <p>This checkout is already paid.</p>
          <Link className="text-brand-700 underline" href={`/checkout/complete?session_id=${encodeURIComponent(sessionId)}`}>
            Continue
          </Link>
        </Card>
      ) : (
        <Card>
          <PayForm sessionId={sessionId} amountLabel={price} />
        </Card>
      )}
      <p className="text-sm">
        <Link href={checkout.isSignup ? `/studios/${checkout.studioSlug}/plans` : "/portal/billing"} className="text-brand-700 underline">
          Cancel and go back
        </Link>
      </p>
    </main>
  );
}
